import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { pino, type Logger } from 'pino';
import { createAdminRouter } from './admin/createAdminRouter.ts';
import { createConsoleRouter } from './console/createConsoleRouter.ts';
import { apiError } from './api/answerUsageRequest.ts';
import { apiMessages } from './api/apiErrors.ts';
import { EXPOSED_HEADERS, MAX_QUERY_BYTES, PREFLIGHT_MAX_AGE_S, USAGE_PATHS } from './api/apiRoutes.ts';
import { errorBody } from './api/envelope.ts';
import { createAnswerCheck, type AnswerCheck } from './http/createAnswerCheck.ts';
import { createRequestPrelude, createRequestStart } from './http/createRequestPrelude.ts';
import { createApiHandler } from './http/createApiHandler.ts';
import { sendAnswer } from './http/sendAnswer.ts';
import type { MockState, ScenarioCatalog } from './state/createMockState.ts';
import { createSessions, type SessionError, type SessionOptions, type Sessions } from './state/createSessions.ts';

export { EXPOSED_HEADERS, MAX_QUERY_BYTES, USAGE_PATHS } from './api/apiRoutes.ts';

/** How the HTTP side of a mock behaves; the state's own switches (rate limits, ATS `companyId`) live in the state. */
export interface CreateAppOptions {
  /** The mock state the app serves. */
  state: MockState;
  /** Built-in scenarios, for `GET /__admin/scenarios`. */
  catalog?: ScenarioCatalog;
  /** Where request lines and spec mismatches go (pino); silent when omitted. */
  logger?: Logger;
  /** Allowed CORS origin(s) of the API paths, comma-separated; `*` (default) for any (`--cors-origin`). */
  corsOrigin?: string;
  /** `X-Admin-Token` the control plane then requires (`--admin-token`). */
  adminToken?: string;
  /** `Host` names the control plane accepts besides loopback (`--host`, `--allowed-hosts`), DESIGN §6.3. */
  allowedHosts?: readonly string[];
  /** The mock's own response check: `log` (default), `strict` (tests: a mismatch becomes a 500) or `off`. */
  validateResponses?: AnswerCheck['mode'];
  /** How sessions (`X-Mock-Session`, DESIGN §11) are bounded: `--max-sessions`, `--session-ttl`. */
  sessions?: SessionOptions;
}

/**
 * What {@link createApp} returns: the request handler to give `http.createServer` (the API paths served
 * straight on Node, everything else by the Express app), the Express app, the default state, its
 * sessions and the response check. Nothing listens.
 */
export interface MockApp {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  app: Express;
  state: MockState;
  sessions: Sessions;
  check: AnswerCheck;
}

/** The raw query string of a request URL, without `?` (`""` when none). */
function rawQuery(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q + 1);
}

/**
 * Creates the HTTP side of the mock over a {@link MockState} (DESIGN §3, §6): an Express app that does
 * not listen. It only wires HTTP: request ids and logs, the request journal (§12), the 414 check, CORS
 * on the API paths (never on `/__admin`, §6.3), the API routes (answered by `handleApiRequest`), the
 * console and API reference pages (§12), the control plane, 404 for anything else, and an envelope
 * for every error — never a stack trace.
 */
