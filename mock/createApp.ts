import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { bearerToken } from '../src/billing/authenticate.ts';
import { createAdminRouter } from './admin/createAdminRouter.ts';
import { apiError, type ApiRequest } from './api/answerUsageRequest.ts';
import { apiMessages } from './api/apiErrors.ts';
import { EXPOSED_HEADERS, MAX_QUERY_BYTES, PREFLIGHT_MAX_AGE_S, USAGE_PATHS } from './api/apiRoutes.ts';
import { handleApiRequest } from './api/handleApiRequest.ts';
import { errorBody } from './api/envelope.ts';
import { createAnswerCheck, type AnswerCheck } from './http/createAnswerCheck.ts';
import { requestIdOf } from './http/requestId.ts';
import { sendAnswer } from './http/sendAnswer.ts';
import type { MockState, ScenarioCatalog } from './state/createMockState.ts';

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
}

/** What {@link createApp} returns: an app that does not listen, the state it serves and its response check. */
export interface MockApp {
  app: Express;
  state: MockState;
  check: AnswerCheck;
}

/** One log line per request: method, path, status, time, request id and the key's last 4 characters only. */
function requestLine(req: { method?: string; url?: string; id?: unknown; headers: Record<string, string | string[] | undefined> }, status: number, ms?: number): string {
  const auth = req.headers.authorization;
  const token = bearerToken(typeof auth === 'string' ? auth : undefined);
  return `${req.method} ${req.url?.split('?')[0]} → ${status}${ms === undefined ? '' : ` in ${ms} ms`} · ${String(req.id)}${token ? ` · key …${token.slice(-4)}` : ''}`;
}

/** The raw query string of a request URL, without `?` (`""` when none). */
function rawQuery(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q + 1);
}

/**
 * Creates the HTTP side of the mock over a {@link MockState} (DESIGN §3, §6): an Express app that does
 * not listen. It only wires HTTP: request ids and logs, the 414 check, CORS on the API paths (never on
 * `/__admin`, §6.3), the API routes (answered by `handleApiRequest`), the control plane,
 * 404 for anything else, and an envelope for every error — never a stack trace.
 */
export function createApp(opts: CreateAppOptions): MockApp {
  const logger = opts.logger ?? pino({ level: 'silent' });
  const check = createAnswerCheck(opts.validateResponses ?? 'log', logger);
  const { state } = opts;
  const app = express();
  app.set('strict routing', true);
  app.set('case sensitive routing', true);
  app.set('x-powered-by', false);
  app.set('etag', false);
  app.set('query parser', false);

  app.use(
    pinoHttp({
      logger,
      genReqId: requestIdOf,
      quietReqLogger: true,
      serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }), res: (res: { statusCode: number }) => ({ status: res.statusCode }) },
      customProps: (req) => {
        const token = bearerToken(req.headers.authorization);
        return token ? { key: `…${token.slice(-4)}` } : {};
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      customSuccessMessage: (req, res, responseTime) => requestLine(req, res.statusCode, responseTime),
      customErrorMessage: (req, res) => requestLine(req, res.statusCode),
    }),
  );
  const admin = (req: Request) => req.path === '/__admin' || req.path.startsWith('/__admin/');
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
  app.all(USAGE_PATHS, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const request: ApiRequest = { method: req.method, path: req.path, query: rawQuery(req.url), header: (name) => req.get(name) };
      const outcome = handleApiRequest(state, request);
      if (outcome.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
      sendAnswer(req, res, outcome.answer(), check, state.now());
    } catch (err) {
      next(err);
    }
  });
  app.use('/__admin', createAdminRouter({ stateFor: () => state, check, allowedHosts: opts.allowedHosts ?? [], ...(opts.catalog ? { catalog: opts.catalog } : {}), ...(opts.adminToken ? { adminToken: opts.adminToken } : {}) }));
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
  return { app, state, check };
}
