import { parseInstant } from './parseInstant.ts';

/** A DESIGN §8 rule number: the invariants are numbered from 1 to 13. */
export type InvariantRule = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13;

/**
 * One broken billing invariant in a 200 body of GET /billing/usage.
 * Shape: `rule` the DESIGN §8 item number (1–13, never 0: a body too far from the documented shape to
 * check is reported under the rule it makes impossible, see {@link checkUsageReport}), `pointer` an
 * RFC 6901 JSON pointer into the body (e.g. `/data/companies/1/totalCreditsUsed`, `""` for the whole
 * body), `message` what is wrong. DESIGN §8.
 */
export interface InvariantViolation {
  rule: InvariantRule;
  pointer: string;
  message: string;
}

/**
 * What the caller knows about the request that produced the body.
 * Shape: `keyType` of the API key used; `companyId` the `companyId` sent with an ATS key; `strict`
 * turns on rule 11 (`null` in place of an absent unit field). DESIGN §8 rules 9 and 11.
 */
export interface InvariantContext {
  keyType?: 'regular' | 'ats';
  companyId?: string;
  strict?: boolean;
}

type Json = Record<string, unknown>;
const UNIT_FIELDS = { minutes: ['totalMinutesUsed', 'minutesUsed'], credits: ['totalCreditsUsed', 'creditsUsed'] } as const;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isQuantity = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/** Float comparison with 1e-9 absolute plus 1e-9 relative tolerance, for sums made by any provider. */
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
/** True when `v` (as JSON.parse read it) has at most 3 decimal places: 0.3 and 1.005 yes, 0.30000000000000004 no. */
const hasAtMost3Decimals = (v: number): boolean => Math.round(v * 1000) / 1000 === v;
/** A sum this checker made, shown without its own float noise (0.1 + 0.2 → 0.3). */
const shown = (sum: number): number => Number(sum.toPrecision(15));

/** Collects violations; `unit` checks one unit field's presence per rules 2/4/6, 7, 11 and 13. */
function createCollector(strict: boolean) {
  const out: InvariantViolation[] = [];
  const add = (rule: InvariantRule, pointer: string, message: string): void => void out.push({ rule, pointer, message });
  /** Checks `obj[field]`: required → a non-negative number with at most 3 decimals; not required → absent (null only if not strict). */
  const unit = (obj: Json, field: string, pointer: string, required: boolean, rule: InvariantRule, why: string): number | undefined => {
    const p = `${pointer}/${field}`;
    const value = obj[field];
    if (!required) {
      if (value === null) {
        if (strict) add(11, p, `${field} is null; it must be omitted entirely (${why})`);
      } else if (field in obj) add(rule, p, `${field} must be absent (${why})`);
      return undefined;
    }
    if (!isQuantity(value)) {
      add(rule, p, value === undefined ? `${field} is missing (${why})` : `${field} must be a number (${why}), got ${JSON.stringify(value)}`);
      return undefined;
    }
    if (value < 0) add(7, p, `${field} must not be negative, got ${value}`);
    if (!hasAtMost3Decimals(value)) add(13, p, `${field} is ${value}: quantities carry at most 3 decimal places (sum them as integer thousandths)`);
    return value;
  };
  return { out, add, unit };
}

type Collector = ReturnType<typeof createCollector>;
/** Running totals over the companies; `unknownSystem` when some company's billingSystem is not minutes or credits. */
interface Totals { minutes?: number; credits?: number; interviews: number; unknownSystem?: boolean }
interface MergedKey { events: number; minutes?: number; credits?: number }

/**
 * Checks one breakdown's buckets (rules 2, 7, 8, 13) and returns the sum of `own` and of `events`; with no
 * `system` (the company's billingSystem is unknown) only cost keys and events are checked, nothing merged.
 */
function checkBuckets(c: Collector, list: unknown[], pointer: string, own: string, other: string, why: string, merged: Map<string, MergedKey>, system: 'minutes' | 'credits' | undefined) {
  const seen = new Set<string>();
  let sum = 0;
  let events = 0;
  list.forEach((b, j) => {
    const p = `${pointer}/${j}`;
    if (!isObject(b) || typeof b.costKey !== 'string') return c.add(8, p, `each bucket must be an object with a string costKey, got ${JSON.stringify(b)}`);
    if (seen.has(b.costKey)) c.add(8, `${p}/costKey`, `cost key "${b.costKey}" appears twice in this breakdown`);
    seen.add(b.costKey);
    if (!isCount(b.events)) c.add(7, `${p}/events`, `events must be a non-negative integer, got ${JSON.stringify(b.events) ?? 'nothing'}`);
    else events += b.events;
    if (system === undefined) return;
    const value = c.unit(b, own, p, true, 2, why);
    c.unit(b, other, p, false, 2, why);
    if (value !== undefined) sum += value;
    const m = merged.get(b.costKey) ?? { events: 0 };
    m.events += isCount(b.events) ? b.events : 0;
    m[system] = (m[system] ?? 0) + (value ?? 0);
    merged.set(b.costKey, m);
  });
  return { sum, events };
}

