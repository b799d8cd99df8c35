// The console's only way to the mock: the control plane's own JSON routes, from the same origin
// (DESIGN §6.3): Content-Type: application/json on every state-changing call, and X-Admin-Token when
// the user gave one (kept in this tab's sessionStorage only).

const TOKEN_KEY = 'instaview-mock.admin-token';

/** A refused control-plane call: the HTTP status and the envelope's error code and message. */
export class AdminCallError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The admin token the user pasted, or '' when none. */
export function adminToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Keeps the admin token for this tab ('' forgets it). */
export function setAdminToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * Calls `/__admin` + `path` and resolves with the envelope's `data`; rejects with an AdminCallError
 * (the envelope's code and message, or what went wrong on the way).
 */
export async function admin(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers['Content-Type'] = 'application/json';
  const token = adminToken();
  if (token) headers['X-Admin-Token'] = token;
  let res;
  try {
    res = await fetch(`/__admin${path}`, { method, headers, cache: 'no-store', credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (err) {
    throw new AdminCallError(0, 'UNREACHABLE', `Cannot reach the mock (${err.message}). Is it still running?`);
  }
  let payload;
  try {
    payload = await res.json();
  } catch {
    throw new AdminCallError(res.status, 'NOT_JSON', `${method} /__admin${path} answered ${res.status} without JSON.`);
  }
  if (!res.ok || payload?.success !== true) {
    const error = payload?.error ?? {};
    const field = error.details?.field ? ` (${error.details.field})` : '';
    throw new AdminCallError(res.status, error.code ?? 'UNKNOWN', `${res.status} ${error.code ?? ''}: ${error.message ?? 'no message'}${field}`);
  }
  return payload.data;
}
