import type { MockErrorCode } from './envelope.ts';

/**
 * The HTTP status of each error code of the API and of the control plane (DESIGN §3.1, §3.6, §6):
 * the one place where a domain or state error becomes a status. Codes a layer raises with another
 * status (a forced fault, Node's parser errors) pass it explicitly.
 */
export const STATUS_OF: Readonly<Record<MockErrorCode, number>> = {
  MISSING_API_KEY: 401,
  INVALID_API_KEY: 401,
  API_KEY_SUSPENDED: 403,
  RATE_LIMIT_EXCEEDED: 429,
  INSUFFICIENT_SCOPE: 403,
  VALIDATION_ERROR: 400,
  COMPANY_ACCESS_DENIED: 403,
  RESOURCE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  URI_TOO_LONG: 414,
  BAD_REQUEST: 400,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  ADMIN_TOKEN_REQUIRED: 401,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HOST_NOT_ALLOWED: 403,
  CORS_NOT_ALLOWED: 403,
  STATE_NOT_SAVED: 503,
  TOO_MANY_SESSIONS: 429,
};

/** The `WWW-Authenticate` challenge every 401 carries (RFC 6750; DESIGN §3.1). */
export const WWW_AUTHENTICATE = 'Bearer realm="instaview"';

/** Methods the usage path allows (DESIGN §3.6: the `Allow` header of a 405). */
export const USAGE_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;

/**
 * Message templates of the API paths, written once (as Prism keeps an `errors.ts` per stage).
 * DESIGN §3.1, §3.6.
 */
export const apiMessages = {
  methodNotAllowed: (method: string, path: string) => `${method} is not allowed on ${path}; use GET.`,
  rateLimited: (retryAfter: number) => `Rate limit exceeded; retry after ${retryAfter} seconds.`,
  uriTooLong: (maxBytes: number) => `The query string is longer than ${maxBytes} bytes.`,
  noRoute: (method: string, path: string) => `No route ${method} ${path}. The API serves GET /billing/usage (and /v1/billing/usage); the control plane lives under /__admin.`,
} as const;
