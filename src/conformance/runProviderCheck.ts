import { randomBytes } from 'node:crypto';
import { createRateLimitPacer } from './createRateLimitPacer.ts';
import { dedupeProblems, judgeAnswer, type CheckProblem, type ProviderAnswer } from './judgeAnswer.ts';
import {
  companyRequest,
  invalidQueryRequests,
  keylessRequests,
  keyUnderTest,
  periodRequests,
  unmanagedCompanyRequest,
  uuidFromHex,
  type KeyUnderTest,
  type PlannedRequest,
} from './planProviderRequests.ts';

/** At most this many requests per run, retries included: a real provider's per-minute limit is 30 to 600. docs/decisions/0012-provider-check.md. */
export const MAX_REQUESTS_PER_RUN = 60;

/**
 * What `check` asks of a provider and how it judges it; see each field. DESIGN §9.
 * Units: every duration in milliseconds; `now` milliseconds since the epoch.
 */
export interface ProviderCheckOptions {
  /** E.g. `https://api.instaview.sk` or `http://127.0.0.1:4010/v1`; `/billing/usage` is appended. */
  baseUrl: string;
  /** Regular keys (`--api-key`), each getting the four period requests. */
  apiKeys: string[];
  /** ATS keys (`--ats-key`): the four period requests, each managed company by `companyId`, an unmanaged one. */
  atsKeys: string[];
  /** DESIGN §8 rule 11: `null` in place of an omitted unit field is a failure, not a warning. */
  strict?: boolean;
  /** Default {@link MAX_REQUESTS_PER_RUN}. */
  maxRequests?: number;
  /** Longest wait for a rate-limit window to reset; longer waits skip the key's remaining requests. Default 65 000. */
  maxWaitMs?: number;
  /** Per-request timeout. Default 30 000. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Random bytes as hex (the unknown key, the unmanaged company id). Default node:crypto. */
  randomHex?: (bytes: number) => string;
}

/**
 * The verdict on one request of the matrix. Shape: `status` null when no answer came (or skipped);
 * `verdict` `fail` when any problem is a failure, `warn` when only warnings, `skip` when not sent
 * (`skippedBecause` says why); `url` without the key (keys go in the Authorization header). DESIGN §9.
 */
export interface RequestResult {
  id: string;
  label: string;
  key: string | null;
  url: string;
  expectedStatus: number;
  status: number | null;
  verdict: 'pass' | 'warn' | 'fail' | 'skip';
  problems: CheckProblem[];
  skippedBecause?: string;
}

/**
 * The outcome of one run. Shape: `unreachable` set (and `results` empty) when the first request got no
 * answer at all (the CLI's exit 2); `ok` true iff nothing failed; `sent` counts HTTP requests, retries included.
 */
export interface ProviderCheckReport {
  baseUrl: string;
  ok: boolean;
  unreachable?: string;
  maxRequests: number;
  sent: number;
  results: RequestResult[];
}

type Planned = Omit<PlannedRequest, 'id'>;

/** Unwinds the run when the very first request gets no answer (the provider is not there). */
class Unreachable extends Error {}

const verdictOf = (problems: CheckProblem[]): RequestResult['verdict'] =>
  problems.some((p) => p.severity === 'failure') ? 'fail' : problems.length > 0 ? 'warn' : 'pass';

