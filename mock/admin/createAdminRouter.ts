import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { readInstantParam, readIntegerParam, readUuidParam } from '../../src/billing/readParams.ts';
import { readQuery, type RawQuery } from '../../src/billing/readQuery.ts';
import { validationError } from '../../src/billing/types.ts';
import { FORBIDDEN_KEYS } from '../../src/scenario/findForbiddenKeys.ts';
import type { MockAnswer } from '../api/envelope.ts';
import type { MockCommand } from '../state/commands.ts';
import type { MockState, ScenarioCatalog } from '../state/createMockState.ts';
import type { SessionError, Sessions } from '../state/createSessions.ts';
import type { AnswerCheck } from '../http/createAnswerCheck.ts';
import { sendAnswer } from '../http/sendAnswer.ts';
import { adminError, adminResult, adminSuccess, type AdminSpecPath } from './adminAnswers.ts';
import { validateAgainst } from '../../src/validation/validateAgainst.ts';
import { stateErrors } from '../state/stateErrors.ts';
import { contentTypeRefusal, createAdminGuard, type AdminGuardOptions } from './createAdminGuard.ts';
import { clearRequests, listRequests } from './journalRoutes.ts';
import { exportState, importState } from './stateRoutes.ts';

/** The largest JSON body of a control-plane call (DESIGN §6.3): room for 100 000 events. `PUT /state` streams and has its own cap. */
export const MAX_BODY = '64mb';

/** Rejects JSON keys that could poison prototypes (DESIGN §6.3); used as the body parser's reviver. */
function refuseDangerousKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new SyntaxError(`the key "${key}" is not allowed (DESIGN §6.3)`);
  return value;
}

/** One control-plane call as a route handler sees it: the state it acts on, path parameters, the decoded query and the JSON body. */
export interface AdminCall {
  state: MockState;
  params: Record<string, string>;
  query: RawQuery;
  body: unknown;
  req: Request;
  res: Response;
}

/** What the control plane is built from. */
export interface AdminRouterOptions extends AdminGuardOptions {
  /** The state a request acts on (the default one, or a session's), once `resolveSession` has run. */
  stateFor(req: Request): MockState;
  /** Resolves the request's `X-Mock-Session` (creating the session on first use); the error when it cannot. */
  resolveSession(req: Request): Promise<SessionError | undefined>;
  /** The mock's sessions, for `/__admin/sessions` (DESIGN §11). */
  sessions: Sessions;
  /** The built-in scenarios (`GET /__admin/scenarios`). */
  catalog?: ScenarioCatalog;
  /** The mock's own response check; its mismatch count shows in `/__admin/health`. */
  check: AnswerCheck;
}

type Handler = (call: AdminCall) => MockAnswer | Promise<MockAnswer | undefined> | undefined;

/** A JSON body's command, run on the state, answered with its value (or its error). */
/** Executes a command and answers with its result; the envelope's `timestamp` is read after the command, so a clock it set shows (DESIGN §3.6, §6.4). */
const run = async (call: AdminCall, specPath: AdminSpecPath, command: MockCommand, status = 200, shape?: (value: never) => unknown): Promise<MockAnswer> => {
  const result = await call.state.execute(command);
  return adminResult(call.state.now(), specPath, result, status, shape as (value: unknown) => unknown);
};

/** The query's parameters other than `allowed`, refused (a typo on a DELETE must not delete every event). */
function unknownParameter(query: RawQuery, allowed: readonly string[]) {
  const name = Object.keys(query).find((k) => !allowed.includes(k));
  return name === undefined ? undefined : validationError(name, query[name], `is not a parameter of this call; it takes ${allowed.join(', ')}`);
}

/**
 * The control plane under `/__admin` (DESIGN §6, described by spec/admin.openapi.yaml): each route turns
 * HTTP into a command on the mock state (or a read of it) and the result into the envelope; the
 * commands check their input. Guarded first (DESIGN §6.3: Host, no CORS, token, content type); list
 * filters are read with the API's own parameter readers (§3.2); other methods answer 405.
 */
