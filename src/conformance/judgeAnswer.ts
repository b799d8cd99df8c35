import { checkUsageReport, type InvariantRule } from '../billing/checkUsageReport.ts';
import { responseSchemaPointer, validateCollapsed, valueAtPointer } from '../validation/index.ts';
import type { PlannedRequest } from './planProviderRequests.ts';

/** What a problem is judged by: a DESIGN §8 rule (1–13), the spec's schema, the HTTP status, or the headers. */
export type ProblemRule = InvariantRule | 'spec' | 'status' | 'headers';

/**
 * One thing wrong (a `failure`) or doubtful (a `warning`: what the docs do not promise) with one answer.
 * Shape: `pointer` an RFC 6901 JSON pointer into the body (`""` the whole body) for body problems;
 * `header` the header's name for header problems; neither for a status problem. DESIGN §8, §9.
 */
export interface CheckProblem {
  severity: 'failure' | 'warning';
  rule: ProblemRule;
  pointer?: string;
  header?: string;
  message: string;
}

/** An answer as the runner read it: status, headers, and the body text. */
export interface ProviderAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** The six rate-limit headers the docs put on every answer (guides/rate-limiting; DESIGN §3.6). */
export const RATE_LIMIT_HEADERS = [
  'X-RateLimit-Limit-Minute',
  'X-RateLimit-Limit-Hour',
  'X-RateLimit-Remaining-Minute',
  'X-RateLimit-Remaining-Hour',
  'X-RateLimit-Reset-Minute',
  'X-RateLimit-Reset-Hour',
] as const;

const UNIT_FIELD = /\/(totalMinutesUsed|totalCreditsUsed|minutesUsed|creditsUsed)$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The six rate-limit headers of a 200: present, non-negative integers, remaining ≤ limit, resets in Unix seconds. */
function rateLimitProblems(headers: Headers): CheckProblem[] {
  const out: CheckProblem[] = [];
  const values = new Map<string, number>();
  for (const name of RATE_LIMIT_HEADERS) {
    const raw = headers.get(name);
    if (raw === null) out.push({ severity: 'failure', rule: 'headers', header: name, message: 'missing (the docs send the six X-RateLimit-* headers on every answer)' });
    else if (!/^\d+$/.test(raw.trim())) out.push({ severity: 'failure', rule: 'headers', header: name, message: `must be a non-negative integer, got ${JSON.stringify(raw)}` });
    else values.set(name, Number(raw.trim()));
  }
  for (const w of ['Minute', 'Hour']) {
    const limit = values.get(`X-RateLimit-Limit-${w}`);
    const remaining = values.get(`X-RateLimit-Remaining-${w}`);
    if (limit !== undefined && remaining !== undefined && remaining > limit) {
      out.push({ severity: 'failure', rule: 'headers', header: `X-RateLimit-Remaining-${w}`, message: `${remaining} exceeds X-RateLimit-Limit-${w} ${limit}` });
    }
    const reset = values.get(`X-RateLimit-Reset-${w}`);
    if (reset !== undefined && reset > 1e11) out.push({ severity: 'failure', rule: 'headers', header: `X-RateLimit-Reset-${w}`, message: `${reset} looks like milliseconds; the docs give Unix time in seconds` });
  }
  return out;
}

/** A 200 body: the spec's schema (collapsed), the §8 rules, and the rate-limit headers. */
function judgeUsage(request: PlannedRequest, answer: ProviderAnswer, body: unknown, strict: boolean): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const issue of validateCollapsed('api', '/components/schemas/UsageResponse', body)) {
    const nullUnit = UNIT_FIELD.test(issue.pointer) && valueAtPointer(body, issue.pointer) === null;
    out.push(
      nullUnit && !strict
        ? { severity: 'warning', rule: 'spec', pointer: issue.pointer, message: 'is null; the spec and the docs\' prose say to omit it (the docs\' own schema allows null; --strict makes it a failure, §8 rule 11)' }
        : { severity: 'failure', rule: 'spec', pointer: issue.pointer, message: issue.message },
    );
  }
  const ctx = { keyType: request.key!.kind, strict, ...(request.companyId ? { companyId: request.companyId } : {}) };
  for (const v of checkUsageReport(body, ctx)) out.push({ severity: 'failure', rule: v.rule, pointer: v.pointer, message: v.message });
  out.push(...rateLimitProblems(answer.headers));
  return out;
}

/**
 * An error answer: the documented envelope is required; our own codes, `details` and
 * `WWW-Authenticate` are warnings, except a code the docs name (`INVALID_API_KEY`), which is required.
 */
