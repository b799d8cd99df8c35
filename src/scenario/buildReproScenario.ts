import { createSeededFaker } from './createSeededFaker.ts';
import { parseQuantity } from '../billing/quantity.ts';
import { formatUuidWords } from '../billing/uuid.ts';
import type { CompanyUsage, UsageReport } from '../billing/report.ts';
import { splitThousandths } from './splitThousandths.ts';
import { spreadInstants } from './spreadInstants.ts';
import type { Scenario } from './types.ts';

type UsageEventInput = NonNullable<Scenario['usageEvents']>[number];

/**
 * What {@link buildReproScenario} turns into a scenario: a report already checked (schema, §8 and
 * src/scenario/findReproductionObstacles.ts) and the period it covers.
 * Units: `startMs`, `endMs` milliseconds since epoch, `startMs < endMs`, and the period holds at least
 * as many milliseconds as any company has events. `apiKey` matches `^sk_[A-Za-z0-9_]{1,120}$`;
 * `name` is a scenario name; `atsName` the ATS integration's name when `keyType` is `ats`. Issue 14.
 */
export interface ReproPlan {
  report: UsageReport;
  startMs: number;
  endMs: number;
  keyType: 'regular' | 'ats';
  apiKey: string;
  name: string;
  description: string;
  atsName: string;
}

/** FNV-1a over a string with a chosen offset basis: one 32-bit word of a seed. */
function hash32(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The thousandths of a company bucket's own unit (minutes or credits); the report is checked, so it parses. */
function bucketMilli(company: CompanyUsage, bucket: CompanyUsage['breakdownByCostKey'][number]): number {
  const value = company.billingSystem === 'minutes' ? (bucket as { minutesUsed: number }).minutesUsed : (bucket as { creditsUsed: number }).creditsUsed;
  const parsed = parseQuantity(value);
  if (!parsed.ok) throw new TypeError(`buildReproScenario: bucket ${bucket.costKey} of ${company.companyId} ${parsed.reason}; check the report first`);
  return parsed.milli;
}

/**
 * One company's events: each bucket's value split evenly over its `events` (exact thousandths), the
 * events dealt round-robin to `totalInterviews` interviews over the company's whole list (buckets in
 * report order), so every interview gets at least one event and an interview spans cost keys when
 * there are fewer interviews than events in a bucket; an interview's events are consecutive in time.
 */
function companyEvents(company: CompanyUsage, plan: ReproPlan, uuid: () => string): UsageEventInput[] {
  const slots = company.breakdownByCostKey.flatMap((bucket) => splitThousandths(bucketMilli(company, bucket), bucket.events).map((milli) => ({ costKey: bucket.costKey, milli })));
  const interviews = Array.from({ length: company.totalInterviews }, uuid);
  const order: number[] = [];
  for (let i = 0; i < interviews.length; i++) for (let p = i; p < slots.length; p += interviews.length) order.push(p);
  const instants = spreadInstants(plan.startMs, plan.endMs, order.length);
  return order.map((p, q) => {
    const { costKey, milli } = slots[p]!;
    const quantity = company.billingSystem === 'minutes' ? { minutes: milli / 1000 } : { minutes: 0, credits: milli / 1000 };
    return { id: uuid(), companyId: company.companyId, interviewId: interviews[p % interviews.length]!, costKey, occurredAt: new Date(instants[q]!).toISOString(), ...quantity };
  });
}

/**
 * Builds the scenario whose mock answers exactly `plan.report` for `[start, end)` with one key.
 * Shape (DESIGN §7): clock frozen at `end`; the report's companies with their ids, names and billing
 * systems; for an ATS key, one ATS integration managing all of them, else the one company; one key
 * `plan.apiKey` with scope read:billing that sees exactly them; per company and cost key, exactly
 * `events` usage events at distinct milliseconds spread evenly over the period, never `isTest`, whose
 * values (minutes for a minutes company; explicit `credits` and `minutes: 0` for a credits company)
 * add up to the bucket's value exactly, each an integer number of thousandths (at most 3 decimals),
 * the shares differing by at most 0.001; `totalInterviews` distinct interview ids per company.
 * Ids (ATS integration, events, interviews) are version-4-shaped UUIDs drawn from a generator seeded
 * by the report, the period and the key type: the same plan always gives the same scenario.
 * @throws TypeError or RangeError (programmer error) when the plan was not checked first.
 * DESIGN §3.3–§3.5, §6.1, §7; docs/decisions/0010-scenario-from-report.md.
 */
export function buildReproScenario(plan: ReproPlan): Scenario {
  const seedText = JSON.stringify([plan.report, plan.startMs, plan.endMs, plan.keyType]);
  const random = createSeededFaker([hash32(seedText, 0x811c9dc5), hash32(seedText, 0x2f1e3d4c)]);
  // Four random words with the version and variant bits set, as src/scenario/generateUsageEvents.ts
  // does: several times faster than faker's string.uuid for a million events.
  const word = (): number => random.number.int({ min: 0, max: 0xffffffff });
  const words = new Uint32Array(4);
  const uuid = (): string => {
    words[0] = word();
    words[1] = (word() & 0xffff0fff) | 0x00004000; // version 4
    words[2] = (word() & 0x3fffffff) | 0x80000000; // variant 10
    words[3] = word();
    return formatUuidWords(words);
  };
  const atsIntegrationId = plan.keyType === 'ats' ? uuid() : undefined;
  const companies = plan.report.companies.map((c) => ({
    id: c.companyId,
    name: c.companyName,
    billingSystem: c.billingSystem,
    ...(atsIntegrationId === undefined ? {} : { atsIntegrationId }),
  }));
  const apiKey =
    atsIntegrationId === undefined
      ? { key: plan.apiKey, type: 'regular' as const, companyId: plan.report.companies[0]!.companyId }
      : { key: plan.apiKey, type: 'ats' as const, atsIntegrationId };
  return {
    name: plan.name,
    description: plan.description,
    clock: { mode: 'frozen', now: new Date(plan.endMs).toISOString() },
    atsIntegrations: atsIntegrationId === undefined ? [] : [{ id: atsIntegrationId, name: plan.atsName }],
    companies,
    apiKeys: [apiKey],
    usageEvents: plan.report.companies.flatMap((c) => companyEvents(c, plan, uuid)),
  };
}