/** Checks one company (rules 1, 2, 3, 7, 8, 10, 13) and folds its figures into the running totals. */
function checkCompany(c: Collector, co: unknown, i: number, merged: Map<string, MergedKey>, totals: Totals): void {
  const p = `/data/companies/${i}`;
  if (!isObject(co)) return c.add(1, p, `each company must be an object with a billingSystem, got ${JSON.stringify(co)}`);
  if (!isCount(co.totalInterviews)) c.add(7, `${p}/totalInterviews`, `totalInterviews must be a non-negative integer, got ${JSON.stringify(co.totalInterviews) ?? 'nothing'}`);
  else totals.interviews += co.totalInterviews;
  const system = co.billingSystem;
  if (system !== 'minutes' && system !== 'credits') {
    // Which totals this company belongs to is unknown: rules 4 and 6 cannot be judged, its buckets still can (7, 8).
    c.add(1, `${p}/billingSystem`, `billingSystem must be "minutes" or "credits", got ${JSON.stringify(system) ?? 'nothing'}`);
    totals.unknownSystem = true;
    if (Array.isArray(co.breakdownByCostKey)) checkBuckets(c, co.breakdownByCostKey, `${p}/breakdownByCostKey`, '', '', '', merged, undefined);
    return;
  }
  const [ownTotal, ownBucket] = UNIT_FIELDS[system];
  const [otherTotal, otherBucket] = UNIT_FIELDS[system === 'minutes' ? 'credits' : 'minutes'];
  const why = `company bills in ${system}`;
  const total = c.unit(co, ownTotal, p, true, 2, why);
  c.unit(co, otherTotal, p, false, 2, why);
  totals[system] = (totals[system] ?? 0) + (total ?? 0);
  if (!Array.isArray(co.breakdownByCostKey)) return c.add(3, `${p}/breakdownByCostKey`, `breakdownByCostKey must be an array (the company's ${ownTotal} is the sum of its buckets), got ${JSON.stringify(co.breakdownByCostKey) ?? 'nothing'}`);
  const { sum, events } = checkBuckets(c, co.breakdownByCostKey, `${p}/breakdownByCostKey`, ownBucket, otherBucket, why, merged, system);
  if (total !== undefined && !close(total, sum)) c.add(3, `${p}/${ownTotal}`, `${ownTotal} is ${total} but its buckets' ${ownBucket} sum to ${shown(sum)}`);
  if (isCount(co.totalInterviews) && (co.totalInterviews > events || (events === 0 && co.totalInterviews !== 0))) {
    c.add(10, `${p}/totalInterviews`, `totalInterviews ${co.totalInterviews} exceeds the ${events} events of its buckets`);
  }
}

/** Checks the top-level breakdown against the merge of the companies' (rules 6, 7, 8, 11, 13). */
function checkMerge(c: Collector, top: unknown[], merged: Map<string, MergedKey>): void {
  const seen = new Set<string>();
  top.forEach((b, j) => {
    const p = `/data/breakdownByCostKey/${j}`;
    if (!isObject(b) || typeof b.costKey !== 'string') return c.add(8, p, `each bucket must be an object with a string costKey, got ${JSON.stringify(b)}`);
    if (seen.has(b.costKey)) return c.add(8, `${p}/costKey`, `cost key "${b.costKey}" appears twice in the top-level breakdown`);
    seen.add(b.costKey);
    const m = merged.get(b.costKey);
    if (m === undefined) return c.add(6, `${p}/costKey`, `cost key "${b.costKey}" is in no company's breakdown`);
    if (!isCount(b.events)) c.add(7, `${p}/events`, `events must be a non-negative integer, got ${JSON.stringify(b.events) ?? 'nothing'}`);
    else if (b.events !== m.events) c.add(6, `${p}/events`, `events is ${b.events} but the companies' buckets sum to ${m.events}`);
    for (const system of ['minutes', 'credits'] as const) {
      const field = UNIT_FIELDS[system][1];
      const why = m[system] === undefined ? `no ${system} company has cost key "${b.costKey}"` : `a ${system} company has cost key "${b.costKey}"`;
      const value = c.unit(b, field, p, m[system] !== undefined, 6, why);
      if (value !== undefined && !close(value, m[system]!)) c.add(6, `${p}/${field}`, `${field} is ${value} but the companies' buckets sum to ${shown(m[system]!)}`);
    }
  });
  for (const key of merged.keys()) if (!seen.has(key)) c.add(6, '/data/breakdownByCostKey', `cost key "${key}" of a company is missing from the top-level breakdown`);
}

