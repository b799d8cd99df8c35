import { compareCodeUnits } from '../billing/compareCodeUnits.ts';
import type { UsageReport } from '../billing/report.ts';

/** Whether a list is in the order `compare` gives (ties allowed). */
function isSorted<T>(items: readonly T[], compare: (a: T, b: T) => number): boolean {
  return items.every((item, i) => i === 0 || compare(items[i - 1]!, item) <= 0);
}

const byCostKey = (a: { costKey: string }, b: { costKey: string }): number => compareCodeUnits(a.costKey, b.costKey);

/**
 * Lists how the mock's answer to a reproduced report will differ from it in form only, not in
 * numbers: companies not in §3.3 order (an ATS key's list is sorted by `companyName`, then
 * `companyId`, by UTF-16 code units), buckets not sorted by `costKey` (§3.4, §3.5), company ids with
 * upper-case letters (the mock answers with lower-case ids, §3.2 "UUIDs compare case-insensitively").
 * Shape: `report` a schema-valid `data`; one sentence per difference, [] when the answer will be
 * identical. DESIGN §3.3–§3.5; issue 14.
 */
export function findOrderDifferences(report: UsageReport): string[] {
  const out: string[] = [];
  const companies = report.companies;
  if (!isSorted(companies, (a, b) => compareCodeUnits(a.companyName, b.companyName) || compareCodeUnits(a.companyId.toLowerCase(), b.companyId.toLowerCase()))) {
    out.push('the report does not list its companies by companyName, then companyId (DESIGN §3.3); the mock will, so its answer differs in order only');
  }
  const unsorted = companies.filter((c) => !isSorted(c.breakdownByCostKey, byCostKey)).map((c) => c.companyName);
  if (!isSorted(report.breakdownByCostKey, byCostKey)) unsorted.push('the top-level breakdown');
  if (unsorted.length > 0) {
    out.push(`buckets are not sorted by costKey in ${unsorted.join(', ')} (DESIGN §3.4, §3.5); the mock sorts them, so its answer differs in order only`);
  }
  const upper = companies.filter((c) => c.companyId !== c.companyId.toLowerCase()).map((c) => c.companyId);
  if (upper.length > 0) out.push(`company ids ${upper.join(', ')} have upper-case letters; the mock answers with lower-case ids`);
  return out;
}
