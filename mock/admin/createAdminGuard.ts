import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { errorBody, type MockAnswer, type MockErrorCode } from '../api/envelope.ts';
import { STATUS_OF } from '../api/apiErrors.ts';

/** The `Host` names the control plane always accepts (any port): the loopback names (DESIGN §6.3). */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Content types a state-changing control-plane call may carry (DESIGN §6.3); YAML only where a route takes it. */
export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** The media type of a `Content-Type` header, lower case, without parameters (`""` when none). */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether a `Content-Type` header names JSON (`application/json` or `application/…+json`). Read from the header, so a call without a body counts too. */
export function isJsonType(header: string | undefined): boolean {
  const type = mediaType(header);
  return type === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
}

/** Whether a `Content-Type` header names YAML. */
export function isYamlType(header: string | undefined): boolean {
  return YAML_TYPES.includes(mediaType(header));
}

/** What guards the control plane: the admin token, and the `Host` names allowed besides loopback. */
export interface AdminGuardOptions {
  /** `X-Admin-Token` every call must carry (`--admin-token`), compared in constant time. */
  adminToken?: string;
  /** More accepted `Host` names (`--host` and `--allowed-hosts`), without ports, lower case. */
  allowedHosts: readonly string[];
}

/** The host name of a `Host` header or an origin's authority, lower case, without the port. */
export function hostName(authority: string): string {
  const a = authority.trim().toLowerCase();
  if (a.startsWith('[')) return a.slice(0, a.indexOf(']') + 1);
  const colon = a.lastIndexOf(':');
  return colon >= 0 ? a.slice(0, colon) : a;
}

/** An authority (`host[:port]`) with the port made explicit (80 by default), lower case, for comparing origins. */
function authorityOf(authority: string): string {
  const a = authority.trim().toLowerCase();
  const name = hostName(a);
  const port = a.slice(name.length).replace(/^:/, '');
  return `${name}:${port || '80'}`;
}

/** Equal strings, compared in time that does not depend on where they differ (both hashed first, so lengths leak nothing). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The refusal of the guard, as an admin answer. */
function refusal(code: MockErrorCode, message: string, details?: Record<string, unknown>): Omit<MockAnswer, 'body'> & { code: MockErrorCode; message: string; details?: Record<string, unknown> } {
  return { status: STATUS_OF[code], headers: {}, spec: 'admin', code, message, ...(details ? { details } : {}) };
}

/**
 * Decides whether a control-plane request may go on (DESIGN §6.3): the control plane is for the
 * machine's own tools and the mock's own console, never for other web pages. In order: a `Host` that
 * is not loopback, `--host` or `--allowed-hosts` → 403 `HOST_NOT_ALLOWED` (DNS rebinding); a CORS
 * preflight, or an `Origin` naming another host → 403 `CORS_NOT_ALLOWED` (no CORS header is ever
 * sent); a missing or wrong `X-Admin-Token` when one is set → 401 `ADMIN_TOKEN_REQUIRED`. Returns
 * undefined when the request may go on. (The content type is checked per route: {@link contentTypeRefusal}.)
 */
export function checkAdminRequest(req: Pick<Request, 'method' | 'path' | 'get'>, opts: AdminGuardOptions): ReturnType<typeof refusal> | undefined {
  const host = req.get('host');
  const name = host === undefined ? '' : hostName(host);
  if (!LOOPBACK_HOSTS.includes(name) && !opts.allowedHosts.includes(name)) {
    return refusal('HOST_NOT_ALLOWED', `The control plane answers only requests to ${[...LOOPBACK_HOSTS, ...opts.allowedHosts].join(', ')} (got Host "${host ?? ''}"); start the mock with --allowed-hosts ${name || 'NAME'} to add it.`, { host: host ?? '' });
  }
  const origin = req.get('origin');
  if (req.method === 'OPTIONS' || (origin !== undefined && origin !== 'null' && authorityOf(origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')) !== authorityOf(host ?? ''))) {
    return refusal('CORS_NOT_ALLOWED', 'The control plane does not answer other web pages: no cross-origin calls, no CORS preflights (DESIGN §6.3).', origin === undefined ? undefined : { origin });
  }
  if (origin === 'null') return refusal('CORS_NOT_ALLOWED', 'The control plane does not answer pages of an opaque origin ("Origin: null").', { origin });
  if (opts.adminToken !== undefined && !sameSecret(req.get('x-admin-token') ?? '', opts.adminToken)) {
    return refusal('ADMIN_TOKEN_REQUIRED', 'The control plane needs the X-Admin-Token header given to --admin-token.');
  }
  return undefined;
}

/**
 * A state-changing call (POST, PUT, PATCH, DELETE) without a JSON content type — or a YAML one where the
 * route takes YAML — body or not (DESIGN §6.3: a web page's form or `text/plain` fetch never reaches
 * the state): the 415 `UNSUPPORTED_MEDIA_TYPE` to answer, naming `Content-Type`; undefined when fine.
 */
export function contentTypeRefusal(method: string, contentType: string | undefined, yamlAllowed: boolean) {
  if (method === 'GET' || method === 'HEAD' || isJsonType(contentType) || (yamlAllowed && isYamlType(contentType))) return undefined;
  const reason = `a ${method} to the control plane needs "Content-Type: application/json"${yamlAllowed ? ' (or a YAML type such as application/yaml)' : ''}, even without a body`;
  return { code: 'UNSUPPORTED_MEDIA_TYPE' as const, message: `Unsupported Content-Type ${contentType ?? '(none)'}: ${reason}.`, details: { field: 'Content-Type', value: contentType ?? '', reason } };
}

/**
 * Express middleware running {@link checkAdminRequest} on every `/__admin` request; a refusal is answered
 * in the envelope at once (`nowOf` gives the request's mock clock). DESIGN §6.3.
 */
export function createAdminGuard(opts: AdminGuardOptions, nowOf: (req: Request) => number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refused = checkAdminRequest(req, opts);
    if (!refused) return next();
    const body = JSON.stringify(errorBody(refused.code, refused.message, refused.details, nowOf(req)));
    res.status(refused.status).type('application/json').send(body);
  };
}