export function createApp(opts: CreateAppOptions): MockApp {
  const logger = opts.logger ?? pino({ level: 'silent' });
  const check = createAnswerCheck(opts.validateResponses ?? 'log', logger);
  const { state } = opts;
  const sessions = createSessions(state, { ...opts.sessions, ...(opts.catalog && !opts.sessions?.catalog ? { catalog: opts.catalog } : {}) });
  // The state each request acts on: its session's (X-Mock-Session), else the default one (DESIGN §11).
  const stateOfRequest = new WeakMap<IncomingMessage, MockState>();
  const stateFor = (req: IncomingMessage): MockState => stateOfRequest.get(req) ?? state;
  /** Resolves a request's `X-Mock-Session` (creating the session on first use); undefined when fine, else the error. */
  const resolveSession = async (req: IncomingMessage): Promise<SessionError | undefined> => {
    const header = req.headers['x-mock-session'];
    const name = (Array.isArray(header) ? header.join(',') : header)?.trim();
    if (name === undefined || name === '') return undefined; // an empty header names no session, as an empty key is no key
    const resolved = await sessions.resolve(name);
    if (!resolved.ok) return resolved.error;
    stateOfRequest.set(req, resolved.state);
    return undefined;
  };
  const app = express();
  app.set('strict routing', true);
  app.set('case sensitive routing', true);
  app.set('x-powered-by', false);
  app.set('etag', false);
  app.set('query parser', false);

  const prelude = { logger, stateFor, sessionOf: (s: MockState) => sessions.nameOf(s) };
  app.use(createRequestPrelude(prelude));
  const admin = (req: Request) => req.path === '/__admin' || req.path.startsWith('/__admin/');
  app.use((req: Request, res: Response, next: NextFunction) => {
    // The control plane resolves sessions after its guard; no header, no work (the common case).
    if (admin(req) || req.headers['x-mock-session'] === undefined) return next();
    void resolveSession(req).then((error) => (error ? sendAnswer(req, res, sessionErrorAnswer(state, error), check, state.now()) : next()), next);
  });
  const corsMiddleware = cors({
    origin: (opts.corsOrigin ?? '*') === '*' ? '*' : opts.corsOrigin!.split(',').map((o) => o.trim()),
    // No allowedHeaders: a preflight is answered with the headers it asks for (DESIGN §3.6: tracing headers work).
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_S,
  });
  app.use((req: Request, res: Response, next: NextFunction) => (admin(req) ? next() : corsMiddleware(req, res, next)));

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (Buffer.byteLength(rawQuery(req.url)) <= MAX_QUERY_BYTES) return next();
    const answer = apiError(state, 'URI_TOO_LONG', apiMessages.uriTooLong(MAX_QUERY_BYTES), { maxBytes: MAX_QUERY_BYTES });
    sendAnswer(req, res, admin(req) ? { ...answer, spec: 'admin', specPath: undefined } : { ...answer, specPath: undefined }, check, state.now());
  });
  // The API paths are served before Express (below, `handler`); only their CORS preflights come here.
  app.use('/__admin', createConsoleRouter({ allowedHosts: opts.allowedHosts ?? [], now: () => state.now(), check }));
  app.use('/__admin', createAdminRouter({ stateFor, resolveSession, sessions, check, allowedHosts: opts.allowedHosts ?? [], ...(opts.catalog ? { catalog: opts.catalog } : {}), ...(opts.adminToken ? { adminToken: opts.adminToken } : {}) }));
  app.use((req: Request, res: Response) => {
    const answer = apiError(state, 'RESOURCE_NOT_FOUND', apiMessages.noRoute(req.method, req.path), { resourceType: 'route', resourceId: req.path });
    sendAnswer(req, res, { ...answer, specPath: undefined, ...(admin(req) ? { spec: 'admin' } : {}) }, check, state.now());
  });
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    if (err.status !== undefined && err.status >= 400 && err.status < 500) {
      return void res.status(400).json(errorBody('BAD_REQUEST', `The request is malformed: ${err.message}`, { reason: err.message }, state.now()));
    }
    logger.error({ err, path: req.path }, 'unexpected error');
    if (res.headersSent) return void res.destroy();
    res.status(500).json(errorBody('INTERNAL_ERROR', 'The mock failed unexpectedly; see its log.', undefined, state.now()));
  });
  const api = createApiHandler({
    start: createRequestStart(prelude),
    session: async (req) => {
      const error = await resolveSession(req);
      return error ? { answer: sessionErrorAnswer(state, error) } : { state: stateFor(req) };
    },
    state,
    cors: corsMiddleware as never,
    check,
    logger,
  });
  const usagePaths = new Set(USAGE_PATHS);
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    if (req.method !== 'OPTIONS' && usagePaths.has(q < 0 ? url : url.slice(0, q))) return api(req, res);
    app(req, res);
  };
  return { handler, app, state, sessions, check };
}

/**
 * A session that cannot be used, answered on an API path in the API's envelope: a bad name is 400
 * `VALIDATION_ERROR` naming `X-Mock-Session`; the cap is 429 `RATE_LIMIT_EXCEEDED` whose window is the
 * session cap (`limit`) and whose `Retry-After` is when the oldest idle session expires (DESIGN §11).
 */
function sessionErrorAnswer(state: MockState, error: SessionError) {
  if (error.code === 'TOO_MANY_SESSIONS') {
    const { retryAfter, maxSessions } = error.details;
    const reset = Math.floor(state.now() / 1000) + retryAfter;
    return apiError(state, 'RATE_LIMIT_EXCEEDED', error.message, { retryAfter, limit: maxSessions, remaining: 0, reset }, { headers: { 'Retry-After': String(retryAfter) } });
  }
  return apiError(state, 'VALIDATION_ERROR', error.message, { field: 'X-Mock-Session', value: String(error.details?.value ?? ''), reason: String(error.details?.reason ?? error.message) });
}