export function createAdminRouter(opts: AdminRouterOptions): Router {
  const router = Router({ strict: true, caseSensitive: true });
  router.use(createAdminGuard(opts, (req) => opts.stateFor(req).now()));
  // After the guard: a foreign page never gets to create a session. `/sessions` itself acts on them all.
  router.use(async (req, res, next) => {
    if (req.path === '/sessions' || req.path.startsWith('/sessions/')) return next();
    const error = await opts.resolveSession(req);
    if (!error) return next();
    const now = opts.stateFor(req).now();
    sendAnswer(req, res, adminError(now, undefined, error, error.code === 'TOO_MANY_SESSIONS' ? { 'Retry-After': String(error.details.retryAfter) } : {}), opts.check, now);
  });
  const json = express.json({ limit: MAX_BODY, strict: false, reviver: refuseDangerousKeys, type: ['application/json', 'application/*+json'] });
  // PUT /state reads its own body: a streamed JSON document or YAML (mock/admin/stateRoutes.ts).
  router.use((req, res, next) => (req.method === 'PUT' && req.path === '/state' ? next() : json(req, res, next)));

  const routes = new Map<string, string[]>();
  function route(method: 'get' | 'post' | 'put' | 'patch' | 'delete', template: string, handler: Handler): void {
    const expressPath = template.replace(/\{(\w+)\}/g, ':$1');
    routes.set(expressPath, [...(routes.get(expressPath) ?? []), method.toUpperCase()]);
    router[method](expressPath, async (req: Request, res: Response, next: NextFunction) => {
      const state = opts.stateFor(req);
      const unsupported = contentTypeRefusal(req.method, req.get('content-type'), template === '/state');
      if (unsupported) return sendAnswer(req, res, adminError(state.now(), undefined, unsupported), opts.check, state.now());
      const q = readQuery(req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
      if (!q.ok) return sendAnswer(req, res, adminError(state.now(), `/__admin${template}` as AdminSpecPath, q.error), opts.check, state.now());
      try {
        const answer = await handler({ state, params: req.params as Record<string, string>, query: q.query, body: req.body, req, res });
        if (answer) sendAnswer(req, res, answer, opts.check, state.now());
      } catch (err) {
        next(err);
      }
    });
  }
  const p = (template: string) => `/__admin${template}` as AdminSpecPath;

  route('get', '/health', ({ state }) => {
    const health = state.health();
    return adminSuccess(state.now(), p('/health'), { ...health, ...state.summary(), responseMismatches: opts.check.mismatches().count });
  });
  route('post', '/reset', (call) => run(call, p('/reset'), { type: 'reset' }));
  route('get', '/scenarios', ({ state }) => adminSuccess(state.now(), p('/scenarios'), { current: state.loadedScenario().name, scenarios: opts.catalog?.names() ?? [] }));
  route('post', '/scenarios/{name}/load', (call) => run(call, p('/scenarios/{name}/load'), { type: 'loadScenario', name: call.params.name! }));
  route('get', '/state', (call) => exportState(call, opts.check));
  route('put', '/state', (call) => importState(call));
  route('get', '/ats-integrations', ({ state }) => adminSuccess(state.now(), p('/ats-integrations'), state.store.atsIntegrations()));
  route('post', '/ats-integrations', (call) => run(call, p('/ats-integrations'), { type: 'createAtsIntegration', input: call.body as never }, 201));
  route('get', '/companies', ({ state, query }) => {
    const ats = readUuidParam('atsIntegrationId', query.atsIntegrationId);
    if (!ats.ok) return adminError(state.now(), p('/companies'), ats.error);
    return adminSuccess(state.now(), p('/companies'), state.store.companies(ats.value === undefined ? undefined : { atsIntegrationId: ats.value }));
  });
  route('post', '/companies', (call) => run(call, p('/companies'), { type: 'createCompany', input: call.body as never }, 201));
  route('get', '/companies/{id}', ({ state, params }) => {
    const company = state.store.company(params.id!);
    return company ? adminSuccess(state.now(), p('/companies/{id}'), company) : adminError(state.now(), p('/companies/{id}'), { code: 'RESOURCE_NOT_FOUND', message: `No company with id ${params.id}`, details: { resourceType: 'company', resourceId: params.id } });
  });
  route('patch', '/companies/{id}', (call) => run(call, p('/companies/{id}'), { type: 'updateCompany', id: call.params.id!, patch: call.body as never }));
  route('delete', '/companies/{id}', (call) => run(call, p('/companies/{id}'), { type: 'deleteCompany', id: call.params.id! }));
  route('get', '/api-keys', ({ state }) => adminSuccess(state.now(), p('/api-keys'), state.store.apiKeys()));
  route('post', '/api-keys', (call) => run(call, p('/api-keys'), { type: 'createApiKey', input: call.body as never }, 201));
  route('patch', '/api-keys/{key}', (call) => run(call, p('/api-keys/{key}'), { type: 'updateApiKey', key: call.params.key!, patch: call.body as never }));
  route('delete', '/api-keys/{key}', (call) => run(call, p('/api-keys/{key}'), { type: 'deleteApiKey', key: call.params.key! }));
  route('get', '/usage-events', ({ state, query }) => {
    const spec = p('/usage-events');
    const unknown = unknownParameter(query, ['companyId', 'start', 'end', 'limit', 'offset']);
    if (unknown) return adminError(state.now(), spec, unknown);
    const companyId = readUuidParam('companyId', query.companyId);
    const start = readInstantParam('start', query.start);
    const end = readInstantParam('end', query.end);
    const limit = readIntegerParam('limit', query.limit, 1, 1000, 100);
    const offset = readIntegerParam('offset', query.offset, 0, Number.MAX_SAFE_INTEGER, 0);
    for (const r of [companyId, start, end, limit, offset]) if (!r.ok) return adminError(state.now(), spec, r.error);
    // DESIGN §3.2: the list filters follow the API's rules, `start` strictly before `end` among them (either may be left out here).
    if (start.ok && end.ok && start.ms !== undefined && end.ms !== undefined && !(start.ms < end.ms)) {
      return adminError(state.now(), spec, validationError('end', query.end as string, `must be after start ${String(query.start)}`));
    }
    const page = state.store.pageUsageEvents(
      {
        ...(companyId.ok && companyId.value !== undefined ? { companyId: companyId.value } : {}),
        ...(start.ok && start.ms !== undefined ? { startMs: start.ms } : {}),
        ...(end.ok && end.ms !== undefined ? { endMs: end.ms } : {}),
      },
      offset.ok ? offset.value : 0,
      limit.ok ? limit.value : 100,
    );
    return adminSuccess(state.now(), spec, { total: page.total, limit: limit.ok ? limit.value : 100, offset: offset.ok ? offset.value : 0, items: page.items });
  });
  route('post', '/usage-events', (call) => {
    const many = Array.isArray(call.body);
    const events = (many ? call.body : [call.body]) as never;
    return run(call, p('/usage-events'), { type: 'addUsageEvents', events }, 201, ((v: { count: number; ids: string[]; first: unknown }) => (many ? { count: v.count, ids: v.ids } : v.first)) as never);
  });
  route('delete', '/usage-events', (call) => {
    const spec = p('/usage-events');
    const unknown = unknownParameter(call.query, ['companyId']);
    if (unknown) return adminError(call.state.now(), spec, unknown);
    const companyId = readUuidParam('companyId', call.query.companyId);
    if (!companyId.ok) return adminError(call.state.now(), spec, companyId.error);
    return run(call, spec, { type: 'deleteUsageEvents', ...(companyId.value === undefined ? {} : { companyId: companyId.value }) });
  });
  route('get', '/usage-events/counts', ({ state }) => {
    const companies = state.store.companies().map((c) => ({ companyId: c.id, events: state.store.eventCount(c.id) }));
    return adminSuccess(state.now(), p('/usage-events/counts'), { total: state.store.eventCount(), companies });
  });
  route('get', '/requests', listRequests);
  route('delete', '/requests', clearRequests);
  route('get', '/clock', ({ state }) => adminSuccess(state.now(), p('/clock'), state.clockState()));
  route('put', '/clock', (call) => run(call, p('/clock'), { type: 'setClock', clock: call.body as never }));
  route('get', '/faults', ({ state }) => adminSuccess(state.now(), p('/faults'), state.faults.list()));
  route('put', '/faults', (call) => run(call, p('/faults'), { type: 'setFaults', faults: (Array.isArray(call.body) ? call.body : [call.body]) as never }));
  route('delete', '/faults', (call) => run(call, p('/faults'), { type: 'clearFaults' }));
  route('post', '/provider-states', async (call) => {
    const body = (call.body ?? {}) as Record<string, unknown>;
    const result = await call.state.execute({ type: 'setProviderState', ...(body && typeof body === 'object' ? body : {}) } as MockCommand);
    if (!result.ok) return adminError(call.state.now(), p('/provider-states'), result.error);
    // Not enveloped: Pact reads this body as the provider-state values (admin spec).
    return { status: 200, headers: {}, body: result.value, spec: 'admin', specPath: p('/provider-states') };
  });

  route('get', '/sessions', ({ state }) => adminSuccess(state.now(), p('/sessions'), opts.sessions.list()));
  route('post', '/sessions', async ({ state, body }) => {
    const input = (body ?? {}) as { name?: unknown; scenario?: unknown };
    const issues = validateAgainst('admin', '/components/schemas/SessionInput', input);
    if (issues.length > 0) return adminError(state.now(), p('/sessions'), stateErrors.invalidBody(issues));
    const made = await opts.sessions.create(String(input.name), input.scenario === undefined ? undefined : String(input.scenario));
    if (!made.ok) return adminError(state.now(), p('/sessions'), made.error, made.error.code === 'TOO_MANY_SESSIONS' ? { 'Retry-After': String(made.error.details.retryAfter) } : {});
    return adminSuccess(state.now(), p('/sessions'), made.value, 201);
  });
  route('delete', '/sessions/{name}', ({ state, params }) => adminResult(state.now(), p('/sessions/{name}'), opts.sessions.remove(params.name!)));

  for (const [path, methods] of routes) {
    router.all(path, (req, res) => {
      const allowed = [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])];
      const state = opts.stateFor(req);
      sendAnswer(req, res, adminError(state.now(), undefined, { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on ${req.originalUrl.split('?')[0]}; use ${methods.join(' or ')}.`, details: { allowed } }, { Allow: allowed.join(', ') }), opts.check, state.now());
    });
  }
  router.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, next: NextFunction) => {
    const now = opts.stateFor(req).now();
    if (err.type === 'entity.too.large') return sendAnswer(req, res, adminError(now, undefined, { code: 'PAYLOAD_TOO_LARGE', message: `The JSON body is larger than ${MAX_BODY}.` }), opts.check, now);
    // A body the parser could not read: named as the body, not as a query parameter.
    const bodyError = (reason: string) => ({ code: 'VALIDATION_ERROR' as const, message: `Invalid body: ${reason}`, details: { field: 'body', reason } });
    if (err.type === 'entity.parse.failed') return sendAnswer(req, res, adminError(now, undefined, bodyError(`it is not valid JSON (${err.message})`)), opts.check, now);
    if (err.status === 400 && typeof err.type === 'string') return sendAnswer(req, res, adminError(now, undefined, bodyError(`it could not be read (${err.message})`)), opts.check, now);
    if (err.status === 400) return sendAnswer(req, res, adminError(now, undefined, validationError('path', req.path, `is malformed: ${err.message}`)), opts.check, now);
    if (err.status !== undefined && err.status >= 400 && err.status < 500) return sendAnswer(req, res, adminError(now, undefined, { code: 'BAD_REQUEST', message: `The request is malformed: ${err.message}` }), opts.check, now);
    next(err);
  });
  return router;
}
