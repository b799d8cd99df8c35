import { resolveUsagePeriod, type RawPeriodQuery } from './resolveUsagePeriod.ts';
import { validationError, type Company } from './types.ts';
import { validateCompanyIdParam } from './validateCompanyIdParam.ts';

/** The scope `GET /billing/usage` requires (docs: guides/scopes-and-permissions). DESIGN §3.1 step 5. */
export const BILLING_SCOPE = 'read:billing';

/**
 * What the billing domain needs to know of an authenticated API key: its kind, what it is tied to
 * (a company for a regular key, an ATS integration for an ATS key) and its scopes (DESIGN §3.1, §3.3).
 */
export interface UsageCaller {
  type: 'regular' | 'ats';
  companyId?: string;
  atsIntegrationId?: string;
  scopes: readonly string[];
}

/**
 * The raw query of `GET /billing/usage` as a form-decoding parser hands it over (arrays when repeated).
 * Shape: `start`/`end` as {@link RawPeriodQuery}; `companyId` absent, one string, or an array. DESIGN §3.2.
 */
export interface RawUsageQuery extends RawPeriodQuery {
  companyId?: string | string[] | undefined;
}

/**
 * Where {@link resolveUsageRequest} looks companies up; `companyId` values are lower-case UUIDs.
 * Shape: `company` undefined for an unknown id; `companiesOfAts` `[]` for an integration with none. DESIGN §3.3.
 */
export interface CompanyDirectory {
  company(companyId: string): Company | undefined;
  companiesOfAts(atsIntegrationId: string): Company[];
}

/** A refusal of DESIGN §3.1 steps 5–7: error code, message, details (the API layer gives the status: 403, 400, 403). */
export interface UsageRequestError {
  code: 'INSUFFICIENT_SCOPE' | 'VALIDATION_ERROR' | 'COMPANY_ACCESS_DENIED';
  message: string;
  details: Record<string, unknown>;
}

/**
 * The companies and period a usage report covers, or why the request is refused.
 * Units: `startMs`/`endMs` milliseconds since epoch, the period `[startMs, endMs)`. DESIGN §3.1–§3.3.
 */
export type UsageRequestResult = { ok: true; companies: Company[]; startMs: number; endMs: number } | { ok: false; error: UsageRequestError };

/**
 * Applies DESIGN §3.1 steps 5–7 to an authenticated, rate-limited caller, in order: scope
 * `read:billing` (403 `INSUFFICIENT_SCOPE`), the query (400 `VALIDATION_ERROR`: the period of §3.2;
 * for an ATS key a `companyId` that is not a UUID, or a missing one when `atsRequireCompanyId`), then
 * the company (403 `COMPANY_ACCESS_DENIED` for an ATS key naming a company it does not manage, unknown
 * ids included). A regular key's `companyId` is ignored entirely (§3.2); it sees its own company (§3.3).
 * @param nowMs the mock clock's now, milliseconds since epoch (the period's defaults).
 */
export function resolveUsageRequest(
  caller: UsageCaller,
  query: RawUsageQuery,
  directory: CompanyDirectory,
  opts: { nowMs: number; atsRequireCompanyId: boolean },
): UsageRequestResult {
  if (!caller.scopes.includes(BILLING_SCOPE)) {
    return {
      ok: false,
      error: { code: 'INSUFFICIENT_SCOPE', message: `This endpoint needs the ${BILLING_SCOPE} scope; add it to the API key.`, details: { requiredScope: BILLING_SCOPE } },
    };
  }
  const period = resolveUsagePeriod({ start: query.start, end: query.end }, opts.nowMs);
  if (!period.ok) return { ok: false, error: period.error };
  const { startMs, endMs } = period;
  if (caller.type === 'regular') {
    const own = directory.company(caller.companyId ?? '');
    return { ok: true, companies: own ? [own] : [], startMs, endMs };
  }
  const param = validateCompanyIdParam(query.companyId);
  if (!param.ok) return { ok: false, error: param.error };
  if (param.companyId === undefined) {
    if (opts.atsRequireCompanyId) {
      return { ok: false, error: { ...validationError('companyId', null, 'is required for ATS keys on this mock (--ats-require-company-id)') } };
    }
    return { ok: true, companies: directory.companiesOfAts(caller.atsIntegrationId ?? ''), startMs, endMs };
  }
  const company = directory.company(param.companyId);
  if (!company || company.atsIntegrationId !== caller.atsIntegrationId) {
    return {
      ok: false,
      error: { code: 'COMPANY_ACCESS_DENIED', message: `This ATS key does not manage company ${param.companyId}.`, details: { companyId: param.companyId } },
    };
  }
  return { ok: true, companies: [company], startMs, endMs };
}
