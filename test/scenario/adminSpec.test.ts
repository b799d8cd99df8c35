import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../src/validation/index.ts';
import { namedExamples } from '../support/namedExamples.ts';

const cases = namedExamples('admin');

// A shared response (e.g. ValidationError) brings its examples to every operation: check each once.
const unique = cases.filter((c, i) => cases.findIndex((d) => d.pointer === c.pointer && JSON.stringify(d.value) === JSON.stringify(c.value)) === i);

describe('spec/admin.openapi.yaml', () => {
  it('has named examples for requests and responses', () => {
    expect(unique.length).toBeGreaterThanOrEqual(10);
  });

  it.each(unique)('example $name validates against its schema', ({ pointer, value }) => {
    expect(validateAgainst('admin', pointer, value)).toEqual([]);
  });

  it('resolves entity refs into spec/scenario.schema.json: a stored company needs its id', () => {
    const issues = validateAgainst('admin', '/components/schemas/StoredCompany', { name: 'Acme', billingSystem: 'minutes' });
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([['/id', 'required']]);
  });

  it('resolves entity refs into spec/scenario.schema.json: an input company with billingSystem "hours" fails on the enum', () => {
    const issues = validateAgainst('admin', '/components/schemas/CompanyInput', { name: 'Acme', billingSystem: 'hours' });
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([['/billingSystem', 'enum']]);
  });

  it('resolves refs into spec/openapi.yaml: a success envelope needs an ISO timestamp', () => {
    const issues = validateAgainst('admin', '/components/schemas/ClockResponse', { success: true, data: { mode: 'real', now: '2024-01-31T10:30:00.000Z', offsetMs: 0 }, error: null, timestamp: 'now' });
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([
      ['/timestamp', 'pattern'],
      ['/timestamp', 'format'],
    ]);
  });

  it('accepts the three clock bodies and refuses a negative advance', () => {
    const check = (body: unknown) => validateAgainst('admin', '/components/schemas/ClockUpdate', body).length === 0;
    expect([check({ mode: 'frozen', now: '2024-01-31T10:30:00Z' }), check({ mode: 'frozen' }), check({ mode: 'real' }), check({ advanceMs: 0 }), check({ advanceMs: -1 })]).toEqual([true, true, true, true, false]);
  });

  it('takes up to 100 000 usage events in one body and refuses 100 001', () => {
    const event = { companyId: '11111111-1111-4111-8111-111111111111', occurredAt: '2024-01-15T09:00:00Z', minutes: 1 };
    const check = (body: unknown) => validateAgainst('admin', '/components/schemas/UsageEventsInput', body).length === 0;
    expect([check(event), check(new Array(100_000).fill(event)), check(new Array(100_001).fill(event)), check([])]).toEqual([true, true, false, false]);
  });

  it('refuses a fault with no effect', () => {
    expect(validateAgainst('admin', '/components/schemas/Fault', { path: '/billing/usage' }).length).toBeGreaterThan(0);
    expect(validateAgainst('admin', '/components/schemas/Fault', { path: '/billing/usage', latencyMs: 250 })).toEqual([]);
  });
});
