import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { createAdminRouter } from './admin/createAdminRouter.ts';
import { createMockClock } from './createMockClock.ts';
import type { MockContext, MockOptions } from './MockContext.ts';
import { createRateLimiter } from './http/createRateLimiter.ts';
import { createResponseValidator } from './http/createResponseValidator.ts';
import { sendError } from './http/envelope.ts';
import { createFaultMiddleware, createFaultSet } from './http/faults.ts';
import { requestIdOf } from './http/requestId.ts';
import { bearerToken } from './http/authenticate.ts';
import { createUsageHandler } from './http/usageRoute.ts';
import { applyScenario, scenarioFrozenAt, type Scenario, type ScenarioProblem } from './store/applyScenario.ts';
import { createStore } from './store/createStore.ts';

/** Paths that serve `GET /billing/usage` (the docs use both base URLs; DESIGN §3). */
export const USAGE_PATHS = ['/billing/usage', '/v1/billing/usage'];
/** The longest query string answered normally; longer gets 414 `URI_TOO_LONG` (DESIGN §3.6). */
export const MAX_QUERY_BYTES = 8 * 1024;
/** The largest JSON body the control plane takes (DESIGN §6.3): room for 100 000 events. */
export const MAX_BODY = '64mb';

/** Thrown by {@link createApp} when its first scenario does not apply; `problems` name each field by JSON pointer. */
export class ScenarioApplyError extends Error {
  constructor(
    readonly scenarioName: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(`Scenario "${scenarioName}" does not apply:\n${problems.map((p) => `  ${p.pointer}: ${p.message}`).join('\n')}`);
  }
}

/** One log line per request: method, path, status, time, request id and the key's last 4 characters only. */
function requestLine(req: { method?: string; url?: string; id?: unknown; headers: Record<string, string | string[] | undefined> }, status: number, ms?: number): string {
  const auth = req.headers.authorization;
  const token = bearerToken(typeof auth === 'string' ? auth : undefined);
  return `${req.method} ${req.url?.split('?')[0]} → ${status}${ms === undefined ? '' : ` in ${ms} ms`} · ${String(req.id)}${token ? ` · key …${token.slice(-4)}` : ''}`;
}

/** Options of {@link createApp}. Defaults: real clock, seed 1, no 429s, any CORS origin, responses validated in `log` mode. */
export interface CreateAppOptions {
  /** The scenario to load now and to return to on `POST /__admin/reset`. */
  scenario: Scenario;
  /** Finds a built-in scenario by name for `POST /__admin/scenarios/{name}/load`. */
  resolveScenario?: (name: string) => { ok: true; scenario: Scenario } | { ok: false; message: string };
  /** Names of the built-in scenarios, for `GET /__admin/scenarios`. */
  listScenarios?: () => string[];
  /** Seed of the generators and of fault error rates; overrides the scenario's `seed`. */
  seed?: number;
  /** Freeze the clock at this instant (milliseconds since epoch) when `scenario` is loaded or reset to, overriding its clock (`--now`). */
  nowMs?: number;
  /** Where request lines and spec mismatches are logged (pino); silent when omitted. */
  logger?: Logger;
  /** Behaviour switches (rate limits, ATS companyId, CORS, admin token, answer validation); see {@link MockOptions}. */
  options?: Partial<MockOptions>;
  /** Called after every control-plane call that changed the state (2xx to POST, PUT, PATCH, DELETE), e.g. to save it (`--state-file`). */
  onStateChange?: () => void;
}

/** What {@link createApp} returns: an app that does not listen, and its state. */
export interface MockApp {
  app: Express;
  ctx: MockContext;
  /** Replaces the state with a scenario (`POST /__admin/scenarios/{name}/load`, `PUT /__admin/state`). */
  loadScenario(scenario: Scenario): ScenarioProblem[];
  /** The loaded scenario (what `POST /__admin/reset` returns to). */
  currentScenario(): Scenario;
}

/**
 * Creates the stateful mock of the InstaView billing API: one store per app, no module-level state.
 * @throws Error naming the problems when the initial scenario does not apply (a start-up error).
 */
