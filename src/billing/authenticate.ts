import { parseInstant } from './parseInstant.ts';

/** Why a request was refused before its key could be used (DESIGN §3.1 steps 1–3); the API layer gives the status (401, 401, 403). */
export interface AuthFailure {
  code: 'MISSING_API_KEY' | 'INVALID_API_KEY' | 'API_KEY_SUSPENDED';
  message: string;
}

/** What authentication reads of a stored key: its status and expiry (an ISO 8601 instant). DESIGN §3.1, §6.1. */
export interface KeyStatus {
  status: 'active' | 'revoked' | 'suspended';
  expiresAt?: string;
}

const BEARER = /^\s*bearer(?:\s+(.*))?$/i;

/**
 * The key of an `Authorization: Bearer <key>` header: scheme case-insensitive, key trimmed (DESIGN §3.1).
 * @returns the key, or undefined when the header is missing, of another scheme, or has an empty key.
 */
export function bearerToken(header: string | undefined): string | undefined {
  const token = header === undefined ? undefined : BEARER.exec(header)?.[1]?.trim();
  return token ? token : undefined;
}

/**
 * Finds the API key of a request from its `Authorization` header (DESIGN §3.1 steps 1–3, in order):
 * missing or not `Bearer <key>` (scheme case-insensitive, key trimmed, empty = missing) → 401
 * `MISSING_API_KEY`; unknown, revoked or expired (now ≥ `expiresAt`) → 401 `INVALID_API_KEY`;
 * suspended → 403 `API_KEY_SUSPENDED`.
 * @param header the raw header value, or undefined.
 * @param lookup finds a stored key by its exact text.
 * @param nowMs the mock clock's now, milliseconds since epoch.
 */
export function authenticate<K extends KeyStatus>(
  header: string | undefined,
  lookup: (key: string) => K | undefined,
  nowMs: number,
): { ok: true; key: K } | { ok: false; failure: AuthFailure } {
  const token = bearerToken(header);
  if (!token) {
    return { ok: false, failure: { code: 'MISSING_API_KEY', message: 'Send your API key as "Authorization: Bearer <key>".' } };
  }
  const key = lookup(token);
  const expiry = key?.expiresAt === undefined ? undefined : parseInstant(key.expiresAt);
  const expired = expiry !== undefined && (!expiry.ok || nowMs >= expiry.ms);
  if (!key || key.status === 'revoked' || expired) {
    return { ok: false, failure: { code: 'INVALID_API_KEY', message: 'The API key is invalid, revoked or expired.' } };
  }
  if (key.status === 'suspended') {
    return { ok: false, failure: { code: 'API_KEY_SUSPENDED', message: 'The API key is suspended; ask your InstaView administrator to reactivate it.' } };
  }
  return { ok: true, key };
}