/** Checks which companies are listed (rule 9): one for a regular key, exactly the requested one for `companyId`. */
function checkCompanySet(c: Collector, companies: unknown[], ctx: InvariantContext): void {
  const count = companies.length;
  if (ctx.keyType === 'regular' && count !== 1) c.add(9, '/data/companies', `a regular key must get exactly one company, got ${count}`);
  if (ctx.keyType !== 'regular' && ctx.companyId !== undefined) {
    const only = companies[0];
    const id = isObject(only) && typeof only.companyId === 'string' ? only.companyId : undefined;
    if (count !== 1 || id?.toLowerCase() !== ctx.companyId.toLowerCase()) {
      c.add(9, '/data/companies', `companyId=${ctx.companyId} must give exactly that company, got ${count} (${JSON.stringify(id) ?? 'none'})`);
    }
  }
}

/**
 * Checks a 200 body of GET /billing/usage from any provider against the billing invariants of DESIGN §8
 * (rules 1–13): what the schema cannot say (absent unit fields, totals that add up, 3 decimal places).
 * Units: quantities (minutes, credits) compared with 1e-9 absolute + 1e-9 relative tolerance; counts exactly.
 * Shape: `body` the whole envelope `{success, data, error, timestamp}` as parsed JSON; returns the
 * violations `{ rule, pointer, message }[]`, `[]` when all hold. Never throws: a body too far from the
 * documented shape is reported under the rule it makes impossible — not an object or `data` not an
 * object → 12 (the envelope), `companies` not an array → 9, a company not an object → 1, a company's
 * breakdown not an array → 3, a bucket without a string `costKey` → 8, the top-level breakdown not an
 * array → 6 (docs/decisions/0012-provider-check.md). A company whose billingSystem is neither `minutes` nor
 * `credits` breaks rule 1 and leaves rules 4 and 6 unjudged (which total it belongs to is unknown). Use with the spec's validator (`validateUsageResponse`)
 * for the rest of the shape. Exported as `instaview-billing-toolkit/checker` (DESIGN §10). DESIGN §8.
 */
export function checkUsageReport(body: unknown, ctx: InvariantContext = {}): InvariantViolation[] {
  const c = createCollector(ctx.strict === true);
  if (!isObject(body)) return [{ rule: 12, pointer: '', message: `the body must be the success envelope {success, data, error, timestamp}, got ${JSON.stringify(body) ?? 'nothing'}` }];
  if (body.success !== true) c.add(12, '/success', `success must be true, got ${JSON.stringify(body.success) ?? 'nothing'}`);
  if (body.error !== null) c.add(12, '/error', `error must be null, got ${JSON.stringify(body.error) ?? 'nothing'}`);
  const ts = body.timestamp;
  if (typeof ts !== 'string' || !ISO_INSTANT.test(ts) || !parseInstant(ts).ok) c.add(12, '/timestamp', `timestamp must be an ISO 8601 instant, got ${JSON.stringify(ts) ?? 'nothing'}`);
  const data = body.data;
  if (!isObject(data)) return [...c.out, { rule: 12, pointer: '/data', message: `data must be the usage report object, got ${JSON.stringify(data) ?? 'nothing'}` }];
  if (!Array.isArray(data.companies)) return [...c.out, { rule: 9, pointer: '/data/companies', message: `companies must be an array of the companies the key sees, got ${JSON.stringify(data.companies) ?? 'nothing'}` }];
  const merged = new Map<string, MergedKey>();
  const totals: Totals = { interviews: 0 };
  data.companies.forEach((co, i) => checkCompany(c, co, i, merged, totals));
  for (const system of totals.unknownSystem ? [] : (['minutes', 'credits'] as const)) {
    const field = UNIT_FIELDS[system][0];
    const why = totals[system] === undefined ? `no company bills in ${system}` : `a company bills in ${system}`;
    const value = c.unit(data, field, '/data', totals[system] !== undefined, 4, why);
    if (value !== undefined && !close(value, totals[system]!)) c.add(4, `/data/${field}`, `${field} is ${value} but the ${system} companies' totals sum to ${shown(totals[system]!)}`);
  }
  if (!isCount(data.totalInterviews)) c.add(7, '/data/totalInterviews', `totalInterviews must be a non-negative integer, got ${JSON.stringify(data.totalInterviews) ?? 'nothing'}`);
  else if (data.totalInterviews !== totals.interviews) c.add(5, '/data/totalInterviews', `totalInterviews is ${data.totalInterviews} but the companies' sum to ${totals.interviews}`);
  if (!Array.isArray(data.breakdownByCostKey)) c.add(6, '/data/breakdownByCostKey', `breakdownByCostKey must be an array (the merge of the companies' breakdowns), got ${JSON.stringify(data.breakdownByCostKey) ?? 'nothing'}`);
  else if (!totals.unknownSystem) checkMerge(c, data.breakdownByCostKey, merged);
  checkCompanySet(c, data.companies, ctx);
  return c.out;
}
