import createClient from 'openapi-fetch';
import type { components, paths } from '../generated/openapi.ts';

/**
 * The usage report inside a 200 envelope's `data` (generated from spec `#/components/schemas/UsageReport`).
 * Units: quantities in minutes or credits, at most 3 decimals; counts are integers. DESIGN §3.5.
 */
export type UsageReport = components['schemas']['UsageReport'];
/** One company of a report; narrows on `billingSystem` (`minutes` | `credits`), the other unit's fields absent. DESIGN §3.4. */
export type CompanyUsage = components['schemas']['CompanyUsage'];
/** The error codes the spec names (DESIGN §3.1). */
export type ErrorCode = components['schemas']['ErrorCode'];

/** Options of {@link createBillingClient}; see each field. DESIGN §1 (frontend developer), §3.1 (Bearer key). */
export interface BillingClientOptions {
  /** Base URL without a trailing path, e.g. `http://127.0.0.1:4010` or `https://api.instaview.sk/v1`. */
  baseUrl: string;
  /** The API key, sent as `Authorization: Bearer <apiKey>`; omit to send no Authorization header. */
  apiKey?: string;
  /** A fetch implementation (tests inject one); defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request, e.g. `{ 'X-Request-Id': '…' }`. */
  headers?: Record<string, string>;
  /**
   * The mock's session to act on (`X-Mock-Session`, DESIGN §11): each parallel test run its own state.
   * Only our mock reads it; a real provider ignores the header.
   */
  session?: string;
}

/**
 * Query of {@link BillingClient.getUsage}; a `Date` is sent as an ISO 8601 instant (`toISOString()`, UTC,
 * milliseconds). The period is `[start, end)`. DESIGN §3.2.
 */
export interface GetUsageQuery {
  /** Inclusive start: a `Date`, `YYYY-MM-DD` or an RFC 3339 date-time. Defaults server-side to end − 30 days. */
  start?: Date | string;
  /** Exclusive end, same forms. Defaults server-side to now. */
  end?: Date | string;
  /** ATS keys: narrow to one managed company (UUID). Ignored by the API for regular keys. */
  companyId?: string;
}

/**
 * A non-2xx answer, as a value: the HTTP status and the envelope's `error`. When the body is not the
 * documented envelope (a proxy's HTML page, a bare 429 object), `code` is `UNEXPECTED_RESPONSE` and
 * `body` holds what came back. Shape: `details` as the envelope's (e.g. `field`, `value`, `reason` for a
 * 400). DESIGN §3.1, §3.6 (error envelope).
 */
export interface BillingApiError {
  status: number;
  code: ErrorCode | 'UNEXPECTED_RESPONSE';
  message: string;
  details?: Record<string, unknown>;
  body: unknown;
}

/**
 * What {@link BillingClient.getUsage} resolves to: `{ data }` on 200, `{ error }` otherwise, with the raw
 * `response` either way (headers such as `X-RateLimit-Remaining-Minute`, `X-Request-Id`). DESIGN §3.6.
 */
export type GetUsageResult =
  | { data: UsageReport; error?: undefined; response: Response }
  | { data?: undefined; error: BillingApiError; response: Response };

/** A typed client of `GET /billing/usage`; see {@link BillingClient.getUsage}. DESIGN §3. */
export interface BillingClient {
  /**
   * Calls `GET /billing/usage`. HTTP errors come back as `{ error }` values, never as throws.
   * @throws RangeError for an Invalid Date as `start` or `end` (before anything is sent), and what
   * `fetch` throws (network failure, aborted request). DESIGN §3.
   */
  getUsage(query?: GetUsageQuery): Promise<GetUsageResult>;
}

function toQueryValue(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('getUsage: an Invalid Date cannot be sent as start or end');
    return value.toISOString();
  }
  return value;
}

function toBillingApiError(status: number, body: unknown): BillingApiError {
  const error = (body as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string') {
    const e = error as { code: ErrorCode; message?: unknown; details?: Record<string, unknown> };
    return {
      status,
      code: e.code,
      message: typeof e.message === 'string' ? e.message : '',
      ...(e.details && typeof e.details === 'object' ? { details: e.details } : {}),
      body,
    };
  }
  return { status, code: 'UNEXPECTED_RESPONSE', message: `HTTP ${status} without the documented error envelope`, body };
}

/**
 * Creates a typed client of the InstaView billing API on openapi-fetch, typed by the types generated
 * from spec/openapi.yaml. Shape: `baseUrl` without trailing slashes (they are dropped); sends nothing
 * until `getUsage` is called; never throws. DESIGN §1, §3.
 * @example
 * const client = createBillingClient({ baseUrl: 'http://127.0.0.1:4010', apiKey: 'sk_test_ats_mixed' });
 * const { data, error } = await client.getUsage({ start: '2024-01-01', end: new Date() });
 */
export function createBillingClient(options: BillingClientOptions): BillingClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== undefined) headers.Authorization = `Bearer ${options.apiKey}`;
  if (options.session !== undefined) headers['X-Mock-Session'] = options.session;
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    async getUsage(query = {}) {
      const { data, error, response } = await client.GET('/billing/usage', {
        params: {
          query: {
            start: toQueryValue(query.start),
            end: toQueryValue(query.end),
            companyId: query.companyId,
          },
        },
      });
      if (response.ok && data) return { data: data.data, response };
      return { error: toBillingApiError(response.status, error ?? data), response };
    },
  };
}
