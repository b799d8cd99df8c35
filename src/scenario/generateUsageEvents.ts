import { createSeededFaker } from './createSeededFaker.ts';
import { formatUuidWords } from '../billing/uuid.ts';
import type { components } from '../generated/admin.ts';

/**
 * A cost key with its relative weight in a random pick (generated from the admin spec's `WeightedCostKey`).
 * Units: `weight` a non-negative number, relative to the other entries' weights. DESIGN §7 (generators).
 */
export type WeightedCostKey = components['schemas']['WeightedCostKey'];

/**
 * A scenario generator: how to make one company's faker-made usage events (generated from
 * `spec/scenario.schema.json#/$defs/Generator` via the admin spec).
 * Shape and defaults (see {@link GENERATOR_DEFAULTS}): `days` whole UTC days ending at the start of
 * the UTC day containing now (exclusive); `interviewsPerDay` {min, max} interviews per day, inclusive,
 * uniform; `durationMinutes` {min, max} minutes, uniform, with `decimals` (0–3) decimal places;
 * `costKeys` the weighted cost key of each interview's first event; `extraCostKeys` the weighted cost
 * key of the extra event that a share `multiEventShare` (0–1) of interviews gets, at the end of the
 * interview, with the same minutes; `agentFocusMix` agent focus → weight; `testShare` (0–1) the share
 * of interviews whose events are all `isTest`. DESIGN §4, §7.
 */
export type UsageGenerator = components['schemas']['Generator'];

/** The values used for fields a {@link UsageGenerator} leaves out. DESIGN §4, §7. */
export const GENERATOR_DEFAULTS = {
  days: 90,
  interviewsPerDay: { min: 2, max: 8 },
  durationMinutes: { min: 5, max: 45, decimals: 1 },
  costKeys: [{ costKey: 'interview_minutes', weight: 1 }],
  extraCostKeys: [
    { costKey: 'transcription', weight: 3 },
    { costKey: 'ai_analysis', weight: 1 },
  ],
  multiEventShare: 0.25,
  agentFocusMix: { GENERIC: 5, SCREENING: 3, LANGUAGE_TEST: 1, OUTREACH: 1 } as Record<string, number>,
  testShare: 0.02,
} as const;

/**
 * A generated event: the control plane's usage-event input (`UsageEventInput` of the admin spec)
 * with every field given except `credits` (credits are not priced here).
 * Units: `occurredAt` an ISO 8601 UTC instant with milliseconds; `minutes` a quantity with at most
 * 3 decimals. `id` and `interviewId` are deterministic version-4-shaped UUIDs. DESIGN §6.1, §7.
 */
export type GeneratedUsageEvent = Required<Omit<components['schemas']['UsageEventInput'], 'credits'>>;


const DAY_MS = 86_400_000;
const TWO_32 = 4_294_967_296;

/** FNV-1a over a string: a stable 32-bit seed part for the company and generator index. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Throws, naming the field and the fix, when a generator setting cannot be used. */
function check(ok: boolean, companyId: string, message: string): void {
  if (!ok) throw new RangeError(`generateUsageEvents(${companyId}): ${message}`);
}

/** Prepares a weighted pick: cumulative weights and the items, validated. */
function weighted<T>(items: Array<[T, number]>, companyId: string, field: string) {
  check(items.length > 0, companyId, `${field} must not be empty`);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of items) {
    check(Number.isFinite(w) && w >= 0, companyId, `${field} weights must be non-negative numbers`);
    total += w;
    cumulative.push(total);
  }
  check(total > 0, companyId, `${field} weights must not all be 0`);
  return { values: items.map(([v]) => v), cumulative, total };
}

/**
 * Generates one company's usage events, deterministically for a seed, a generator index and a UTC day.
 * Units: `opts.nowMs` milliseconds since epoch; events fall in the `days` whole UTC days before the
 * start of now's UTC day, ordered by interview start. `opts.index` (default 0) is the generator's
 * position in its scenario, mixed into the seed with `opts.seed` and `companyId`, so two generators
 * never repeat ids. Throws (start-up error) for unusable settings, naming the field. DESIGN §4, §7.
 */
