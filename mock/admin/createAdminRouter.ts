import express, { Router, type Request, type Response } from 'express';
import { parseInstant } from '../../src/billing/parseInstant.ts';
import { validateRequestBody } from '../../src/validation/index.ts';
import { listUsageEvents, pickIssue, postUsageEvents, readEventFilter } from './usageEventRoutes.ts';
import type { MockApp } from '../createApp.ts';
import { MAX_BODY } from '../createApp.ts';
import { sendError, sendSuccess } from '../http/envelope.ts';
import type { Scenario } from '../store/applyScenario.ts';
import { FORBIDDEN_KEYS, validateScenario } from '../../src/scenario/index.ts';
import type { StoreResult } from '../store/types.ts';
import { snapshotState, stateSummary } from './snapshotState.ts';
import { applyProviderState } from './providerStates.ts';

/** Rejects JSON keys that could poison prototypes (DESIGN §6.3); used as the body parser's reviver. */
function refuseDangerousKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new SyntaxError(`the key "${key}" is not allowed`);
  return value;
}

/** Where the control plane finds built-in scenarios. */
export interface ScenarioCatalog {
  resolveScenario?: (name: string) => { ok: true; scenario: Scenario } | { ok: false; message: string };
  listScenarios?: () => string[];
}

type Handler = (req: Request, res: Response) => void;

/**
 * The control plane under `/__admin` (DESIGN §6, described by spec/admin.openapi.yaml): JSON in and out
 * in the API's envelope; bodies validated against the admin spec before they reach the store.
 */
