import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One company of a fixture provider: its usage per cost key, fixed whatever the period asked. */
export interface FixtureCompany {
  companyId: string;
  companyName: string;
  billingSystem: 'minutes' | 'credits';
  totalInterviews: number;
  /** `used` is minutes or credits, per the billing system. */
  buckets: Array<{ costKey: string; events: number; used: number }>;
}

/** A key the fixture provider knows: regular (first company only) or ATS (all its companies). */
export interface FixtureKey {
  kind: 'regular' | 'ats';
  companies: FixtureCompany[];
}

/** A request as the fixture saw it. */
export interface FixtureRequest {
  path: string;
  query: URLSearchParams;
  key: string | undefined;
}

/** An answer before it is sent; a fault may replace it. */
export interface FixtureAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Options of {@link startFixtureProvider}. */
export interface FixtureOptions {
  keys: Record<string, FixtureKey>;
  /** `float` sums quantities as plain floats (0.1 + 0.2 = 0.30000000000000004), the fault of §8 rule 13. */
  sum?: 'exact' | 'float';
  /** Changes the correct answer into a faulty one; return the answer to send. */
  fault?: (request: FixtureRequest, correct: FixtureAnswer, keys: Record<string, FixtureKey>) => FixtureAnswer;
}

const TIMESTAMP = '2024-06-01T12:00:00.000Z';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The error envelope of the docs (guides/error-handling). */
export const errorBody = (code: string, message: string, details?: Record<string, unknown>) => ({
  success: false,
  data: null,
  error: { code, message, ...(details ? { details } : {}) },
  timestamp: TIMESTAMP,
});

/**
 * A usage report for `companies` as DESIGN §3.4–§3.5 describe it, written independently of the mock's
 * code: totals per company, top-level totals per billing system, buckets merged by cost key.
 */
export function fixtureReport(companies: FixtureCompany[], sum: 'exact' | 'float' = 'exact') {
  const add = (a: number, b: number) => (sum === 'exact' ? Math.round(a * 1000 + b * 1000) / 1000 : a + b);
  const unit = (system: string) => (system === 'minutes' ? 'minutesUsed' : 'creditsUsed');
  const total = (system: string) => (system === 'minutes' ? 'totalMinutesUsed' : 'totalCreditsUsed');
  const merged = new Map<string, { costKey: string; events: number; [unit: string]: number | string }>();
  const data: Record<string, unknown> = { companies: [] as unknown[] };
  let interviews = 0;
  for (const c of companies) {
    const own = c.buckets.reduce((s, b) => add(s, b.used), 0);
    (data.companies as unknown[]).push({
      companyId: c.companyId,
      companyName: c.companyName,
      billingSystem: c.billingSystem,
      [total(c.billingSystem)]: own,
      totalInterviews: c.totalInterviews,
      breakdownByCostKey: c.buckets.map((b) => ({ costKey: b.costKey, events: b.events, [unit(c.billingSystem)]: b.used })),
    });
    data[total(c.billingSystem)] = add((data[total(c.billingSystem)] as number | undefined) ?? 0, own);
    interviews += c.totalInterviews;
    for (const b of c.buckets) {
      const m = merged.get(b.costKey) ?? { costKey: b.costKey, events: 0 };
      m.events += b.events;
      m[unit(c.billingSystem)] = add((m[unit(c.billingSystem)] as number | undefined) ?? 0, b.used);
      merged.set(b.costKey, m);
    }
  }
  data.totalInterviews = interviews;
  data.breakdownByCostKey = [...merged.values()].sort((a, b) => (a.costKey < b.costKey ? -1 : 1));
  return { success: true, data, error: null, timestamp: TIMESTAMP };
}

/** What a correct provider answers (DESIGN §3.1–§3.2 as far as the checker asks). */
function correctAnswer(req: FixtureRequest, options: FixtureOptions, remaining: Map<string, number>): FixtureAnswer {
  const base = { 'Content-Type': 'application/json', 'X-Request-Id': randomUUID() };
  if (req.path !== '/billing/usage') return { status: 404, headers: base, body: errorBody('RESOURCE_NOT_FOUND', `No route ${req.path}.`) };
  const unauthorized = { ...base, 'WWW-Authenticate': 'Bearer realm="instaview"' };
  if (req.key === undefined) return { status: 401, headers: unauthorized, body: errorBody('MISSING_API_KEY', 'Send Authorization: Bearer <key>.') };
  const key = options.keys[req.key];
  if (!key) return { status: 401, headers: unauthorized, body: errorBody('INVALID_API_KEY', 'The API key is invalid, revoked or expired.') };
  const left = (remaining.get(req.key) ?? 1000) - 1;
  remaining.set(req.key, left);
  const nowSec = Math.floor(Date.now() / 1000);
  const headers = {
    ...base,
    'X-RateLimit-Limit-Minute': '1000',
    'X-RateLimit-Limit-Hour': '10000',
    'X-RateLimit-Remaining-Minute': String(left),
    'X-RateLimit-Remaining-Hour': String(9000 + left),
    'X-RateLimit-Reset-Minute': String(nowSec - (nowSec % 60) + 60),
    'X-RateLimit-Reset-Hour': String(nowSec - (nowSec % 3600) + 3600),
  };
  const bad = (field: string, value: unknown, reason: string): FixtureAnswer => ({ status: 400, headers, body: errorBody('VALIDATION_ERROR', `Query parameter "${field}" ${reason}.`, { field, value, reason }) });
  const bounds: Record<string, number> = {};
  for (const field of ['start', 'end']) {
    const values = req.query.getAll(field);
    if (values.length > 1) return bad(field, values, 'is given more than once');
    const v = values[0];
    if (v === undefined) continue;
    const ms = Date.parse(DATE.test(v) ? `${v}T00:00:00Z` : v);
    if (!(DATE.test(v) || DATE_TIME.test(v)) || Number.isNaN(ms)) return bad(field, v, 'is not an ISO 8601 date');
    bounds[field] = ms;
  }
  if (bounds.start !== undefined && bounds.end !== undefined && bounds.start >= bounds.end) return bad('end', req.query.get('end'), 'must be after start');
  let companies = key.kind === 'regular' ? key.companies.slice(0, 1) : key.companies;
  const companyId = req.query.get('companyId');
  if (key.kind === 'ats' && companyId !== null) {
    if (!UUID.test(companyId)) return bad('companyId', companyId, 'is not a UUID');
    companies = companies.filter((c) => c.companyId.toLowerCase() === companyId.toLowerCase());
    if (companies.length === 0) return { status: 403, headers, body: errorBody('COMPANY_ACCESS_DENIED', `This ATS key does not manage company ${companyId}.`) };
  }
  return { status: 200, headers, body: fixtureReport(companies, options.sum) };
}

/**
 * Starts a tiny provider of GET /billing/usage on 127.0.0.1, port 0, written apart from the mock, with
 * data unlike the mock's; `fault` turns it into one that breaks a rule. Returns its base URL, the
 * requests it saw, and `close()`, which the test must call.
 */
export async function startFixtureProvider(options: FixtureOptions) {
  const requests: FixtureRequest[] = [];
  const remaining = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fixture.test');
    const auth = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    const request: FixtureRequest = { path: url.pathname, query: url.searchParams, key: auth };
    requests.push(request);
    const correct = correctAnswer(request, options, remaining);
    const answer = options.fault ? options.fault(request, correct, options.keys) : correct;
    res.writeHead(answer.status, answer.headers).end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
