import { describe, expect, it } from 'vitest';
import { createSpecAjv } from './createSpecAjv.ts';
import { findValidator, issuesOf, type CompiledValidatorTable } from './compiledValidators.ts';
import { compileSpecSchema, validateAgainst } from './validateAgainst.ts';
import { stateValidator, validateStateInput } from './validateStateInput.ts';

describe('validators compiled ahead of time', () => {
  it('name the schema and the fix when a table has no validator for it', () => {
    const table: CompiledValidatorTable = {};
    expect(() => findValidator(table, 'src/generated/x.ts', 'api', '/components/schemas/Nope')).toThrow(
      'No validator compiled ahead of time for spec:api#/components/schemas/Nope in src/generated/x.ts: list the schema in scripts/generateValidators.ts and run `npm run generate`.',
    );
  });

  it('leave out of the state table the schemas the mock state does not check', () => {
    expect(() => stateValidator('api', '/components/schemas/UsageResponse')).toThrow(/stateValidators\.js/);
  });

  it('report a company whose billingSystem is "hours" at /billingSystem, as enum', () => {
    expect(validateStateInput('admin', '/components/schemas/CompanyInput', { name: 'Acme', billingSystem: 'hours' })).toEqual([
      { pointer: '/billingSystem', message: 'must be equal to one of the allowed values', keyword: 'enum' },
    ]);
  });

  it('keep the schema beside each error (verbose), as the scenario hints need', () => {
    const validate = stateValidator('scenario', '/$defs/UsageEventInput');
    expect(validate({ companyId: '11111111-1111-4111-8111-111111111111', occurredAt: '2024-01-02T10:00:00Z', minutes: 1, costkey: 'x' })).toBe(false);
    const unknown = validate.errors!.find((e) => e.keyword === 'additionalProperties')!;
    expect(Object.keys((unknown.parentSchema as { properties: object }).properties)).toContain('costKey');
  });

  it('give the errors a validator compiled at run time from the same spec gives', () => {
    const body = { success: true, data: { companies: [{ companyId: 'x', billingSystem: 'minutes' }], totalInterviews: -1 }, error: null, timestamp: 'yesterday' };
    const runtime = createSpecAjv().compile('api', '/components/schemas/UsageResponse');
    runtime(body);
    expect(validateAgainst('api', '/components/schemas/UsageResponse', body)).toEqual(issuesOf(runtime, body));
    expect(issuesOf(runtime, body).length).toBeGreaterThan(3);
  });

  it('cover the parameters and the response bodies of the spec, not only its components', () => {
    expect(validateAgainst('api', '/components/parameters/Start/schema', '2024-01-01')).toEqual([]);
    expect(compileSpecSchema('admin', '/paths/~1__admin~1companies/post/requestBody/content/application~1json/schema')).toBe(compileSpecSchema('admin', '/components/schemas/CompanyInput'));
  });
});