export function createAdminRouter(mock: MockApp, catalog: ScenarioCatalog): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const ctx = mock.ctx;
  router.use((req, res, next) => {
    const token = ctx.options.adminToken;
    if (token !== undefined && req.get('x-admin-token') !== token) {
      return sendError(res, 401, 'ADMIN_TOKEN_REQUIRED', 'The control plane needs the X-Admin-Token header given to --admin-token.');
    }
    next();
  });
  router.use((req, res, next) => {
    const hasBody = (req.get('content-length') ?? '0') !== '0' || req.get('transfer-encoding') !== undefined;
    if (hasBody && !req.is(['application/json', 'application/*+json'])) {
      return sendError(res, 400, 'VALIDATION_ERROR', `Send the body as JSON with "Content-Type: application/json" (got ${req.get('content-type') ?? 'no Content-Type'}).`, { field: 'Content-Type', reason: 'must be application/json', value: req.get('content-type') ?? '' });
    }
    next();
  });
  router.use(express.json({ limit: MAX_BODY, strict: false, reviver: refuseDangerousKeys, type: ['application/json', 'application/*+json'] }));

  const answer = <T>(res: Response, result: StoreResult<T>, status = 200) =>
    result.ok ? sendSuccess(res, result.value, status) : sendError(res, result.error.status, result.error.code, result.error.message, result.error.details);

  /** Registers a route: spec path for validation, body checked against the admin spec, 405 for other methods. */
  const routes = new Map<string, string[]>();
  function route(method: 'get' | 'post' | 'put' | 'patch' | 'delete', template: string, handler: Handler, options: { validateBody?: boolean } = {}): void {
    const expressPath = template.replace(/\{(\w+)\}/g, ':$1');
    const methods = routes.get(expressPath) ?? [];
    methods.push(method.toUpperCase());
    routes.set(expressPath, methods);
    router[method](expressPath, (req: Request, res: Response) => {
      res.locals.adminSpecPath = `/__admin${template}`;
      if ((method === 'post' || method === 'put' || method === 'patch') && options.validateBody !== false) {
        const issues = validateRequestBody('admin', method, `/__admin${template}`, req.body ?? {});
        if (issues.length > 0) {
          const first = pickIssue(issues);
          return sendError(res, 400, 'VALIDATION_ERROR', `Invalid body at "${first.pointer || '/'}": ${first.message}`, { field: first.pointer, reason: first.message, issues });
        }
      }
      handler(req, res);
    });
  }

  route('get', '/health', (_req, res) => sendSuccess(res, { status: 'ok', ...stateSummary(mock) }));
  route('post', '/reset', (_req, res) => {
    const problems = mock.loadScenario(mock.currentScenario());
    if (problems.length > 0) return sendError(res, 409, 'CONFLICT', 'The loaded scenario no longer applies.', { problems });
    sendSuccess(res, stateSummary(mock));
  });
  route('get', '/scenarios', (_req, res) => sendSuccess(res, { current: mock.currentScenario().name, scenarios: catalog.listScenarios?.() ?? [] }));
  route('post', '/scenarios/{name}/load', (req, res) => {
    const name = String(req.params.name);
    const found = catalog.resolveScenario?.(name) ?? { ok: false as const, message: 'this mock has no scenario catalog' };
    if (!found.ok) return sendError(res, 404, 'RESOURCE_NOT_FOUND', found.message, { resourceType: 'scenario', resourceId: name });
    const problems = mock.loadScenario(found.scenario);
    if (problems.length > 0) return sendError(res, 400, 'VALIDATION_ERROR', `Scenario "${name}" does not apply.`, { field: 'scenario', reason: problems[0]!.message, problems });
    sendSuccess(res, stateSummary(mock));
  });
  route('get', '/state', (_req, res) => sendSuccess(res, snapshotState(mock)));
  route('put', '/state', (req, res) => {
    const checked = validateScenario(req.body);
    if (!checked.ok) {
      const first = checked.issues[0]!;
      return sendError(res, 400, 'VALIDATION_ERROR', `Invalid scenario at "${first.pointer || '/'}": ${first.message}`, { field: first.pointer, reason: first.message, errors: checked.issues.map((i) => ({ field: i.pointer, reason: i.message })) });
    }
    const problems = mock.loadScenario(checked.scenario);
    if (problems.length > 0) {
      return sendError(res, 400, 'VALIDATION_ERROR', `Invalid scenario at "${problems[0]!.pointer}": ${problems[0]!.message}`, { field: problems[0]!.pointer, reason: problems[0]!.message, errors: problems.map((p) => ({ field: p.pointer, reason: p.message })) });
    }
    sendSuccess(res, snapshotState(mock));
  });
  route('get', '/ats-integrations', (_req, res) => sendSuccess(res, ctx.store.atsIntegrations()));
  route('post', '/ats-integrations', (req, res) => answer(res, ctx.store.addAtsIntegration(req.body), 201));
  route('get', '/companies', (req, res) => sendSuccess(res, ctx.store.companies(typeof req.query.atsIntegrationId === 'string' ? { atsIntegrationId: req.query.atsIntegrationId } : undefined)));
  route('post', '/companies', (req, res) => answer(res, ctx.store.addCompany(req.body), 201));
  route('get', '/companies/{id}', (req, res) => {
    const company = ctx.store.company(String(req.params.id));
    if (!company) return sendError(res, 404, 'RESOURCE_NOT_FOUND', `No company with id ${req.params.id}`, { resourceType: 'company', resourceId: req.params.id });
    sendSuccess(res, company);
  });
  route('patch', '/companies/{id}', (req, res) => answer(res, ctx.store.updateCompany(String(req.params.id), req.body)));
  route('delete', '/companies/{id}', (req, res) => answer(res, ctx.store.deleteCompany(String(req.params.id))));
  route('get', '/api-keys', (_req, res) => sendSuccess(res, ctx.store.apiKeys()));
  route('post', '/api-keys', (req, res) => answer(res, ctx.store.addApiKey(req.body), 201));
  route('patch', '/api-keys/{key}', (req, res) => answer(res, ctx.store.updateApiKey(String(req.params.key), req.body)));
  route('delete', '/api-keys/{key}', (req, res) => answer(res, ctx.store.deleteApiKey(String(req.params.key))));
  route('get', '/usage-events', (req, res) => listUsageEvents(mock, req, res));
  route('post', '/usage-events', (req, res) => postUsageEvents(mock, req, res), { validateBody: false });
  route('delete', '/usage-events', (req, res) => {
    const filter = readEventFilter(req, res, ['companyId']);
    if (!filter) return;
    sendSuccess(res, { deleted: ctx.store.deleteUsageEvents(filter.companyId ? { companyId: filter.companyId } : {}) });
  });
  route('get', '/clock', (_req, res) => sendSuccess(res, ctx.clock.state()));
  route(
    'put',
    '/clock',
    (req, res) => {
      const body = (req.body ?? {}) as { mode?: unknown; now?: unknown; advanceMs?: unknown };
      if (body && typeof body === 'object' && 'advanceMs' in body) {
        const ms = body.advanceMs;
        const reason = !Number.isSafeInteger(ms) || (ms as number) < 0 ? 'must be a whole number of milliseconds ≥ 0' : !Number.isFinite(new Date(ctx.clock.now() + (ms as number)).getTime()) ? 'moves the clock past the largest date JavaScript can represent' : undefined;
        if (reason) return sendError(res, 400, 'VALIDATION_ERROR', `Invalid "advanceMs": ${reason}.`, { field: 'advanceMs', value: ms, reason });
      }
      const issues = validateRequestBody('admin', 'put', '/__admin/clock', body);
      if (issues.length > 0) {
        const first = pickIssue(issues);
        return sendError(res, 400, 'VALIDATION_ERROR', `Invalid body at "${first.pointer || '/'}": ${first.message}. Send {"mode":"frozen","now":ISO}, {"mode":"real"} or {"advanceMs":N}.`, { field: first.pointer, reason: first.message, issues });
      }
      if (typeof body.advanceMs === 'number') ctx.clock.advance(body.advanceMs);
      else if (body.mode === 'real') {
        ctx.clock.real();
        ctx.clock.advance(typeof (body as { offsetMs?: unknown }).offsetMs === 'number' ? (body as { offsetMs: number }).offsetMs : 0);
      }
      else {
        const at = typeof body.now === 'string' ? parseInstant(body.now) : undefined;
        if (at && !at.ok) return sendError(res, 400, 'VALIDATION_ERROR', `Invalid "now": ${at.reason}`, { field: 'now', value: body.now, reason: at.reason });
        ctx.clock.freeze(at?.ms);
      }
      sendSuccess(res, ctx.clock.state());
    },
    { validateBody: false },
  );
  route('get', '/faults', (_req, res) => sendSuccess(res, ctx.faults.list()));
  route('put', '/faults', (req, res) => sendSuccess(res, ctx.faults.replace(Array.isArray(req.body) ? req.body : [req.body])));
  route('delete', '/faults', (_req, res) => {
    ctx.faults.clear();
    sendSuccess(res, []);
  });
  route('post', '/provider-states', (req, res) => {
    const result = applyProviderState(mock, req.body);
    if (!result.ok) return sendError(res, 400, 'VALIDATION_ERROR', result.message, { field: 'state', value: req.body?.state, reason: result.message });
    res.status(200).json(result.params); // not enveloped: Pact reads this body as the provider-state values (admin spec)
  });

  for (const [path, methods] of routes) {
    router.all(path, (req, res) => {
      const allowed = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
      res.set('Allow', allowed.join(', '));
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.originalUrl.split('?')[0]}; use ${methods.join(' or ')}.`, { allowed: methods });
    });
  }
  return router;
}
