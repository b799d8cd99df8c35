import { describe, expect, it } from 'vitest';
import { loadSpecDocument, validateErrorResponse, validateUsageResponse } from '../../src/validation/index.ts';

type Json = Record<string, any>;
const examples = (loadSpecDocument('api') as Json).components.examples as Json;
const regularMinutes = () => structuredClone(examples.RegularMinutes.value);
const regularCredits = () => structuredClone(examples.RegularCredits.value);

function failsAt(issues: Array<{ pointer: string; keyword: string }>, pointer: string, keyword: string): boolean {
  return issues.some((i) => i.pointer === pointer && i.keyword === keyword);
}

describe('bodies the spec rejects, each for the right reason', () => {
  it('accepts the untouched examples', () => {
    expect(validateUsageResponse(regularMinutes())).toEqual([]);
    expect(validateUsageResponse(regularCredits())).toEqual([]);
  });

  it('rejects a minutes company whose bucket carries creditsUsed', () => {
    const body = regularMinutes();
    body.data.companies[0].breakdownByCostKey[0].creditsUsed = 1.5;
    const issues = validateUsageResponse(body);
    expect(failsAt(issues, '/data/companies/0/breakdownByCostKey/0/creditsUsed', 'false schema')).toBe(true);
  });

  it('rejects a credits company that carries totalMinutesUsed', () => {
    const body = regularCredits();
    body.data.companies[0].totalMinutesUsed = 10;
    const issues = validateUsageResponse(body);
    expect(failsAt(issues, '/data/companies/0/totalMinutesUsed', 'false schema')).toBe(true);
  });

  it('rejects billingSystem "hours"', () => {
    const body = regularMinutes();
    body.data.companies[0].billingSystem = 'hours';
    const issues = validateUsageResponse(body);
    expect(failsAt(issues, '/data/companies/0/billingSystem', 'enum')).toBe(true);
  });

  it('rejects a fractional events count', () => {
    const body = regularMinutes();
    body.data.breakdownByCostKey[0].events = 1.5;
    expect(failsAt(validateUsageResponse(body), '/data/breakdownByCostKey/0/events', 'type')).toBe(true);
  });

  it('rejects a company without companyId', () => {
    const body = regularMinutes();
    delete body.data.companies[0].companyId;
    expect(failsAt(validateUsageResponse(body), '/data/companies/0/companyId', 'required')).toBe(true);
  });

  it('rejects a company whose companyId is not a UUID', () => {
    const body = regularMinutes();
    body.data.companies[0].companyId = 'company-uuid';
    expect(failsAt(validateUsageResponse(body), '/data/companies/0/companyId', 'format')).toBe(true);
  });

  it('rejects null in place of an omitted unit field', () => {
    const body = regularMinutes();
    body.data.totalCreditsUsed = null;
    expect(failsAt(validateUsageResponse(body), '/data/totalCreditsUsed', 'type')).toBe(true);
  });

  it('rejects a bare report without the envelope', () => {
    const issues = validateUsageResponse(regularMinutes().data);
    expect(failsAt(issues, '/success', 'required')).toBe(true);
  });

  it('rejects a top-level bucket that carries neither unit', () => {
    const body = regularMinutes();
    delete body.data.breakdownByCostKey[0].minutesUsed;
    expect(failsAt(validateUsageResponse(body), '/data/breakdownByCostKey/0/minutesUsed', 'required')).toBe(true);
  });

  it('rejects an error body without code', () => {
    const body = { success: false, data: null, error: { message: 'nope' }, timestamp: '2024-01-31T10:30:00.000Z' };
    expect(failsAt(validateErrorResponse(body), '/error/code', 'required')).toBe(true);
  });

  it('rejects an error body with an unknown code', () => {
    const body = { success: false, data: null, error: { code: 'TEAPOT', message: 'no' }, timestamp: '2024-01-31T10:30:00.000Z' };
    expect(failsAt(validateErrorResponse(body), '/error/code', 'enum')).toBe(true);
  });
});
