import { authenticate, bearerToken } from '../../src/billing/authenticate.ts';
import { buildUsageReport } from '../../src/billing/buildUsageReport.ts';
import { readQuery } from '../../src/billing/readQuery.ts';
import { resolveUsageRequest, type CompanyDirectory } from '../../src/billing/resolveUsageRequest.ts';
import type { KeptReport, MockState } from '../state/createMockState.ts';
import { apiMessages, STATUS_OF, USAGE_METHODS, WWW_AUTHENTICATE } from './apiErrors.ts';
import { errorBody, type MockAnswer, type MockErrorCode } from './envelope.ts';
import type { Company, Tally } from '../../src/billing/types.ts';

/** The spec path every usage answer is checked against (spec/openapi.yaml). */
export const USAGE_SPEC_PATH = '/billing/usage';

/**
 * A request to an API path, as any transport sees it: method, path (`/billing/usage` or
 * `/v1/billing/usage`), the raw query string (without `?`) and a header reader (names in any case).
 */
export interface ApiRequest {
  method: string;
  path: string;
  query: string;
  header(name: string): string | undefined;
}

/** An error answer of the API paths in the envelope; the status is the code's unless given. */
export function apiError(state: Pick<MockState, 'now'>, code: MockErrorCode, message: string, details?: Record<string, unknown>, init: { status?: number; headers?: Record<string, string> } = {}): MockAnswer {
  const status = init.status ?? STATUS_OF[code];
  const headers = { ...init.headers, ...(status === 401 ? { 'WWW-Authenticate': WWW_AUTHENTICATE } : {}) };
  return { status, headers, body: errorBody(code, message, details, state.now()), spec: 'api', specPath: USAGE_SPEC_PATH };
}

/**
 * Answers `GET /billing/usage` from a mock state, with no transport in it (Express and the MSW handlers
 * both call this, so they answer alike): the method check (405 with `Allow`), then DESIGN §3.1's checks
 * in order — key (401/403), rate limit (429 with `Retry-After`), scope (403), query (400; more than
 * 1 000 parameters included), company (403) — then the report of §3.3–§3.5 in the success envelope.
 * The six rate-limit headers go on every answer after step 3. The 200's body comes as `report` (the
 * envelope around the report's text and its UTF-8 bytes), from the state's report cache when possible. Faults are applied by the caller
 * ({@link applyFaults}) around this.
 */
export function answerUsageRequest(state: MockState, request: ApiRequest): MockAnswer {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return apiError(state, 'METHOD_NOT_ALLOWED', apiMessages.methodNotAllowed(request.method, request.path), { allowed: [...USAGE_METHODS] }, { headers: { Allow: USAGE_METHODS.join(', ') } });
  }
  const nowMs = state.now();
  const store = state.store;
  const auth = authenticate(request.header('authorization'), (k) => store.apiKey(k), nowMs);
  if (!auth.ok) return apiError(state, auth.failure.code, auth.failure.message);
  const key = auth.key;
  const limit = state.rateLimiter.hit(key, nowMs, state.rateLimitEnforced());
  if (limit.exceeded) {
    const { retryAfter } = limit.exceeded;
    return apiError(state, 'RATE_LIMIT_EXCEEDED', apiMessages.rateLimited(retryAfter), { ...limit.exceeded }, { headers: { ...limit.headers, 'Retry-After': String(retryAfter) } });
  }
  const query = readQuery(request.query);
  const directory: CompanyDirectory = { company: (id) => store.company(id), companiesOfAts: (id) => store.companies({ atsIntegrationId: id }) };
  const resolved = query.ok ? resolveUsageRequest(key, query.query, directory, { nowMs, atsRequireCompanyId: state.options.atsRequireCompanyId }) : query;
  if (!resolved.ok) return apiError(state, resolved.error.code, resolved.error.message, resolved.error.details, { headers: limit.headers });
  const data = reportText(state, `${key.key}\u0000${request.query}`, resolved.companies, resolved.startMs, resolved.endMs);
  const report = { head: '{"success":true,"data":', text: data.text, bytes: data.bytes, tail: `,"error":null,"timestamp":"${new Date(nowMs).toISOString()}"}` };
  return { status: 200, headers: limit.headers, report, spec: 'api', specPath: USAGE_SPEC_PATH };
}

/** The most report texts a state keeps (about 75 KB each for 200 companies). */
const MAX_REPORT_KEYS = 256;

/** How many reports are kept per request kind (a key and its `companyId`): the last few periods asked. */
const REPORTS_PER_KEY = 4;

/** Whether a kept report was made of exactly these companies and tallies (same report, then). */
function sameInputs(kept: KeptReport, companies: readonly Company[], tallies: readonly Tally[]): boolean {
  if (kept.companies.length !== companies.length) return false;
  for (let i = 0; i < companies.length; i++) {
    const a = companies[i]!;
    const b = kept.companies[i]!;
    if (a !== b && (a.id !== b.id || a.name !== b.name || a.billingSystem !== b.billingSystem)) return false;
    const ta = tallies[i]!;
    const tb = kept.tallies[i]!;
    if (ta.interviews !== tb.interviews || ta.buckets.length !== tb.buckets.length) return false;
    for (let k = 0; k < ta.buckets.length; k++) {
      const x = ta.buckets[k]!;
      const y = tb.buckets[k]!;
      if (x.costKey !== y.costKey || x.events !== y.events || x.milli !== y.milli) return false;
    }
  }
  return true;
}

/**
 * The JSON text of the report over `companies` and `[startMs, endMs)` (DESIGN §3.3–§3.5), as text and
 * UTF-8: taken from the state's `reportTexts` when the request kind (`kind`: the key and its
 * `companyId`) recently got a report of the same companies (ids, names, billing systems) with the same
 * tallies, else built, serialized once and kept (the last {@link REPORTS_PER_KEY} per kind, the last
 * {@link MAX_REPORT_KEYS} kinds). Tallies are cheap (binary searches); building and serializing 200
 * companies is not (issue 11). Exact: a report is made of nothing but what is compared.
 */
function reportText(state: MockState, kind: string, companies: readonly Company[], startMs: number, endMs: number): KeptReport {
  const tallies = companies.map((c) => state.store.tally(c.id, c.billingSystem, startMs, endMs));
  const cache = state.reportTexts;
  const kept = cache.get(kind) ?? [];
  for (const k of kept) if (sameInputs(k, companies, tallies)) return k;
  const byCompany = new Map(companies.map((c, i) => [c, tallies[i]!]));
  const text = JSON.stringify(buildUsageReport(companies, (c) => byCompany.get(c)!));
  const entry: KeptReport = { companies, tallies, text, bytes: new TextEncoder().encode(text) };
  cache.delete(kind);
  cache.set(kind, [entry, ...kept].slice(0, REPORTS_PER_KEY));
  if (cache.size > MAX_REPORT_KEYS) cache.delete(cache.keys().next().value!);
  return entry;
}

/** The API key a request names, for fault scoping and logs (DESIGN §3.1's bearer rules). */
export function requestKey(request: ApiRequest): string | undefined {
  return bearerToken(request.header('authorization'));
}
