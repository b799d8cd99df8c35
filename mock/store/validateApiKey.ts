import { randomBytes } from 'node:crypto';
import { parseInstant } from '../../src/billing/parseInstant.ts';
import { invalidField } from './storeErrors.ts';
import type { StoredApiKey, StoreResult } from './types.ts';

const KEY = /^sk_[A-Za-z0-9_]{1,120}$/;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PLANS = new Set(['trial', 'starter', 'business', 'scale']);

/** The scopes a key gets when none are given (DESIGN §6.1). */
export const DEFAULT_SCOPES = ['read:billing'];

/** A new random test key: `sk_test_` + 32 Base62 characters (docs: guides/api-keys). */
export function newApiKey(): string {
  const bytes = randomBytes(32);
  let out = 'sk_test_';
  for (const b of bytes) out += BASE62[b % 62];
  return out;
}

/**
 * Checks an API key and fills its defaults (`scopes` `["read:billing"]`, `status` `active`).
 * A regular key needs an existing `companyId`, an ATS key an existing `atsIntegrationId` (DESIGN §6.1).
 * @returns the stored form, or a 400 naming the field.
 */
export function validateApiKey(
  input: Partial<StoredApiKey>,
  refs: { companyExists(id: string): boolean; atsExists(id: string): boolean },
): StoreResult<StoredApiKey> {
  const fail = (field: string, reason: string, value?: unknown) => ({ ok: false as const, error: invalidField(field, reason, value) });
  if (typeof input.key !== 'string' || !KEY.test(input.key)) return fail('key', 'must be sk_ followed by 1 to 120 letters, digits or underscores', input.key);
  if (input.type !== 'regular' && input.type !== 'ats') return fail('type', 'must be "regular" or "ats"', input.type);
  const companyId = typeof input.companyId === 'string' ? input.companyId.toLowerCase() : undefined;
  const atsIntegrationId = typeof input.atsIntegrationId === 'string' ? input.atsIntegrationId.toLowerCase() : undefined;
  if (input.type === 'regular' && (!companyId || !refs.companyExists(companyId))) return fail('companyId', 'a regular key needs the id of an existing company', input.companyId);
  if (input.type === 'ats' && (!atsIntegrationId || !refs.atsExists(atsIntegrationId))) return fail('atsIntegrationId', 'an ATS key needs the id of an existing ATS integration', input.atsIntegrationId);
  const scopes = input.scopes ?? DEFAULT_SCOPES;
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) return fail('scopes', 'must be an array of scope names', input.scopes);
  const status = input.status ?? 'active';
  if (!['active', 'revoked', 'suspended'].includes(status)) return fail('status', 'must be active, revoked or suspended', input.status);
  if (input.expiresAt !== undefined && (typeof input.expiresAt !== 'string' || !parseInstant(input.expiresAt).ok)) return fail('expiresAt', 'must be an ISO 8601 instant', input.expiresAt);
  const plan = input.plan;
  if (plan !== undefined) {
    const ok = typeof plan === 'string' ? PLANS.has(plan) : Number.isInteger(plan?.perMinute) && plan.perMinute >= 1 && Number.isInteger(plan?.perHour) && plan.perHour >= 1;
    if (!ok) return fail('plan', 'must be trial, starter, business, scale or {perMinute, perHour} with whole numbers ≥ 1', plan);
  }
  return {
    ok: true,
    value: {
      key: input.key,
      type: input.type,
      ...(input.type === 'regular' ? { companyId } : { atsIntegrationId }),
      scopes: [...scopes],
      status,
      ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
      ...(plan !== undefined ? { plan } : {}),
    },
  };
}
