import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadSpecDocument, responseSchemaPointer, validateAgainst } from '../../src/validation/index.ts';

type Json = Record<string, any>;
const doc = loadSpecDocument('admin') as Json;

function resolve(node: Json): Json {
  return node.$ref ? resolve((node.$ref as string).slice(2).split('/').reduce((acc: Json, k: string) => acc[k], doc)) : node;
}
const encode = (path: string): string => path.replace(/~/g, '~0').replace(/\//g, '~1');

// Every named example of spec/admin.openapi.yaml, with the schema it illustrates.
const cases: Array<{ name: string; pointer: string; value: unknown }> = [];
for (const [path, item] of Object.entries(doc.paths as Json)) {
  for (const [method, operation] of Object.entries(item as Json)) {
    if (method === 'parameters') continue;
    const body = (operation as Json).requestBody?.content?.['application/json'];
    for (const [name, example] of Object.entries((body?.examples ?? {}) as Json)) {
      const pointer = `/paths/${encode(path)}/${method}/requestBody/content/application~1json/schema`;
      cases.push({ name: `${method.toUpperCase()} ${path} request ${name}`, pointer, value: resolve(example as Json).value });
    }
    for (const [status, response] of Object.entries((operation as Json).responses as Json)) {
      const examples = resolve(response as Json).content?.['application/json']?.examples ?? {};
      for (const [name, example] of Object.entries(examples as Json)) {
        const pointer = responseSchemaPointer('admin', method, path, Number(status))!;
        cases.push({ name: `${method.toUpperCase()} ${path} ${status} ${name}`, pointer, value: resolve(example as Json).value });
      }
    }
  }
}

// A shared response (e.g. ValidationError) brings its examples to every operation: check each once.
const unique = cases.filter((c, i) => cases.findIndex((d) => d.pointer === c.pointer && JSON.stringify(d.value) === JSON.stringify(c.value)) === i);

describe('spec/admin.openapi.yaml', () => {
  it('has named examples for requests and responses', () => {
    expect(unique.length).toBeGreaterThanOrEqual(10);
  });

  it.each(unique)('example $name validates against its schema', ({ pointer, value }) => {
    expect(validateAgainst('admin', pointer, value)).toEqual([]);
  });

  it('lints clean with Spectral (the rules of .spectral.yaml, failing on hints)', () => {
    expect(() => execFileSync('node_modules/.bin/spectral', ['lint', 'spec/admin.openapi.yaml', '--fail-severity=hint'], { stdio: 'pipe' })).not.toThrow();
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
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([['/timestamp', 'format']]);
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
