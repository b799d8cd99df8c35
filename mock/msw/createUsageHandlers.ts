import { http, type HttpHandler } from 'msw';
import { apiError, type ApiRequest } from '../api/answerUsageRequest.ts';
import { apiMessages } from '../api/apiErrors.ts';
import { chooseRequestId, EXPOSED_HEADERS, MAX_QUERY_BYTES, PREFLIGHT_MAX_AGE_S, USAGE_PATHS } from '../api/apiRoutes.ts';
import { answerText, type MockAnswer } from '../api/envelope.ts';
import { handleApiRequest } from '../api/handleApiRequest.ts';
import type { MockState } from '../state/createMockState.ts';

/** How {@link createUsageHandlers} matches and answers requests. */
export interface UsageHandlerOptions {
  /** Base URL of the API, e.g. `http://127.0.0.1:4010` or `https://api.instaview.sk/v1`; `*` (default) for any origin. */
  baseUrl?: string;
  /** Allowed CORS origin(s), comma-separated, as `--cors-origin`; `*` (default) for any. */
  corsOrigin?: string;
}

/** Methods the `cors` package allows in a preflight answer (the HTTP mock's default, DESIGN §3.6). */
const PREFLIGHT_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE';

/** The raw query string of a URL, without `?` (`""` when none), as the HTTP mock reads it. */
function rawQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q);
  return url.slice(q + 1, hash < 0 ? undefined : hash);
}

/** The CORS headers the HTTP mock's `cors` middleware puts on an answer of an API path (DESIGN §3.6). */
function corsHeaders(corsOrigin: string, origin: string | null): Record<string, string> {
  if (corsOrigin === '*') return { 'Access-Control-Allow-Origin': '*' };
  const allowed = corsOrigin.split(',').map((o) => o.trim());
  return { ...(origin !== null && allowed.includes(origin) ? { 'Access-Control-Allow-Origin': origin } : {}), Vary: 'Origin' };
}

/** A Fetch `Response` carrying a {@link MockAnswer} as the Express adapter writes it (JSON body, no body for HEAD or 204). */
function toResponse(method: string, answer: MockAnswer, extra: Record<string, string>): Response {
  const headers = new Headers({ ...extra, ...answer.headers });
  const text = answerText(answer);
  if (text === undefined) return new Response(null, { status: answer.status, headers });
  headers.set('Content-Type', 'application/json; charset=utf-8');
  headers.set('Content-Length', String(new TextEncoder().encode(text).length));
  return new Response(method === 'HEAD' ? null : text, { status: answer.status, headers });
}

/**
 * MSW request handlers for the API paths (`/billing/usage`, `/v1/billing/usage`) over a mock state:
 * each request becomes an {@link ApiRequest} answered by `handleApiRequest` — the same function the
 * Express app calls — so status, envelope, billing rules and headers are the HTTP mock's (DESIGN §10).
 * As the HTTP side does, the handlers add `X-Request-Id` (echoed or new), CORS headers, answer a query
 * string over 8 KiB with 414, `OPTIONS` with a 204 preflight, and wait out a latency fault.
 * Any method matches, so another method gets its 405. Paths other than these two are not matched (MSW's
 * `onUnhandledRequest` decides). Works with `setupServer` (Node) and `setupWorker` (browser).
 */
export function createUsageHandlers(state: MockState, options: UsageHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const corsOrigin = options.corsOrigin ?? '*';
  return USAGE_PATHS.map((usagePath) =>
    http.all(`${base}${usagePath}`, async ({ request }) => {
      const url = new URL(request.url);
      // Strict routing, as the HTTP mock's: `/billing/usage/` is another path (DESIGN §3.6).
      if (!url.pathname.endsWith(usagePath)) return undefined;
      const path = url.pathname.endsWith('/v1/billing/usage') ? '/v1/billing/usage' : '/billing/usage';
      const method = request.method.toUpperCase();
      const origin = request.headers.get('origin');
      const extra: Record<string, string> = { 'X-Request-Id': chooseRequestId(request.headers.get('x-request-id') ?? undefined), ...corsHeaders(corsOrigin, origin) };
      const exposed = { ...extra, 'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(',') };
      if (method === 'OPTIONS') {
        // A preflight, answered as the `cors` package does: the headers it asks for are allowed (DESIGN §3.6).
        const asked = request.headers.get('access-control-request-headers');
        const preflight = {
          ...exposed,
          'Access-Control-Allow-Methods': PREFLIGHT_METHODS,
          ...(asked ? { 'Access-Control-Allow-Headers': asked } : {}),
          Vary: [extra.Vary, 'Access-Control-Request-Headers'].filter(Boolean).join(', '),
          'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_S),
          'Content-Length': '0',
        };
        return new Response(null, { status: 204, headers: preflight });
      }
      const query = rawQuery(request.url);
      if (new TextEncoder().encode(query).length > MAX_QUERY_BYTES) {
        const answer = apiError(state, 'URI_TOO_LONG', apiMessages.uriTooLong(MAX_QUERY_BYTES), { maxBytes: MAX_QUERY_BYTES });
        return toResponse(method, answer, exposed);
      }
      const apiRequest: ApiRequest = { method, path, query, header: (name) => request.headers.get(name) ?? undefined };
      const outcome = handleApiRequest(state, apiRequest);
      if (outcome.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
      return toResponse(method, outcome.answer(), exposed);
    }),
  );
}
