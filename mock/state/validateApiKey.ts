import { parseInstant } from '../../src/billing/parseInstant.ts';
import { stateErrors, type StateResult } from './stateErrors.ts';
import type { StoredApiKey } from './types.ts';

/** The scopes a key gets when none are given (DESIGN §6.1). */
export const DEFAULT_SCOPES = ['read:billing'];

/**
 * Fills an API key's defaults (`scopes` `["read:billing"]`, `status` `active`) and checks what the
 * schema (spec/scenario.schema.json `ApiKey`, checked before this) cannot: a regular key's company and
 * an ATS key's integration exist, and `expiresAt` is a real instant (DESIGN §6.1).
 * @returns the stored form, or a 400 naming the field.
 */
export function validateApiKey(
  input: Partial<StoredApiKey> & { key: string; type: StoredApiKey['type'] },
  refs: { companyExists(id: string): boolean; atsExists(id: string): boolean },
): StateResult<StoredApiKey> {
  const fail = (field: string, reason: string, value?: unknown) => ({ ok: false as const, error: stateErrors.invalidField(field, reason, value) });
  const companyId = input.companyId?.toLowerCase();
  const atsIntegrationId = input.atsIntegrationId?.toLowerCase();
  if (input.type === 'regular' && (!companyId || !refs.companyExists(companyId))) return fail('companyId', 'a regular key needs the id of an existing company', input.companyId);
  if (input.type === 'ats' && (!atsIntegrationId || !refs.atsExists(atsIntegrationId))) return fail('atsIntegrationId', 'an ATS key needs the id of an existing ATS integration', input.atsIntegrationId);
  if (input.expiresAt !== undefined) {
    const at = parseInstant(input.expiresAt);
    if (!at.ok) return fail('expiresAt', at.reason, input.expiresAt);
  }
  return {
    ok: true,
    value: {
      key: input.key,
      type: input.type,
      ...(input.type === 'regular' ? { companyId } : { atsIntegrationId }),
      scopes: [...(input.scopes ?? DEFAULT_SCOPES)],
      status: input.status ?? 'active',
      ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
      ...(input.plan !== undefined ? { plan: input.plan } : {}),
    },
  };
}
