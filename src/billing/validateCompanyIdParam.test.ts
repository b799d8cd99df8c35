import { describe, expect, it } from 'vitest';
import { validateCompanyIdParam } from './validateCompanyIdParam.ts';

describe('validateCompanyIdParam', () => {
  it('gives no filter when the parameter is absent', () => {
    expect(validateCompanyIdParam(undefined)).toEqual({ ok: true, companyId: undefined });
  });
  it('accepts a lower-case UUID as it is', () => {
    expect(validateCompanyIdParam('33333333-3333-4333-8333-333333333333')).toEqual({
      ok: true,
      companyId: '33333333-3333-4333-8333-333333333333',
    });
  });
  it('lower-cases an upper-case UUID so ids compare case-insensitively', () => {
    expect(validateCompanyIdParam('ABCDEF01-2345-1678-9ABC-DEF012345678')).toEqual({
      ok: true,
      companyId: 'abcdef01-2345-1678-9abc-def012345678',
    });
  });
  it('refuses a value that is not a UUID, naming companyId', () => {
    expect(validateCompanyIdParam('company-a')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { field: 'companyId', value: 'company-a' } },
    });
  });
  it('refuses a UUID without hyphens', () => {
    expect(validateCompanyIdParam('33333333333343338333333333333333').ok).toBe(false);
  });
  it('refuses an empty value', () => {
    expect(validateCompanyIdParam('').ok).toBe(false);
  });
  it('refuses a repeated parameter with the array as details.value', () => {
    const ids = ['33333333-3333-4333-8333-333333333333', '44444444-4444-4444-8444-444444444444'];
    expect(validateCompanyIdParam(ids)).toMatchObject({ ok: false, error: { details: { field: 'companyId', value: ids } } });
  });
});
