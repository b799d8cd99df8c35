import type { Request, Response } from 'express';
import { parseInstant } from '../../src/billing/parseInstant.ts';
import { isUuid } from '../../src/billing/uuid.ts';
import { validateAgainst } from '../../src/validation/index.ts';
import type { MockApp } from '../createApp.ts';
import { sendError, sendSuccess } from '../http/envelope.ts';
import { MAX_EVENT_BATCH } from '../store/createStore.ts';
import type { UsageEventInput } from '../store/types.ts';

/** The most useful of several schema issues: not a oneOf/anyOf summary, not a missing property of another branch, the deepest. */
export function pickIssue<T extends { pointer: string; keyword: string }>(issues: T[]): T {
  const rank = (i: T) => (['oneOf', 'anyOf', 'if'].includes(i.keyword) ? 2 : i.keyword === 'required' ? 1 : 0);
  return [...issues].sort((a, b) => rank(a) - rank(b) || b.pointer.split('/').length - a.pointer.split('/').length)[0]!;
}

/**
 * Reads the query of a usage-events call: only the `allowed` parameters (a typo on a DELETE must not
 * delete every event), `companyId` a UUID. Answers 400 and returns undefined otherwise.
 */
export function readEventFilter(req: Request, res: Response, allowed: string[]): { companyId?: string } | undefined {
  const q = req.query as Record<string, unknown>;
  const unknown = Object.keys(q).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    sendError(res, 400, 'VALIDATION_ERROR', `Unknown query parameter "${unknown[0]}"; this call takes ${allowed.join(', ')}.`, { field: unknown[0]!, reason: 'unknown parameter' });
    return undefined;
  }
  if (q.companyId !== undefined && !isUuid(q.companyId)) {
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
export function postUsageEvents(mock: MockApp, req: Request, res: Response): void {
  const items: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
  if (Array.isArray(req.body) && items.length === 0) {
    return sendError(res, 400, 'VALIDATION_ERROR', 'Send at least one event.', { errors: [{ field: '', reason: 'the array is empty' }] });
  }
  if (items.length > MAX_EVENT_BATCH) {
    return sendError(res, 400, 'VALIDATION_ERROR', `At most ${MAX_EVENT_BATCH} events per request, got ${items.length}.`, { errors: [{ field: '', reason: `more than ${MAX_EVENT_BATCH} events` }] });
  }
  const errors: Array<{ index: number; field: string; reason: string }> = [];
  const shaped: Array<{ index: number; item: UsageEventInput }> = [];
  items.forEach((item, index) => {
    const issues = validateAgainst('scenario', '/$defs/UsageEventInput', item);
    if (issues.length === 0) return shaped.push({ index, item: item as UsageEventInput });
    const first = pickIssue(issues);
    errors.push({ index, field: first.pointer.replace(/^\//, ''), reason: first.message });
  });
  // The store's rules (unknown ids, decimals, pricing, duplicates) for the items whose shape is right,
  // so one answer lists every bad item.
  for (const problem of mock.ctx.store.checkUsageEvents(shaped.map((s) => s.item))) {
    errors.push({ index: shaped[problem.index!]!.index, field: problem.field, reason: problem.reason });
  }
  errors.sort((a, b) => a.index - b.index);
  if (errors.length > 0) {
    return sendError(res, 400, 'VALIDATION_ERROR', `${errors.length} invalid event field${errors.length === 1 ? '' : 's'}; nothing was stored. First: item ${errors[0]!.index} "${errors[0]!.field}" ${errors[0]!.reason}`, { errors });
  }
  const result = mock.ctx.store.addUsageEvents(items as UsageEventInput[]);
  if (!result.ok) return sendError(res, result.error.status, result.error.code, result.error.message, result.error.details);
  sendSuccess(res, Array.isArray(req.body) ? result.value : result.value[0], 201);
}

/** `GET /__admin/usage-events`: one page of stored events, filtered by company and period (DESIGN §6.2). */
export function listUsageEvents(mock: MockApp, req: Request, res: Response): void {
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
  const page = mock.ctx.store.pageUsageEvents(
    {
      ...(typeof q.companyId === 'string' ? { companyId: q.companyId.toLowerCase() } : {}),
      ...(start.ms === undefined ? {} : { startMs: start.ms }),
      ...(end.ms === undefined ? {} : { endMs: end.ms }),
    },
    offset,
    limit,
  );
  sendSuccess(res, { total: page.total, limit, offset, items: page.items });
}
