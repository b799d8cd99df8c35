import { describe, expect, it } from 'vitest';
import { validateCollapsed } from './validateCollapsed.ts';

const USAGE = '/components/schemas/UsageResponse';
const ACME = '11111111-1111-4111-8111-111111111111';

/** A valid regular-minutes 200 body (DESIGN §3.4–§3.5). */
const body = () => ({
  success: true,
  data: {
    companies: [
      { companyId: ACME, companyName: 'Acme', billingSystem: 'minutes', totalMinutesUsed: 3, totalInterviews: 1, breakdownByCostKey: [{ costKey: 'interview_minutes', events: 1, minutesUsed: 3 }] } as Record<string, unknown>,
    ],
    totalMinutesUsed: 3 as unknown,
    totalInterviews: 1,
    breakdownByCostKey: [{ costKey: 'interview_minutes', events: 1, minutesUsed: 3 }] as Array<Record<string, unknown>>,
  },
  error: null,
  timestamp: '2024-01-31T10:30:00.000Z',
});

describe('validateCollapsed', () => {
  it('finds nothing in a valid body', () => {
    expect(validateCollapsed('api', USAGE, body())).toEqual([]);
  });

  it('reports a minutes company that carries totalCreditsUsed and lacks totalMinutesUsed as two issues of the minutes branch, no oneOf dump', () => {
    const b = body();
    delete b.data.companies[0]!.totalMinutesUsed;
    b.data.companies[0]!.totalCreditsUsed = 3;
    expect(validateCollapsed('api', USAGE, b)).toEqual([
      { pointer: '/data/companies/0/totalCreditsUsed', message: 'must be absent, got 3', keyword: 'false schema' },
      { pointer: '/data/companies/0/totalMinutesUsed', message: 'is missing (required)', keyword: 'required' },
    ]);
  });

  it('reports an unknown billingSystem as one issue naming the discriminator values', () => {
    const b = body();
    b.data.companies[0]!.billingSystem = 'hours';
    expect(validateCollapsed('api', USAGE, b)).toEqual([{ pointer: '/data/companies/0/billingSystem', message: 'must be one of "minutes", "credits", got "hours"', keyword: 'enum' }]);
  });

  it('reports a missing billingSystem at the tag and the other issues of the closest branch', () => {
    const b = body();
    delete b.data.companies[0]!.billingSystem;
    (b.data.companies[0]!.breakdownByCostKey as Array<Record<string, unknown>>)[0]!.events = -1;
    expect(validateCollapsed('api', USAGE, b)).toEqual([
      { pointer: '/data/companies/0/billingSystem', message: 'is missing (required: one of "minutes", "credits")', keyword: 'required' },
      { pointer: '/data/companies/0/breakdownByCostKey/0/events', message: 'must be >= 0, got -1', keyword: 'minimum' },
    ]);
  });

  it('reports a global bucket without any unit as one "at least one of" issue', () => {
    const b = body();
    delete b.data.breakdownByCostKey[0]!.minutesUsed;
    expect(validateCollapsed('api', USAGE, b)).toEqual([{ pointer: '/data/breakdownByCostKey/0', message: 'must have at least one of minutesUsed, creditsUsed', keyword: 'required' }]);
  });

  it('names the value that came: a null top-level total is "must be number, got null"', () => {
    const b = body();
    b.data.totalMinutesUsed = null;
    expect(validateCollapsed('api', USAGE, b)).toEqual([{ pointer: '/data/totalMinutesUsed', message: 'must be number, got null', keyword: 'type' }]);
  });

  it('keeps one issue per pointer when several keywords fail there', () => {
    const issues = validateCollapsed('api', '/components/schemas/ValidationErrorResponse', { success: false, data: null, error: { code: 'NOPE', message: 'x' }, timestamp: '2024-01-31T10:30:00Z' });
    expect(issues.map((i) => i.pointer)).toEqual(['/error/code', '/error/details']);
  });
});
