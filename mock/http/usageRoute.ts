import type { Request, RequestHandler, Response } from 'express';
import { buildUsageReport } from '../../src/billing/buildUsageReport.ts';
import { resolveUsagePeriod } from '../../src/billing/resolveUsagePeriod.ts';
import { validateCompanyIdParam } from '../../src/billing/validateCompanyIdParam.ts';
import { validationError } from '../../src/billing/types.ts';
import type { MockContext } from '../MockContext.ts';
import type { StoredApiKey, StoredCompany } from '../store/types.ts';
import { authenticate } from './authenticate.ts';
import { sendError, sendSuccess } from './envelope.ts';

/** The scope `GET /billing/usage` requires (docs: guides/scopes-and-permissions). */
export const BILLING_SCOPE = 'read:billing';

/** Which companies the key sees, or the answer that refuses the request (DESIGN §3.1 steps 6–7, §3.3). */
function companiesInScope(ctx: MockContext, key: StoredApiKey, rawCompanyId: unknown, res: Response): StoredCompany[] | undefined {
  if (key.type === 'regular') {
    const company = ctx.store.company(key.companyId!);
    return company ? [company] : [];
  }
  const param = validateCompanyIdParam(rawCompanyId);
  if (!param.ok) {
    sendError(res, 400, 'VALIDATION_ERROR', param.error.message, param.error.details);
    return undefined;
  }
  if (param.companyId === undefined) {
    if (ctx.options.atsRequireCompanyId) {
      const e = validationError('companyId', null, 'is required for ATS keys on this mock (--ats-require-company-id)');
      sendError(res, 400, 'VALIDATION_ERROR', e.message, e.details);
      return undefined;
    }
    return ctx.store.companies({ atsIntegrationId: key.atsIntegrationId! });
  }
  const company = ctx.store.company(param.companyId);
  if (!company || company.atsIntegrationId !== key.atsIntegrationId) {
    sendError(res, 403, 'COMPANY_ACCESS_DENIED', `This ATS key does not manage company ${param.companyId}.`, { companyId: param.companyId });
    return undefined;
  }
  return [company];
}

/**
 * The `GET /billing/usage` handler: DESIGN §3.1's checks in order, then the report of §3.3–§3.5 over
 * the period of §3.2, in the success envelope. Rate-limit headers go on every answer after step 3.
 */
export function createUsageHandler(ctx: MockContext): RequestHandler {
  return (req: Request, res: Response) => {
    res.locals.specPath = '/billing/usage';
    const nowMs = ctx.clock.now();
    const auth = authenticate(req.get('authorization'), (k) => ctx.store.apiKey(k), nowMs);
    if (!auth.ok) {
      if (auth.failure.status === 401) res.set('WWW-Authenticate', 'Bearer realm="instaview"');
      return sendError(res, auth.failure.status, auth.failure.code, auth.failure.message);
    }
    const key = auth.key;
    res.locals.apiKeySuffix = key.key.slice(-4);
    const limit = ctx.rateLimiter.hit(key, nowMs, ctx.rateLimitEnforced());
    res.set(limit.headers);
    if (limit.exceeded) {
      res.set('Retry-After', String(limit.exceeded.retryAfter));
      return sendError(res, 429, 'RATE_LIMIT_EXCEEDED', `Rate limit exceeded; retry after ${limit.exceeded.retryAfter} seconds.`, { ...limit.exceeded });
    }
    if (!key.scopes.includes(BILLING_SCOPE)) {
      return sendError(res, 403, 'INSUFFICIENT_SCOPE', `This endpoint needs the ${BILLING_SCOPE} scope; add it to the API key.`, { requiredScope: BILLING_SCOPE });
    }
    const query = req.query as Record<string, string | string[] | undefined>;
    const period = resolveUsagePeriod({ start: query.start, end: query.end }, nowMs);
    if (!period.ok) return sendError(res, 400, 'VALIDATION_ERROR', period.error.message, period.error.details);
    const companies = companiesInScope(ctx, key, query.companyId, res);
    if (!companies) return;
    const report = buildUsageReport(companies, (c) => ctx.store.usage.tally(c.id, c.billingSystem, period.startMs, period.endMs));
    sendSuccess(res, report);
  };
}
