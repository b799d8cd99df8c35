/** Paths that serve `GET /billing/usage` (the docs use both base URLs; DESIGN §3). */
export const USAGE_PATHS = ['/billing/usage', '/v1/billing/usage'];

/** The longest query string answered normally, in bytes (UTF-8); longer gets 414 `URI_TOO_LONG` (DESIGN §3.6). */
export const MAX_QUERY_BYTES = 8 * 1024;

/** Response headers of the API paths a browser app may read (DESIGN §3.6: `Access-Control-Expose-Headers`). */
export const EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'X-RateLimit-Limit-Minute', 'X-RateLimit-Limit-Hour', 'X-RateLimit-Remaining-Minute', 'X-RateLimit-Remaining-Hour', 'X-RateLimit-Reset-Minute', 'X-RateLimit-Reset-Hour'];

/** Seconds a browser may cache a preflight's answer (`Access-Control-Max-Age`). */
export const PREFLIGHT_MAX_AGE_S = 600;

/** What a field value of a header may hold (RFC 9110 field-value): anything a caller could have sent. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]+$/;

/**
 * The id of a request (DESIGN §3.6): the caller's `X-Request-Id` as sent, when it is a non-blank
 * header value, else a new UUID from `newId` (default the Web Crypto API's `randomUUID`). Never throws.
 */
export function chooseRequestId(given: string | undefined, newId: () => string = () => globalThis.crypto.randomUUID()): string {
  return typeof given === 'string' && given.trim() !== '' && HEADER_VALUE.test(given) ? given : newId();
}
