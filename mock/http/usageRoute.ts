import type { Request, RequestHandler, Response } from 'express';
import { buildUsageReport } from '../../src/billing/buildUsageReport.ts';
import { resolveUsageRequest, type RawUsageQuery } from '../../src/billing/resolveUsageRequest.ts';
import type { MockContext } from '../MockContext.ts';
import { authenticate } from './authenticate.ts';
import { sendError, sendSuccess } from './envelope.ts';

/**
 * The `GET /billing/usage` handler: DESIGN §3.1's checks in order, then the report of §3.3–§3.5 over
 * the period of §3.2, in the success envelope. Rate-limit headers go on every answer after step 3.
 */
export function createUsageHandler(ctx: MockContext): RequestHandler {
  // Reads ctx.store at call time: a scenario load swaps the store under the same context.
  const directory = { company: (id: string) => ctx.store.company(id), companiesOfAts: (id: string) => ctx.store.companies({ atsIntegrationId: id }) };
  return (req: Request, res: Response) => {
    res.locals.specPath = '/billing/usage';
    const nowMs = ctx.clock.now();
    const auth = authenticate(req.get('authorization'), (k) => ctx.store.apiKey(k), nowMs);
    if (!auth.ok) {
      if (auth.failure.status === 401) res.set('WWW-Authenticate', 'Bearer realm="instaview"');
      return sendError(res, auth.failure.status, auth.failure.code, auth.failure.message);
    }
    const key = auth.key;
    const limit = ctx.rateLimiter.hit(key, nowMs, ctx.rateLimitEnforced());
    res.set(limit.headers);
    if (limit.exceeded) {
      res.set('Retry-After', String(limit.exceeded.retryAfter));
      return sendError(res, 429, 'RATE_LIMIT_EXCEEDED', `Rate limit exceeded; retry after ${limit.exceeded.retryAfter} seconds.`, { ...limit.exceeded });
    }
    const request = resolveUsageRequest(key, req.query as RawUsageQuery, directory, { nowMs, atsRequireCompanyId: ctx.options.atsRequireCompanyId });
    if (!request.ok) return sendError(res, request.error.status, request.error.code, request.error.message, request.error.details);
    const report = buildUsageReport(request.companies, (c) => ctx.store.usage.tally(c.id, c.billingSystem, request.startMs, request.endMs));
    sendSuccess(res, report);
  };
}
