import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/admin.ts';

/** Options of {@link createAdminClient}. DESIGN §6 (control plane), §6.3 (token, Content-Type). */
export interface AdminClientOptions {
  /** The mock's base URL, without `/__admin`, e.g. `http://127.0.0.1:4010` (`startMockServer`'s `url`). */
  baseUrl: string;
  /** Sent as `X-Admin-Token` when the mock runs with `--admin-token` (DESIGN §6.3). */
  adminToken?: string;
  /** A fetch implementation (tests inject one); defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request, e.g. `{ 'X-Request-Id': '…' }`. */
  headers?: Record<string, string>;
}

/**
 * A typed client of the control plane (spec/admin.openapi.yaml; generated types in src/generated/admin.ts):
 * `GET`, `POST`, `PUT`, `PATCH`, `DELETE` take a `/__admin/…` path of the spec and its typed
 * `params`/`body`, and resolve to `{ data, response }` or `{ error, response }` — HTTP errors are values
 * (the error envelope: `error.error.code`, `.message`, `.details`), never throws. DESIGN §6.
 */
export type AdminClient = Client<paths>;

/** Methods that change the state: the control plane wants `Content-Type: application/json` on them even without a body (DESIGN §6.3). */
const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Creates a typed client of a running mock's `/__admin` control plane (DESIGN §6), built on openapi-fetch.
 * @example
 * const admin = createAdminClient({ baseUrl: mock.url });
 * await admin.PUT('/__admin/clock', { body: { mode: 'frozen', now: '2024-01-31T10:30:00Z' } });
 * const { data, error } = await admin.POST('/__admin/scenarios/{name}/load', { params: { path: { name: 'seed-examples' } } });
 * @throws what `fetch` throws (network failure, aborted request); HTTP errors are values.
 */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { ...options.headers, ...(options.adminToken === undefined ? {} : { 'X-Admin-Token': options.adminToken }) },
  });
  client.use({
    onRequest({ request }) {
      if (!CHANGING.has(request.method) || request.headers.has('content-type')) return undefined;
      const headers = new Headers(request.headers);
      headers.set('Content-Type', 'application/json');
      return new Request(request, { headers });
    },
  });
  return client;
}
