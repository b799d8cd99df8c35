import { MAX_EXACT_MILLI, MAX_EXACT_TEXT, parseQuantity } from '../billing/quantity.ts';

/**
 * Why a usage report cannot be turned into a scenario, tied to the place in the report.
 * Shape: `pointer` an RFC 6901 JSON pointer into the envelope (`/data/companies/0/totalMinutesUsed`);
 * `rule` the DESIGN §8 item number when a billing invariant is broken; `source` what was broken, for
 * people: `§8 rule 3`, `spec` (spec/openapi.yaml's UsageResponse), `§3.4`, `§6.8`, `scenario schema`;
 * `message` one sentence. DESIGN §8; issue 14.
 */
export interface ReportProblem {
  rule?: number;
  source: string;
  pointer: string;
  message: string;
}

/** The largest quantity one stored event may carry, in thousandths (999 999 999 999.999). DESIGN §6.8. */
export const MAX_EVENT_MILLI = 999_999_999_999_999;
/** The longest company name a scenario accepts (spec/scenario.schema.json `Company.name`). DESIGN §7. */
const MAX_COMPANY_NAME = 100;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const UNIT_FIELDS = ['totalMinutesUsed', 'totalCreditsUsed', 'minutesUsed', 'creditsUsed'] as const;

/** §6.8 for the unit fields of one object: a sum the mock can report exactly (more than 3 decimals is §8 rule 13, the checker's). */
function checkQuantities(obj: Json, pointer: string, out: ReportProblem[]): void {
  for (const field of UNIT_FIELDS) {
    const value = obj[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) continue; // the schema's and rule 7's to report
    if (value * 1000 <= MAX_EXACT_MILLI) continue;
    out.push({ source: '§6.8', pointer: `${pointer}/${field}`, message: `${field} ${value} is beyond the exact range of sums (${MAX_EXACT_TEXT})` });
  }
}

/** §3.4 and §6.8 for one company bucket: a listed cost key has events, and its value splits into storable events. */
function checkBucket(bucket: Json, pointer: string, out: ReportProblem[]): void {
  const events = bucket.events;
  if (typeof events !== 'number' || !Number.isSafeInteger(events) || events < 0) return; // rule 7's to report
  if (events === 0) {
    out.push({ source: '§3.4', pointer: `${pointer}/events`, message: `cost key "${String(bucket.costKey)}" is listed with 0 events, but a bucket exists only for a cost key with events in the period` });
    return;
  }
  for (const field of ['minutesUsed', 'creditsUsed'] as const) {
    const parsed = parseQuantity(bucket[field]);
    if (parsed.ok && Math.ceil(parsed.milli / events) > MAX_EVENT_MILLI) {
      out.push({ source: '§6.8', pointer: `${pointer}/${field}`, message: `${field} ${parsed.milli / 1000} over ${events} events needs an event above 999 999 999 999.999, which the mock refuses` });
    }
  }
}

/**
 * Finds what keeps a usage report from being reproduced by a scenario beyond what spec/openapi.yaml
 * and the §8 checker (src/billing/checkUsageReport.ts, rule 13 included) report: quantities past the
 * exact range (§6.8); a bucket
 * with 0 events (§3.4: a bucket exists only for a cost key with events); `totalInterviews` 0 beside
 * events (§3.4: every event has an interview; rule 10 allows it, the data cannot); a company listed twice
 * (§3.3; ids compare case-insensitively); a company name over 100 characters (the scenario schema's
 * limit); a bucket whose value would need an event above 999 999 999 999.999 (§6.8).
 * Shape: `envelope` the whole `{success, data, error, timestamp}` as parsed JSON, any shape (what is
 * not the documented shape is skipped: the schema and the checker report it); never throws.
 * @returns the problems, pointers into the envelope; [] when none. DESIGN §3.3, §3.4, §6.8, §8; issue 14.
 */
export function findReproductionObstacles(envelope: unknown): ReportProblem[] {
  const out: ReportProblem[] = [];
  const data = isObject(envelope) ? envelope.data : undefined;
  if (!isObject(data)) return out;
  checkQuantities(data, '/data', out);
  if (Array.isArray(data.breakdownByCostKey)) {
    data.breakdownByCostKey.forEach((b, j) => isObject(b) && checkQuantities(b, `/data/breakdownByCostKey/${j}`, out));
  }
  if (!Array.isArray(data.companies)) return out;
  const seen = new Map<string, number>();
  data.companies.forEach((company, i) => {
    const p = `/data/companies/${i}`;
    if (!isObject(company)) return;
    checkQuantities(company, p, out);
    if (typeof company.companyId === 'string') {
      const id = company.companyId.toLowerCase();
      const first = seen.get(id);
      if (first !== undefined) out.push({ source: '§3.3', pointer: `${p}/companyId`, message: `company ${company.companyId} is listed twice (also at /data/companies/${first}); a key sees each company once` });
      else seen.set(id, i);
    }
    if (typeof company.companyName === 'string' && company.companyName.length > MAX_COMPANY_NAME) {
      out.push({ source: 'scenario schema', pointer: `${p}/companyName`, message: `companyName has ${company.companyName.length} characters; a scenario's company name has at most ${MAX_COMPANY_NAME}` });
    }
    if (!Array.isArray(company.breakdownByCostKey)) return;
    let events = 0;
    company.breakdownByCostKey.forEach((b, j) => {
      if (!isObject(b)) return;
      checkQuantities(b, `${p}/breakdownByCostKey/${j}`, out);
      checkBucket(b, `${p}/breakdownByCostKey/${j}`, out);
      if (typeof b.events === 'number' && Number.isSafeInteger(b.events) && b.events > 0) events += b.events;
    });
    if (company.totalInterviews === 0 && events > 0) {
      out.push({ source: '§3.4', pointer: `${p}/totalInterviews`, message: `totalInterviews is 0 but the buckets have ${events} events; every event belongs to an interview` });
    }
  });
  return out;
}
