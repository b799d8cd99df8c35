import { Faker, en } from '@faker-js/faker';

/**
 * A cost key with its relative weight in a random pick.
 * Units: `weight` a non-negative number, relative to the other entries' weights. DESIGN §7 (generators).
 */
export interface WeightedCostKey {
  costKey: string;
  weight: number;
}

/**
 * A scenario generator: how to make one company's faker-made usage events.
 * Shape and defaults (see {@link GENERATOR_DEFAULTS}): `days` whole UTC days ending at the start of
 * the UTC day containing now (exclusive); `interviewsPerDay` {min, max} interviews per day, inclusive,
 * uniform; `durationMinutes` {min, max} minutes, uniform, with `decimals` (0–3) decimal places;
 * `costKeys` the weighted cost key of each interview's first event; `extraCostKeys` the weighted cost
 * key of the extra event that a share `multiEventShare` (0–1) of interviews gets, at the end of the
 * interview, with the same minutes; `agentFocusMix` agent focus → weight; `testShare` (0–1) the share
 * of interviews whose events are all `isTest`. DESIGN §4, §7.
 */
export interface UsageGenerator {
  companyId: string;
  days?: number;
  interviewsPerDay?: { min: number; max: number };
  durationMinutes?: { min: number; max: number; decimals?: number };
  costKeys?: WeightedCostKey[];
  extraCostKeys?: WeightedCostKey[];
  multiEventShare?: number;
  agentFocusMix?: Record<string, number>;
  testShare?: number;
}

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
 * A generated event, in the control plane's usage-event input shape (credits are not priced here).
 * Units: `occurredAt` an ISO 8601 UTC instant with milliseconds; `minutes` a quantity with at most
 * 3 decimals. `id` and `interviewId` are deterministic version-4-shaped UUIDs. DESIGN §6.1.
 */
export interface UsageEventInput {
  id: string;
  companyId: string;
  interviewId: string;
  costKey: string;
  occurredAt: string;
  minutes: number;
  agentFocus: string;
  isTest: boolean;
}

const DAY_MS = 86_400_000;
const TWO_32 = 4_294_967_296;
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Character positions in a 36-character UUID of each of its four 32-bit words. */
const UUID_SLOTS = [
  [0, 1, 2, 3, 4, 5, 6, 7],
  [9, 10, 11, 12, 14, 15, 16, 17],
  [19, 20, 21, 22, 24, 25, 26, 27],
  [28, 29, 30, 31, 32, 33, 34, 35],
];

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
export function generateUsageEvents(gen: UsageGenerator, opts: { seed: number; nowMs: number; index?: number }): UsageEventInput[] {
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

  const faker = new Faker({ locale: [en] });
  faker.seed([opts.seed >>> 0, opts.index ?? 0, hash32(companyId)]);
  const word = (): number => faker.number.int({ min: 0, max: TWO_32 - 1 });
  const unit = (): number => word() / TWO_32;
  const pick = (w: ReturnType<typeof weighted<string>>): string => {
    const r = unit() * w.total;
    let i = 0;
    while (i < w.cumulative.length - 1 && !(r < w.cumulative[i]!)) i++;
    return w.values[i]!;
  };
  const codes = new Array<number>(36).fill(45); // '-' at 8, 13, 18, 23
  const putWord = (w: number, at: number[]): void => {
    for (let k = 0; k < 8; k++) codes[at[k]!] = HEX_CODES[(w >>> (28 - 4 * k)) & 15]!;
  };
  const uuid = (): string => {
    putWord(word(), UUID_SLOTS[0]!);
    putWord(((word() & 0xffff0fff) | 0x00004000) >>> 0, UUID_SLOTS[1]!);
    putWord(((word() & 0x3fffffff) | 0x80000000) >>> 0, UUID_SLOTS[2]!);
    putWord(word(), UUID_SLOTS[3]!);
    return String.fromCharCode.apply(null, codes); // one flat string, not a rope of pieces
  };

  const today = Math.floor(opts.nowMs / DAY_MS) * DAY_MS;
  const out: UsageEventInput[] = [];
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
