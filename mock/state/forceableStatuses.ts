import type { MockErrorCode } from '../api/envelope.ts';

/**
 * The statuses a fault or `Prefer: code=` can force, each with the error codes spec/openapi.yaml allows
 * for it on `GET /billing/usage` (its 400, 401, 403, 404, 429, 500 and 503 responses); the first is the
 * default. A forced answer must be what the real API would send for that status, valid against the
 * spec (DESIGN §6.7), so a fault pairing a status with another status's code is refused.
 */
export const FORCEABLE: Readonly<Record<number, readonly MockErrorCode[]>> = {
  400: ['VALIDATION_ERROR'],
  401: ['INVALID_API_KEY', 'MISSING_API_KEY'],
  403: ['INSUFFICIENT_SCOPE', 'API_KEY_SUSPENDED', 'COMPANY_ACCESS_DENIED'],
  404: ['RESOURCE_NOT_FOUND'],
  429: ['RATE_LIMIT_EXCEEDED'],
  500: ['INTERNAL_ERROR'],
  503: ['SERVICE_UNAVAILABLE'],
};