export function createApp(init: CreateAppOptions): MockApp {
  const options: MockOptions = { rateLimit: false, atsRequireCompanyId: false, corsOrigin: '*', validateResponses: 'log', ...init.options };
  const logger = init.logger ?? pino({ level: 'silent' });
  const clock = createMockClock();
  let scenario = init.scenario;
  const ctx: MockContext = {
    store: createStore(),
    clock,
    rateLimiter: createRateLimiter(),
    faults: createFaultSet(init.seed ?? init.scenario.seed ?? 1),
    options,
    logger,
    rateLimitEnforced: () => options.rateLimit || scenario.rateLimit?.enabled === true,
    responseIssues: [],
  };

  function loadScenario(next: Scenario): ScenarioProblem[] {
    const before = clock.state();
    // --now overrides the clock of the scenario the mock was started with (first load and its resets);
    // any other scenario brings its own clock.
    const frozenAt = (next === init.scenario ? init.nowMs : undefined) ?? scenarioFrozenAt(next, clock.now());
    if (frozenAt !== undefined) clock.freeze(frozenAt);
    else {
      clock.real();
      clock.advance(next.clock?.mode === 'real' ? (next.clock.offsetMs ?? 0) : 0);
    }
    const store = createStore();
    const problems = applyScenario(store, next, { seed: init.seed ?? next.seed ?? 1, nowMs: clock.now() });
    if (problems.length > 0) {
      if (before.mode === 'frozen') clock.freeze(Date.parse(before.now));
      else (clock.real(), clock.advance(before.offsetMs));
      return problems;
    }
    store.usage.prepare();
    ctx.store = store;
    ctx.rateLimiter.reset();
    ctx.faults.clear();
    scenario = next;
    return [];
  }

  const initialProblems = loadScenario(init.scenario);
  if (initialProblems.length > 0) throw new ScenarioApplyError(init.scenario.name, initialProblems);

  const app = express();
  app.set('strict routing', true);
  app.set('case sensitive routing', true);
  app.set('x-powered-by', false);
  app.set('etag', false);
  app.set('query parser', 'simple');
  const mockApp: MockApp = { app, ctx, loadScenario, currentScenario: () => scenario };

  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.locals.clock = clock;
    next();
  });
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
  app.use(createResponseValidator(ctx));
  app.use(
    cors({
      origin: options.corsOrigin === '*' ? '*' : options.corsOrigin.split(',').map((o) => o.trim()),
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'X-Admin-Token'],
      exposedHeaders: [
        'X-Request-Id',
        'Retry-After',
        'X-RateLimit-Limit-Minute',
        'X-RateLimit-Limit-Hour',
        'X-RateLimit-Remaining-Minute',
        'X-RateLimit-Remaining-Hour',
        'X-RateLimit-Reset-Minute',
        'X-RateLimit-Reset-Hour',
      ],
      maxAge: 600,
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    const q = req.url.indexOf('?');
    if (q >= 0 && Buffer.byteLength(req.url.slice(q + 1)) > MAX_QUERY_BYTES) {
      return sendError(res, 414, 'URI_TOO_LONG', `The query string is longer than ${MAX_QUERY_BYTES} bytes.`, { maxBytes: MAX_QUERY_BYTES });
    }
    next();
  });
  app.get(USAGE_PATHS, createFaultMiddleware(ctx.faults), createUsageHandler(ctx));
  app.all(USAGE_PATHS, (req: Request, res: Response) => {
    res.locals.specPath = '/billing/usage';
    res.set('Allow', 'GET, HEAD, OPTIONS');
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.path}; use GET.`, { allowed: ['GET', 'HEAD', 'OPTIONS'] });
  });
  app.use('/__admin', (req: Request, res: Response, next: NextFunction) => {
    if (init.onStateChange && req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      res.on('finish', () => {
        if (res.statusCode < 300) init.onStateChange!();
      });
    }
    next();
  });
  app.use('/__admin', createAdminRouter(mockApp, { resolveScenario: init.resolveScenario, listScenarios: init.listScenarios }));
  app.use((req: Request, res: Response) => {
    sendError(res, 404, 'RESOURCE_NOT_FOUND', `No route ${req.method} ${req.path}. The API serves GET /billing/usage (and /v1/billing/usage); the control plane lives under /__admin.`, {
      resourceType: 'route',
      resourceId: req.path,
    });
  });
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.too.large') return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The JSON body is larger than ${MAX_BODY}.`);
    if (err.type === 'entity.parse.failed') return sendError(res, 400, 'VALIDATION_ERROR', `The body is not valid JSON: ${err.message}`, { field: 'body', reason: err.message });
    if (err.status === 400) return sendError(res, 400, 'VALIDATION_ERROR', `The request is malformed: ${err.message}`, { field: 'path', reason: err.message });
    if (err.status && err.status > 400 && err.status < 500) return sendError(res, err.status, 'BAD_REQUEST', err.message);
    logger.error({ err, path: req.path }, 'unexpected error');
    sendError(res, 500, 'INTERNAL_ERROR', 'The mock failed unexpectedly; see its log.');
  });
  return mockApp;
}
