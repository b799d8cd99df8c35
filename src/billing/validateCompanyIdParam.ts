import { readUuidParam } from './readParams.ts';
import type { ValidationError } from './types.ts';

/**
 * The ATS key's `companyId` filter, lower-cased, or the 400 that refuses it.
 * Shape: `companyId` is undefined when the parameter was absent. DESIGN §3.2.
 */
export type CompanyIdParamResult =
  | { ok: true; companyId: string | undefined }
  | { ok: false; error: ValidationError };

/**
 * Reads the `companyId` query parameter for an ATS key (a regular key ignores it; do not call this then).
 * Shape: a UUID is 8-4-4-4-12 hex digits of any version, compared case-insensitively, so it is
 * returned lower-cased. Errors (as values, code `VALIDATION_ERROR`, `details.field` = `companyId`):
 * a repeated parameter (`details.value` = the array), or anything that is not a UUID. DESIGN §3.2.
 */
export function validateCompanyIdParam(raw: unknown): CompanyIdParamResult {
  if (raw !== undefined && typeof raw !== 'string' && !Array.isArray(raw)) return readUuidParam('companyId', String(raw)) as CompanyIdParamResult;
  const read = readUuidParam('companyId', raw as string | string[] | undefined);
  return read.ok ? { ok: true, companyId: read.value } : read;
}