/** Why a fetch gave no answer, in a few words: the system error code, or "no answer within N ms". */
function noAnswerReason(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

/** The companies (id, name) a 200 usage body lists, in order and without repeats. */
function companiesOf(text: string): Array<{ id: string; name?: string }> {
  let companies: unknown;
  try {
    companies = (JSON.parse(text) as { data?: { companies?: unknown } } | null)?.data?.companies;
  } catch {
    return [];
  }
  if (!Array.isArray(companies)) return [];
  const seen = new Set<string>();
  return companies.flatMap((c: { companyId?: unknown; companyName?: unknown } | null) => {
    if (typeof c?.companyId !== 'string' || seen.has(c.companyId.toLowerCase())) return [];
    seen.add(c.companyId.toLowerCase());
    return [{ id: c.companyId, ...(typeof c.companyName === 'string' ? { name: c.companyName } : {}) }];
  });
}

/**
 * Judges a provider of GET /billing/usage in one run (DESIGN §9 `check`). Order: no key and an unknown
 * key; per key the four period requests (planProviderRequests.ts), and for an ATS key each company its
 * default-period answer lists, by `companyId`, then an unmanaged `companyId`; last the invalid queries
 * with the first key. Each answer is judged by {@link judgeAnswer}. Requests are spaced by the
 * rate-limit headers (createRateLimitPacer.ts), a 429 is retried once after `Retry-After`, and at most
 * `maxRequests` are sent: company requests share what the fixed ones leave, the rest become `skip` rows.
 * Shape: see {@link ProviderCheckReport}; never throws for anything a provider answers.
 * @throws Error when no key is given or `baseUrl` is not an http(s) URL (programmer error; the CLI checks first).
 * DESIGN §8, §9; docs/decisions/0012-provider-check.md.
 */
export async function runProviderCheck(options: ProviderCheckOptions): Promise<ProviderCheckReport> {
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`baseUrl must be an http(s) URL, got ${options.baseUrl}`);
  const keys: KeyUnderTest[] = [...options.apiKeys.map((k) => keyUnderTest(k, 'regular')), ...options.atsKeys.map((k) => keyUnderTest(k, 'ats'))];
  if (keys.length === 0) throw new Error('runProviderCheck needs at least one API key (apiKeys or atsKeys)');
  const fetchFn = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const randomHex = options.randomHex ?? ((bytes: number) => randomBytes(bytes).toString('hex'));
  const maxRequests = options.maxRequests ?? MAX_REQUESTS_PER_RUN;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pacer = createRateLimitPacer({ now, sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))), maxWaitMs: options.maxWaitMs ?? 65_000 });
  const usageUrl = `${options.baseUrl.replace(/\/+$/, '')}/billing/usage`;
  const startMs = now();
  const atsKeys = keys.filter((k) => k.kind === 'ats');

  const results: RequestResult[] = [];
  let sent = 0;
  let fixedLeft = 2 + 4 * keys.length + atsKeys.length + 3;
  let atsLeft = atsKeys.length;
  const nextId = () => `R${String(results.length + 1).padStart(2, '0')}`;
  // Percent-encoded as URLSearchParams would, `+` as %2B (DESIGN §3.2), but `:` left readable (RFC 3986 allows it in a query).
  const encode = (s: string) => encodeURIComponent(s).replace(/%3A/gi, ':');
  const urlOf = (query: Array<[string, string]>) => (query.length === 0 ? usageUrl : `${usageUrl}?${query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`);
  const skip = (label: string, key: KeyUnderTest, url: string, expectedStatus: number, why: string) =>
    results.push({ id: nextId(), label, key: key.shown, url, expectedStatus, status: null, verdict: 'skip', problems: [], skippedBecause: why });

  /** Sends one request (retrying a 429 once), judges it, and returns the body text of a 200. */
  const send = async (r: Planned, fixed: boolean): Promise<string | undefined> => {
    if (fixed) fixedLeft--;
    const url = urlOf(r.query);
    const row = { id: nextId(), label: r.label, key: r.key?.shown ?? null, url, expectedStatus: r.expect.status };
    if (sent >= maxRequests) return void results.push({ ...row, status: null, verdict: 'skip', problems: [], skippedBecause: `over the run's cap of ${maxRequests} requests` });
    const blocked = r.key ? await pacer.beforeRequest(r.key.value) : undefined;
    if (blocked) return void results.push({ ...row, status: null, verdict: 'skip', problems: [], skippedBecause: blocked });
    const headers: Record<string, string> = { Accept: 'application/json', ...(r.key ? { Authorization: `Bearer ${r.key.value}` } : {}) };
    const retried: CheckProblem[] = [];
    let answer: ProviderAnswer | undefined;
    for (let attempt = 0; attempt < 2 && sent < maxRequests; attempt++) {
      let res: Response;
      try {
        sent++;
        res = await fetchFn(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
        answer = { status: res.status, headers: res.headers, text: await res.text() };
      } catch (err) {
        if (sent === 1) throw new Unreachable(noAnswerReason(err, timeoutMs));
        return void results.push({ ...row, status: null, verdict: 'fail', problems: [{ severity: 'failure', rule: 'status', message: `no answer: ${noAnswerReason(err, timeoutMs)}` }] });
      }
      if (r.key) pacer.afterAnswer(r.key.value, res.headers);
      if (res.status !== 429 || r.expect.status === 429 || attempt === 1 || sent >= maxRequests) break;
      const waited = await pacer.afterTooManyRequests(res.headers);
      if (waited === undefined) break;
      retried.push({ severity: 'warning', rule: 'status', message: `the first answer was 429; retried once after ${Math.round(waited / 1000)} s` });
    }
    const problems = dedupeProblems([...judgeAnswer({ ...r, id: row.id }, answer!, options.strict ?? false), ...retried]);
    results.push({ ...row, status: answer!.status, verdict: verdictOf(problems), problems });
    return answer!.status === 200 ? answer!.text : undefined;
  };

  /** An ATS key's companies by companyId (a fair share of what the cap leaves), then an unmanaged companyId. */
  const checkCompanies = async (key: KeyUnderTest, defaultPeriod: string | undefined) => {
    const companies = defaultPeriod === undefined ? undefined : companiesOf(defaultPeriod);
    const share = Math.floor(Math.max(0, maxRequests - sent - fixedLeft) / atsLeft);
    atsLeft--;
    if (companies === undefined) {
      skip('companyId of each managed company', key, `${usageUrl}?companyId=…`, 200, 'the default period did not answer 200, so the companies are unknown');
    } else {
      for (const c of companies.slice(0, share)) await send(companyRequest(key, c.id, c.name), false);
      if (companies.length > share) skip(`companyId of ${companies.length - share} more companies`, key, `${usageUrl}?companyId=…`, 200, `over the run's cap of ${maxRequests} requests`);
    }
    let unmanaged = uuidFromHex(randomHex(16));
    for (let i = 0; i < 10 && companies?.some((c) => c.id.toLowerCase() === unmanaged); i++) unmanaged = uuidFromHex(randomHex(16));
    await send(unmanagedCompanyRequest(key, unmanaged), true);
  };

  try {
    for (const r of keylessRequests(`sk_invalid_${randomHex(16)}`)) await send(r, true);
    for (const key of keys) {
      const [defaultPeriod, ...others] = periodRequests(key, startMs);
      const text = await send(defaultPeriod!, true);
      for (const r of others) await send(r, true);
      if (key.kind === 'ats') await checkCompanies(key, text);
    }
    for (const r of invalidQueryRequests(keys[0]!, startMs)) await send(r, true);
  } catch (err) {
    if (!(err instanceof Unreachable)) throw err;
    return { baseUrl: options.baseUrl, ok: false, unreachable: err.message, maxRequests, sent, results: [] };
  }
  return { baseUrl: options.baseUrl, ok: results.every((r) => r.verdict !== 'fail'), maxRequests, sent, results };
}
