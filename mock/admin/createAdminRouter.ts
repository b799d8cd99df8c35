import express, { Router, type Request, type Response } from 'express';
import { parseInstant } from '../../src/billing/parseInstant.ts';
import { validateAgainst, validateRequestBody } from '../../src/validation/index.ts';
import type { MockApp } from '../createApp.ts';
import { MAX_BODY } from '../createApp.ts';
import { sendError, sendSuccess } from '../http/envelope.ts';
import type { Scenario } from '../store/applyScenario.ts';
import { FORBIDDEN_KEYS, validateScenario } from '../../src/scenario/index.ts';
import type { StoreResult, UsageEventInput } from '../store/types.ts';
import { MAX_EVENT_BATCH } from '../store/createStore.ts';
import { snapshotState } from './snapshotState.ts';
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

  route('get', '/health', (_req, res) => sendSuccess(res, { status: 'ok', scenario: mock.currentScenario().name, events: ctx.store.usage.count(), clock: ctx.clock.state() }));
  route('post', '/reset', (_req, res) => {
    const problems = mock.loadScenario(mock.currentScenario());
    if (problems.length > 0) return sendError(res, 409, 'CONFLICT', 'The loaded scenario no longer applies.', { problems });
    sendSuccess(res, { scenario: mock.currentScenario().name, events: ctx.store.usage.count(), clock: ctx.clock.state() });
  });
  route('get', '/scenarios', (_req, res) => sendSuccess(res, { current: mock.currentScenario().name, scenarios: catalog.listScenarios?.() ?? [] }));
  route('post', '/scenarios/{name}/load', (req, res) => {
    const name = String(req.params.name);
    const found = catalog.resolveScenario?.(name) ?? { ok: false as const, message: 'this mock has no scenario catalog' };
    if (!found.ok) return sendError(res, 404, 'RESOURCE_NOT_FOUND', found.message, { resourceType: 'scenario', resourceId: name });
    const problems = mock.loadScenario(found.scenario);
    if (problems.length > 0) return sendError(res, 400, 'VALIDATION_ERROR', `Scenario "${name}" does not apply.`, { field: 'scenario', reason: problems[0]!.message, problems });
    sendSuccess(res, { scenario: name, events: ctx.store.usage.count(), clock: ctx.clock.state() });
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
      else if (body.mode === 'real') ctx.clock.real();
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The most useful of several schema issues: not a oneOf/anyOf summary, not a missing property of another branch, the deepest. */
function pickIssue<T extends { pointer: string; keyword: string }>(issues: T[]): T {
  const rank = (i: T) => (['oneOf', 'anyOf', 'if'].includes(i.keyword) ? 2 : i.keyword === 'required' ? 1 : 0);
  return [...issues].sort((a, b) => rank(a) - rank(b) || b.pointer.split('/').length - a.pointer.split('/').length)[0]!;
}

/**
 * Reads the query of a usage-events call: only the `allowed` parameters (a typo on a DELETE must not
 * delete every event), `companyId` a UUID. Answers 400 and returns undefined otherwise.
 */
function readEventFilter(req: Request, res: Response, allowed: string[]): { companyId?: string } | undefined {
  const q = req.query as Record<string, unknown>;
  const unknown = Object.keys(q).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    sendError(res, 400, 'VALIDATION_ERROR', `Unknown query parameter "${unknown[0]}"; this call takes ${allowed.join(', ')}.`, { field: unknown[0]!, reason: 'unknown parameter' });
    return undefined;
  }
  if (q.companyId !== undefined && (typeof q.companyId !== 'string' || !UUID.test(q.companyId))) {
    sendError(res, 400, 'VALIDATION_ERROR', 'Invalid "companyId": must be a UUID.', { field: 'companyId', value: q.companyId, reason: 'must be a UUID' });
    return undefined;
  }
  return typeof q.companyId === 'string' ? { companyId: q.companyId.toLowerCase() } : {};
}

/**
 * `POST /__admin/usage-events`: one event or an array of up to 100 000, all or nothing. Each item is
 * checked against the schema and then the store's rules; every bad item is listed as
 * `{index, field, reason}` (DESIGN §6.2).
 */
function postUsageEvents(mock: MockApp, req: Request, res: Response): void {
  const items: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
  if (Array.isArray(req.body) && items.length === 0) {
    return sendError(res, 400, 'VALIDATION_ERROR', 'Send at least one event.', { errors: [{ field: '', reason: 'the array is empty' }] });
  }
  if (items.length > MAX_EVENT_BATCH) {
    return sendError(res, 400, 'VALIDATION_ERROR', `At most ${MAX_EVENT_BATCH} events per request, got ${items.length}.`, { errors: [{ field: '', reason: `more than ${MAX_EVENT_BATCH} events` }] });
  }
  const errors: Array<{ index: number; field: string; reason: string }> = [];
  items.forEach((item, index) => {
    const issues = validateAgainst('scenario', '/$defs/UsageEventInput', item);
    if (issues.length > 0) {
      const first = pickIssue(issues);
      errors.push({ index, field: first.pointer.replace(/^\//, ''), reason: first.message });
    }
  });
  if (errors.length > 0) {
    return sendError(res, 400, 'VALIDATION_ERROR', `${errors.length} invalid event${errors.length === 1 ? '' : 's'}; nothing was stored. First: item ${errors[0]!.index} "${errors[0]!.field}" ${errors[0]!.reason}`, { errors });
  }
  const result = mock.ctx.store.addUsageEvents(items as UsageEventInput[]);
  if (!result.ok) return sendError(res, result.error.status, result.error.code, result.error.message, result.error.details);
  sendSuccess(res, result.value, 201);
}

function listUsageEvents(mock: MockApp, req: Request, res: Response): void {
  if (!readEventFilter(req, res, ['companyId', 'start', 'end', 'limit', 'offset'])) return;
  const q = req.query as Record<string, unknown>;
  const bound = (field: 'start' | 'end') => {
    if (q[field] === undefined) return { ok: true as const, ms: undefined };
    const parsed = typeof q[field] === 'string' ? parseInstant(q[field]) : { ok: false as const, reason: 'must be given once' };
    return parsed.ok ? { ok: true as const, ms: parsed.ms } : (sendError(res, 400, 'VALIDATION_ERROR', `Invalid "${field}": ${parsed.reason}`, { field, value: q[field], reason: parsed.reason }), { ok: false as const });
  };
  const start = bound('start');
  if (!start.ok) return;
  const end = bound('end');
  if (!end.ok) return;
  const limit = q.limit === undefined ? 100 : Number(q.limit);
  const offset = q.offset === undefined ? 0 : Number(q.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return sendError(res, 400, 'VALIDATION_ERROR', 'Invalid "limit": a whole number from 1 to 1000', { field: 'limit', value: q.limit, reason: 'must be 1–1000' });
  if (!Number.isInteger(offset) || offset < 0) return sendError(res, 400, 'VALIDATION_ERROR', 'Invalid "offset": a whole number ≥ 0', { field: 'offset', value: q.offset, reason: 'must be ≥ 0' });
  const all = mock.ctx.store.listUsageEvents({
    ...(typeof q.companyId === 'string' ? { companyId: q.companyId.toLowerCase() } : {}),
    ...(start.ms === undefined ? {} : { startMs: start.ms }),
    ...(end.ms === undefined ? {} : { endMs: end.ms }),
  });
  sendSuccess(res, { total: all.length, limit, offset, items: all.slice(offset, offset + limit) });
}
