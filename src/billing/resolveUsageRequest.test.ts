import { describe, expect, it } from 'vitest';
import { resolveUsageRequest, type CompanyDirectory } from './resolveUsageRequest.ts';
import type { Company } from './types.ts';

const ATS = 'a0000000-0000-4000-8000-000000000001';
const initech: Company = { id: '33333333-3333-4333-8333-333333333333', name: 'Initech', billingSystem: 'minutes', atsIntegrationId: ATS };
const umbrella: Company = { id: '44444444-4444-4444-8444-444444444444', name: 'Umbrella', billingSystem: 'credits', atsIntegrationId: ATS };
const acme: Company = { id: '11111111-1111-4111-8111-111111111111', name: 'Acme', billingSystem: 'minutes' };
const directory: CompanyDirectory = {
  company: (id) => [initech, umbrella, acme].find((c) => c.id === id),
  companiesOfAts: (id) => [initech, umbrella].filter((c) => c.atsIntegrationId === id),
};
const NOW = Date.parse('2024-03-01T12:00:00Z');
const opts = { nowMs: NOW, atsRequireCompanyId: false };
const ats = { type: 'ats' as const, atsIntegrationId: ATS, scopes: ['read:billing'] };
const regular = { type: 'regular' as const, companyId: acme.id, scopes: ['read:billing'] };

describe('resolveUsageRequest (DESIGN §3.1 steps 5–7, §3.2, §3.3)', () => {
  it('gives a regular key its own company over the default 30 days, ignoring companyId', () => {
    expect(resolveUsageRequest(regular, { companyId: 'not-a-uuid' }, directory, opts)).toEqual({
      ok: true,
      companies: [acme],
      startMs: Date.parse('2024-01-31T12:00:00Z'),
      endMs: NOW,
    });
  });

  it('refuses a key without read:billing before looking at the dates', () => {
    const r = resolveUsageRequest({ ...regular, scopes: ['read:jobs'] }, { start: '2024-02-30' }, directory, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_SCOPE', details: { requiredScope: 'read:billing' } } });
  });

  it('refuses bad dates before an unmanaged company', () => {
    const r = resolveUsageRequest(ats, { start: '2024-02-30', companyId: acme.id }, directory, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', details: { field: 'start' } } });
  });

  it('narrows an ATS key to a managed company, compared case-insensitively', () => {
    const r = resolveUsageRequest(ats, { companyId: umbrella.id.toUpperCase() }, directory, opts);
    expect(r).toMatchObject({ ok: true, companies: [umbrella] });
  });

  it('refuses an ATS key a company it does not manage, unknown ids included', () => {
    for (const id of [acme.id, '99999999-9999-4999-8999-999999999999']) {
      expect(resolveUsageRequest(ats, { companyId: id }, directory, opts)).toMatchObject({ ok: false, error: { code: 'COMPANY_ACCESS_DENIED' } });
    }
  });

  it('requires companyId of an ATS key only when asked to, with value null', () => {
    expect(resolveUsageRequest(ats, {}, directory, opts)).toMatchObject({ ok: true, companies: [initech, umbrella] });
    const strict = resolveUsageRequest(ats, {}, directory, { ...opts, atsRequireCompanyId: true });
    expect(strict).toMatchObject({ ok: false, error: { details: { field: 'companyId', value: null } } });
  });
});