export function generateUsageEvents(gen: UsageGenerator, opts: { seed: number; nowMs: number; index?: number }): GeneratedUsageEvent[] {
  const d = GENERATOR_DEFAULTS;
  const { companyId } = gen;
  const days = gen.days ?? d.days;
  const perDay = gen.interviewsPerDay ?? d.interviewsPerDay;
  const duration = { ...d.durationMinutes, ...gen.durationMinutes };
  const multiShare = gen.multiEventShare ?? d.multiEventShare;
  const testShare = gen.testShare ?? d.testShare;
  check(Number.isInteger(days) && days >= 0, companyId, `days must be a whole number ≥ 0, got ${days}`);
  check(Number.isInteger(perDay.min) && perDay.min >= 0 && perDay.max >= perDay.min && Number.isInteger(perDay.max), companyId, 'interviewsPerDay needs whole numbers 0 ≤ min ≤ max');
  check(Number.isInteger(duration.decimals) && duration.decimals >= 0 && duration.decimals <= 3, companyId, 'durationMinutes.decimals must be 0–3');
  const scale = 10 ** duration.decimals;
  const minUnits = Math.round(duration.min * scale);
  const maxUnits = Math.round(duration.max * scale);
  check(minUnits / scale === duration.min && maxUnits / scale === duration.max && minUnits >= 0 && maxUnits >= minUnits, companyId, `durationMinutes needs 0 ≤ min ≤ max with at most ${duration.decimals} decimals`);
  check(multiShare >= 0 && multiShare <= 1 && testShare >= 0 && testShare <= 1, companyId, 'multiEventShare and testShare must be between 0 and 1');
  const primary = weighted((gen.costKeys ?? d.costKeys).map((c) => [c.costKey, c.weight]), companyId, 'costKeys');
  const extra = weighted((gen.extraCostKeys ?? d.extraCostKeys).map((c) => [c.costKey, c.weight]), companyId, 'extraCostKeys');
  const focus = weighted(Object.entries(gen.agentFocusMix ?? d.agentFocusMix), companyId, 'agentFocusMix');

  const faker = createSeededFaker([opts.seed >>> 0, opts.index ?? 0, hash32(companyId)]);
  const word = (): number => faker.number.int({ min: 0, max: TWO_32 - 1 });
  const unit = (): number => word() / TWO_32;
  const pick = (w: ReturnType<typeof weighted<string>>): string => {
    const r = unit() * w.total;
    let i = 0;
    while (i < w.cumulative.length - 1 && !(r < w.cumulative[i]!)) i++;
    return w.values[i]!;
  };
  const words = new Uint32Array(4); // stored as unsigned 32-bit words
  const uuid = (): string => {
    words[0] = word();
    words[1] = (word() & 0xffff0fff) | 0x00004000; // version 4
    words[2] = (word() & 0x3fffffff) | 0x80000000; // variant 10
    words[3] = word();
    return formatUuidWords(words);
  };

  const today = Math.floor(opts.nowMs / DAY_MS) * DAY_MS;
  const out: GeneratedUsageEvent[] = [];
  for (let day = today - days * DAY_MS; day < today; day += DAY_MS) {
    const count = faker.number.int({ min: perDay.min, max: perDay.max });
    const interviews: Array<{ start: number; units: number }> = [];
    for (let i = 0; i < count; i++) {
      const units = faker.number.int({ min: minUnits, max: maxUnits });
      const durationMs = Math.round((units / scale) * 60_000);
      interviews.push({ start: day + faker.number.int({ min: 0, max: Math.max(0, DAY_MS - durationMs - 1) }), units });
    }
    interviews.sort((x, y) => x.start - y.start);
    for (const { start, units } of interviews) {
      const interviewId = uuid();
      const minutes = units / scale;
      const agentFocus = pick(focus);
      const isTest = unit() < testShare;
      const costKey = pick(primary);
      out.push({ id: uuid(), companyId, interviewId, costKey, occurredAt: new Date(start).toISOString(), minutes, agentFocus, isTest });
      if (unit() < multiShare) {
        const at = new Date(Math.min(start + Math.round(minutes * 60_000), day + DAY_MS - 1)).toISOString();
        out.push({ id: uuid(), companyId, interviewId, costKey: pick(extra), occurredAt: at, minutes, agentFocus, isTest });
      }
    }
  }
  return out;
}
