import { compareCodeUnits } from './compareCodeUnits.ts';
import { milliToNumber } from './quantity.ts';
import type { CompanyUsage, CostKeyBucket, UsageReport } from './report.ts';
import type { Company, Tally } from './types.ts';

/** A global bucket being merged, with sums in thousandths (undefined = no company of that unit has it). */
interface MergedBucket {
  events: number;
  minutesMilli: number | undefined;
  creditsMilli: number | undefined;
}

/** Shapes one company's tally into its JSON, with the other unit's fields absent. DESIGN §3.4. */
function companyUsage(company: Company, tally: Tally): CompanyUsage {
  let totalMilli = 0;
  for (const b of tally.buckets) totalMilli += b.milli;
  // Object literals, not spreads: V8's spread clone made these objects survive young-generation GCs.
  if (company.billingSystem === 'minutes') {
    return {
      companyId: company.id,
      companyName: company.name,
      billingSystem: 'minutes',
      totalMinutesUsed: milliToNumber(totalMilli),
      totalInterviews: tally.interviews,
      breakdownByCostKey: tally.buckets.map((b) => ({ costKey: b.costKey, events: b.events, minutesUsed: milliToNumber(b.milli) })),
    };
  }
  return {
    companyId: company.id,
    companyName: company.name,
    billingSystem: 'credits',
    totalCreditsUsed: milliToNumber(totalMilli),
    totalInterviews: tally.interviews,
    breakdownByCostKey: tally.buckets.map((b) => ({ costKey: b.costKey, events: b.events, creditsUsed: milliToNumber(b.milli) })),
  };
}

/** Turns a merged bucket into JSON, each unit present only if some company of that unit had the key. */
function globalBucket(costKey: string, m: MergedBucket): CostKeyBucket {
  const bucket: CostKeyBucket = { costKey, events: m.events };
  if (m.minutesMilli !== undefined) bucket.minutesUsed = milliToNumber(m.minutesMilli);
  if (m.creditsMilli !== undefined) bucket.creditsUsed = milliToNumber(m.creditsMilli);
  return bucket;
}

/**
 * Builds the `data` of GET /billing/usage from the listed companies and each one's tally.
 * Units: tallies in thousandths, report quantities in minutes/credits (sums exact: summed as integer
 * thousandths, converted once). Shape: companies sorted by `companyName` then `companyId` (code-unit
 * order); top-level `totalMinutesUsed` present iff a listed company bills in minutes (even at 0),
 * `totalCreditsUsed` likewise, neither for no companies; the global breakdown merged by `costKey`,
 * sorted, with `minutesUsed`/`creditsUsed` present iff a company of that unit has the bucket.
 * `tallyOf` is called once per company. DESIGN §3.3–§3.5.
 */
export function buildUsageReport(companies: readonly Company[], tallyOf: (company: Company) => Tally): UsageReport {
  const sorted = [...companies].sort((a, b) => compareCodeUnits(a.name, b.name) || compareCodeUnits(a.id, b.id));
  const merged = new Map<string, MergedBucket>();
  let minutesMilli: number | undefined;
  let creditsMilli: number | undefined;
  let totalInterviews = 0;
  const usages = sorted.map((company) => {
    const tally = tallyOf(company);
    const isMinutes = company.billingSystem === 'minutes';
    totalInterviews += tally.interviews;
    for (const b of tally.buckets) {
      let m = merged.get(b.costKey);
      if (m === undefined) {
        m = { events: 0, minutesMilli: undefined, creditsMilli: undefined };
        merged.set(b.costKey, m);
      }
      m.events += b.events;
      if (isMinutes) m.minutesMilli = (m.minutesMilli ?? 0) + b.milli;
      else m.creditsMilli = (m.creditsMilli ?? 0) + b.milli;
      if (isMinutes) minutesMilli = (minutesMilli ?? 0) + b.milli;
      else creditsMilli = (creditsMilli ?? 0) + b.milli;
    }
    if (isMinutes) minutesMilli ??= 0;
    else creditsMilli ??= 0;
    return companyUsage(company, tally);
  });
  // Filled in the documented key order; every required field is set before the return.
  const report = { companies: usages } as UsageReport;
  if (minutesMilli !== undefined) report.totalMinutesUsed = milliToNumber(minutesMilli);
  if (creditsMilli !== undefined) report.totalCreditsUsed = milliToNumber(creditsMilli);
  report.totalInterviews = totalInterviews;
  report.breakdownByCostKey = [...merged.keys()].sort(compareCodeUnits).map((k) => globalBucket(k, merged.get(k)!));
  return report;
}