function judgeError(request: PlannedRequest, answer: ProviderAnswer, body: unknown): CheckProblem[] {
  const out: CheckProblem[] = [];
  const envelope = validateCollapsed('api', '/components/schemas/ErrorResponse', body);
  for (const issue of envelope) {
    if (issue.pointer === '/error/code' && issue.keyword === 'enum') continue; // any string code is the docs' envelope; the expected code is judged below
    out.push({ severity: 'failure', rule: 'spec', pointer: issue.pointer, message: issue.message });
  }
  const specific = responseSchemaPointer('api', 'get', '/billing/usage', answer.status);
  if (specific && specific !== '/components/schemas/ErrorResponse') {
    for (const issue of validateCollapsed('api', specific, body)) {
      if (!issue.pointer.startsWith('/error/details')) continue;
      if (envelope.some((e) => e.pointer === issue.pointer)) continue;
      out.push({ severity: 'warning', rule: 'spec', pointer: issue.pointer, message: `${issue.message} (this toolkit's convention, DESIGN §3.2; the docs do not promise it)` });
    }
  }
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  const expected = request.expect.code;
  if (error && expected && typeof error.code === 'string' && error.code !== expected.value) {
    out.push(
      expected.promised
        ? { severity: 'failure', rule: 'spec', pointer: '/error/code', message: `must be "${expected.value}" for ${request.expect.why} (the docs name this code), got "${error.code}"` }
        : { severity: 'warning', rule: 'spec', pointer: '/error/code', message: `is "${error.code}"; this toolkit answers "${expected.value}" for ${request.expect.why} (our code, not promised by the docs)` },
    );
  }
  const details = error && isObject(error.details) ? error.details : undefined;
  if (request.expect.field && details && details.field !== request.expect.field && !out.some((p) => p.pointer?.startsWith('/error/details'))) {
    out.push({ severity: 'warning', rule: 'spec', pointer: '/error/details/field', message: `is ${JSON.stringify(details.field) ?? 'missing'}; this toolkit names "${request.expect.field}" (DESIGN §3.2; not promised by the docs)` });
  }
  if (answer.status === 401 && !answer.headers.has('WWW-Authenticate')) {
    out.push({ severity: 'warning', rule: 'headers', header: 'WWW-Authenticate', message: 'missing on a 401 (RFC 6750 asks for it; the docs do not promise it)' });
  }
  return out;
}

/** The body against the spec for a status that was not the expected one (no §8: the request meant something else). */
function judgeUnexpected(answer: ProviderAnswer, body: unknown): CheckProblem[] {
  const pointer = answer.status === 200 ? '/components/schemas/UsageResponse' : answer.status >= 400 ? '/components/schemas/ErrorResponse' : undefined;
  if (!pointer) return [];
  return validateCollapsed('api', pointer, body)
    .filter((i) => !(i.pointer === '/error/code' && i.keyword === 'enum'))
    .map((i) => ({ severity: 'failure' as const, rule: 'spec' as const, pointer: i.pointer, message: i.message }));
}

const ORDER: Record<string, number> = { status: 0, spec: 1, headers: 99 };
const orderOf = (p: CheckProblem): number => (p.severity === 'failure' ? 0 : 1000) + (ORDER[String(p.rule)] ?? 1 + Number(p.rule));

/**
 * Keeps one problem per place: exact repeats go, and a spec issue gives way to a §8 rule at the same
 * pointer (the rule says more); failures first, then status, spec, rules 1–13, headers.
 */
export function dedupeProblems(problems: CheckProblem[]): CheckProblem[] {
  const ruled = new Set(problems.filter((p) => typeof p.rule === 'number').map((p) => p.pointer));
  const seen = new Set<string>();
  const kept: CheckProblem[] = [];
  for (const p of problems) {
    if (p.rule === 'spec' && p.pointer !== undefined && ruled.has(p.pointer)) continue;
    const key = `${String(p.rule)}|${p.pointer ?? ''}|${p.header ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(p);
  }
  return kept.map((p, i) => ({ p, i })).sort((a, b) => orderOf(a.p) - orderOf(b.p) || a.i - b.i).map(({ p }) => p);
}

/**
 * Judges one answer of the matrix: its status against the expected one; its body against the spec
 * (and, for a 200, §8 via {@link checkUsageReport} and the six rate-limit headers); what the docs do
 * not promise (our error codes, `details.field`, `WWW-Authenticate`, `X-Request-Id`) as warnings.
 * Shape: returns the problems, deduplicated and ordered (see {@link dedupeProblems}); `[]` when all holds.
 * Never throws on any answer. DESIGN §8, §9; docs/decisions/0012-provider-check.md.
 */
export function judgeAnswer(request: PlannedRequest, answer: ProviderAnswer, strict: boolean): CheckProblem[] {
  const out: CheckProblem[] = [];
  if (!answer.headers.has('X-Request-Id')) out.push({ severity: 'warning', rule: 'headers', header: 'X-Request-Id', message: 'missing (this toolkit sends one on every answer, DESIGN §3.6; the docs do not promise it)' });
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    const head = answer.text.replace(/\s+/g, ' ').trim().slice(0, 80);
    out.push({ severity: 'failure', rule: 'spec', pointer: '', message: `the body is not JSON: ${head === '' ? '(empty)' : JSON.stringify(head)}` });
    if (answer.status !== request.expect.status) out.unshift(statusProblem(request, answer.status, undefined));
    return dedupeProblems(out);
  }
  if (answer.status !== request.expect.status) {
    out.push(statusProblem(request, answer.status, body), ...judgeUnexpected(answer, body));
  } else if (answer.status === 200) {
    out.push(...judgeUsage(request, answer, body, strict));
  } else {
    out.push(...judgeError(request, answer, body));
  }
  return dedupeProblems(out);
}

/** "expected HTTP 401 (no API key), got 200", with the error code when the body has one. */
function statusProblem(request: PlannedRequest, status: number, body: unknown): CheckProblem {
  const code = isObject(body) && isObject(body.error) && typeof body.error.code === 'string' ? ` ${body.error.code}` : '';
  return { severity: 'failure', rule: 'status', message: `expected HTTP ${request.expect.status} (${request.expect.why}), got ${status}${code}` };
}
