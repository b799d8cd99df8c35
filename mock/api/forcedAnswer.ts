import { BILLING_SCOPE } from '../../src/billing/resolveUsageRequest.ts';
import type { MockState } from '../state/createMockState.ts';
import { limitsOf } from '../state/createRateLimiter.ts';
import { apiError, requestKey, type ApiRequest } from './answerUsageRequest.ts';
import type { MockAnswer, MockErrorCode } from './envelope.ts';
import { FORCEABLE } from '../state/forceableStatuses.ts';

export { FORCEABLE };

/** Seconds a forced 503 asks the caller to wait (`Retry-After`). */
export const FORCED_RETRY_AFTER_S = 30;

/**
 * The answer the real API would give with `status` (DESIGN §6.7), valid against spec/openapi.yaml:
 * 401 `INVALID_API_KEY` with `WWW-Authenticate`; 403 `INSUFFICIENT_SCOPE` with `details.requiredScope`;
 * 404 `RESOURCE_NOT_FOUND`; 429 `RATE_LIMIT_EXCEEDED` with `Retry-After`, the six rate-limit headers
 * (the request key's plan, the current minute window, nothing left) and `details`; 500 `INTERNAL_ERROR`;
 * 503 `SERVICE_UNAVAILABLE` with `Retry-After`; 400 `VALIDATION_ERROR` naming the query. `code` picks
 * another code the spec allows for that status; `reason` goes into the message. The caller has
 * checked that `status` is one of {@link FORCEABLE} (and `code` one of its codes).
 */
export function forcedAnswer(state: MockState, request: ApiRequest, status: number, opts: { code?: MockErrorCode; reason: string }): MockAnswer {
  const code = opts.code ?? FORCEABLE[status]?.[0] ?? 'INTERNAL_ERROR';
  const message = `${opts.reason}: HTTP ${status} ${code}.`;
  switch (status) {
    case 400:
      return apiError(state, code, message, { field: 'query', value: request.query, reason: opts.reason }, { status });
    case 403:
      return apiError(state, code, message, code === 'INSUFFICIENT_SCOPE' ? { requiredScope: BILLING_SCOPE } : undefined, { status });
    case 404:
      return apiError(state, code, message, { resourceType: 'route', resourceId: request.path }, { status });
    case 429: {
      const nowMs = state.now();
      const key = requestKey(request);
      const limits = limitsOf(key === undefined ? undefined : state.store.apiKey(key)?.plan);
      const reset = Math.floor(nowMs / 60_000) * 60 + 60;
      const retryAfter = Math.max(1, Math.ceil(reset - nowMs / 1000));
      const hourReset = Math.floor(nowMs / 3_600_000) * 3600 + 3600;
      const headers = {
        'X-RateLimit-Limit-Minute': String(limits.perMinute),
        'X-RateLimit-Limit-Hour': String(limits.perHour),
        'X-RateLimit-Remaining-Minute': '0',
        'X-RateLimit-Remaining-Hour': String(Math.max(0, limits.perHour - limits.perMinute)),
        'X-RateLimit-Reset-Minute': String(reset),
        'X-RateLimit-Reset-Hour': String(hourReset),
        'Retry-After': String(retryAfter),
      };
      return apiError(state, code, message, { retryAfter, limit: limits.perMinute, remaining: 0, reset }, { status, headers });
    }
    case 503:
      return apiError(state, code, message, { retryAfter: FORCED_RETRY_AFTER_S }, { status, headers: { 'Retry-After': String(FORCED_RETRY_AFTER_S) } });
    default:
      return apiError(state, code, message, undefined, { status });
  }
}
