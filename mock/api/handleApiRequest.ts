import { usageExamples } from '../../src/validation/usageExamples.ts';
import type { MockState } from '../state/createMockState.ts';
import { limitsOf } from '../state/createRateLimiter.ts';
import { answerUsageRequest, apiError, requestKey, USAGE_SPEC_PATH, type ApiRequest } from './answerUsageRequest.ts';
import { applyFaults, type FaultOutcome } from './applyFaults.ts';
import { WWW_AUTHENTICATE } from './apiErrors.ts';
import type { MockAnswer } from './envelope.ts';
import { FORCEABLE, forcedAnswer } from './forcedAnswer.ts';

/** The `Prefer` preferences the mock reads, as Prism does: `code=NNN` and `example=NAME`. */
export interface Preferences {
  code?: string;
  example?: string;
}

/** Reads a `Prefer` header (RFC 7240: `code=429, example=atsMixed`, also `;`-separated); unknown preferences are ignored. */
export function readPrefer(header: string | undefined): Preferences {
  const out: Preferences = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (name === 'code' || name === 'example') out[name] = value;
  }
  return out;
}

/** The six rate-limit headers of a key that has not used its windows (for example answers, which count nothing). */
function fullWindowHeaders(state: MockState, request: ApiRequest): Record<string, string> {
  const key = requestKey(request);
  const limits = limitsOf(key === undefined ? undefined : state.store.apiKey(key)?.plan);
  const nowS = state.now() / 1000;
  return {
    'X-RateLimit-Limit-Minute': String(limits.perMinute),
    'X-RateLimit-Limit-Hour': String(limits.perHour),
    'X-RateLimit-Remaining-Minute': String(limits.perMinute),
    'X-RateLimit-Remaining-Hour': String(limits.perHour),
    'X-RateLimit-Reset-Minute': String(Math.floor(nowS / 60) * 60 + 60),
    'X-RateLimit-Reset-Hour': String(Math.floor(nowS / 3600) * 3600 + 3600),
  };
}

/**
 * The answer a `Prefer` header asks for (DESIGN §6.7), or undefined to answer normally: `code=200` is
 * the normal answer; `code=NNN` one of the forced statuses (401, 403, 404, 429, 500, 503, 400) as the
 * real API would give it; `example=NAME` a named example of spec/openapi.yaml (within `code` when both
 * are given), with the headers its status carries. An unknown code or example is a 400 naming `Prefer`.
 */
export function preferredAnswer(state: MockState, request: ApiRequest): MockAnswer | undefined {
  const prefer = readPrefer(request.header('prefer'));
  if (prefer.code === undefined && prefer.example === undefined) return undefined;
  const codes = Object.keys(FORCEABLE).map(Number);
  const status = prefer.code === undefined ? undefined : Number(prefer.code);
  if (status !== undefined && status !== 200 && !codes.includes(status)) {
    return apiError(state, 'VALIDATION_ERROR', `Invalid "Prefer": code=${prefer.code} is not one the mock can answer.`, { field: 'Prefer', value: request.header('prefer') ?? '', reason: `code must be 200 or one of ${codes.join(', ')}` });
  }
  if (prefer.example === undefined) return status === 200 ? undefined : forcedAnswer(state, request, status!, { reason: `Prefer: code=${status}` });
  const examples = usageExamples();
  const example = examples.get(prefer.example);
  if (!example || (status !== undefined && example.status !== status)) {
    const known = [...examples].filter(([, e]) => status === undefined || e.status === status).map(([name]) => name);
    return apiError(state, 'VALIDATION_ERROR', `Invalid "Prefer": no example "${prefer.example}"${status === undefined ? '' : ` for ${status}`}.`, { field: 'Prefer', value: request.header('prefer') ?? '', reason: `example must be one of ${known.join(', ')}` });
  }
  const headers: Record<string, string> =
    example.status === 200 ? fullWindowHeaders(state, request) : example.status === 401 ? { 'WWW-Authenticate': WWW_AUTHENTICATE } : {};
  const details = (example.value as { error?: { details?: { retryAfter?: number } } }).error?.details;
  if (example.status === 429 || example.status === 503) headers['Retry-After'] = String(details?.retryAfter ?? 60);
  if (example.status === 429) Object.assign(headers, { ...fullWindowHeaders(state, request), 'X-RateLimit-Remaining-Minute': '0' });
  return { status: example.status, headers, body: structuredClone(example.value), spec: 'api', specPath: USAGE_SPEC_PATH };
}

/**
 * Answers a request to an API path (`/billing/usage`, `/v1/billing/usage`) from a mock state, with no
 * transport in it: Express and the MSW handlers both call this, so they answer alike (DESIGN §3, §6.7,
 * §10). A method other than GET/HEAD gets its 405 at once; then a `Prefer` header, else the first
 * matching fault, shapes the answer; else DESIGN §3.1's checks and the report. Wait `delayMs`
 * (a latency fault, milliseconds) before calling `answer()`.
 */
export function handleApiRequest(state: MockState, request: ApiRequest): FaultOutcome {
  if (request.method !== 'GET' && request.method !== 'HEAD') return { delayMs: 0, answer: () => answerUsageRequest(state, request) };
  const preferred = preferredAnswer(state, request);
  if (preferred) return { delayMs: 0, answer: () => preferred };
  return applyFaults(state, request, () => answerUsageRequest(state, request));
}
