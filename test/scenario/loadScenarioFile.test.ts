import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, loadScenarioFile } from '../../src/scenario/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const UUID = '11111111-1111-4111-8111-111111111111';
// A valid scenario, one field per line, so tests can name lines: line 1 is `name: bad`.
const valid = [
  'name: bad', //                                     1
  'description: A scenario for loader tests', //     2
  'atsIntegrations: []', //                           3
  'companies:', //                                    4
  `  - id: ${UUID}`, //                               5
  '    name: Acme', //                                6
  '    billingSystem: minutes', //                    7
  'apiKeys:', //                                      8
  '  - key: sk_test_a', //                            9
  '    type: regular', //                            10
  `    companyId: ${UUID}`, //                       11
].join('\n');

describe('loadScenarioFile', () => {
  it('loads a valid YAML file', () => {
    const result = loadScenarioFile(file('valid.yaml', valid));
    expect(result.ok && result.scenario.companies[0]?.name).toBe('Acme');
  });

  it('refuses billingSystem "hours" with the file, the pointer, line 7 and the allowed values', () => {
    const path = file('hours.yaml', valid.replace('billingSystem: minutes', 'billingSystem: hours'));
    expect(loadScenarioFile(path)).toEqual({
      ok: false,
      errors: [{ file: path, pointer: '/companies/0/billingSystem', line: 7, message: 'must be equal to one of the allowed values (minutes, credits)' }],
    });
  });

  it('refuses a typo in a field name, pointing at the typo and suggesting the field', () => {
    const path = file('typo.yaml', valid.replace('    type: regular', '    tpye: regular'));
    const result = loadScenarioFile(path);
    expect(result.ok ? [] : result.errors).toContainEqual({ file: path, pointer: '/apiKeys/0/tpye', line: 10, message: 'unknown field "tpye" (did you mean "type"?)' });
  });

  it('reports a missing required field at the line of the object that lacks it', () => {
    const path = file('missing.yaml', valid.replace('    name: Acme\n', ''));
    const result = loadScenarioFile(path);
    expect(result.ok ? [] : result.errors).toEqual([{ file: path, pointer: '/companies/0/name', line: 5, message: 'missing required field "name"' }]);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const path = file('syntax.yaml', `${valid}\nusageEvents: [{ companyId: ${UUID}\n`);
    const result = loadScenarioFile(path);
    expect(result.ok).toBe(false);
    const first = result.ok ? undefined : result.errors[0];
    expect(first).toMatchObject({ file: path, pointer: '', line: 13, column: 1 });
    expect(first?.message).toMatch(/^YAML syntax error: /);
  });

  it('refuses a __proto__ key, naming its pointer and line', () => {
    const path = file('proto.yaml', valid.replace('    name: Acme', '    name: Acme\n    __proto__: { polluted: true }'));
    expect(loadScenarioFile(path)).toEqual({
      ok: false,
      errors: [{ file: path, pointer: '/companies/0/__proto__', line: 7, message: 'key "__proto__" is not allowed (DESIGN §6.3)' }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a constructor key in a JSON file', () => {
    const path = file('ctor.json', JSON.stringify({ name: 'x', constructor: {} }));
    const result = loadScenarioFile(path);
    expect(result.ok ? [] : result.errors).toEqual([{ file: path, pointer: '/constructor', line: 1, message: 'key "constructor" is not allowed (DESIGN §6.3)' }]);
  });

  it('loads a JSON file and gives schema errors their line', () => {
    const scenario = { name: 'json', description: 'd', atsIntegrations: [], companies: [{ name: 'Acme', billingSystem: 'hours' }], apiKeys: [] };
    const text = JSON.stringify(scenario, null, 2);
    // Lines: 1 `{`, 2 name, 3 description, 4 atsIntegrations, 5 `"companies": [`, 6 `{`, 7 name, 8 billingSystem.
    const path = file('bad.json', text);
    expect(loadScenarioFile(path)).toEqual({
      ok: false,
      errors: [{ file: path, pointer: '/companies/0/billingSystem', line: 8, message: 'must be equal to one of the allowed values (minutes, credits)' }],
    });
    expect(loadScenarioFile(file('good.json', JSON.stringify({ ...scenario, companies: [] }))).ok).toBe(true);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const path = file('syntax.json', '{\n  "name": "x",\n  "description": \n}\n');
    const result = loadScenarioFile(path);
    expect(result.ok ? undefined : result.errors).toEqual([
      { file: path, pointer: '', line: 4, column: 1, message: 'JSON syntax error: unexpected character, expected a value' },
    ]);
  });

  it('refuses a file whose extension is not .yaml, .yml or .json', () => {
    const path = file('scenario.txt', valid);
    expect(loadScenarioFile(path)).toEqual({ ok: false, errors: [{ file: path, pointer: '', message: 'unsupported file extension ".txt": use .yaml, .yml or .json' }] });
  });

  it('reports a file that does not exist without throwing', () => {
    const path = join(dir, 'absent.yml');
    expect(loadScenarioFile(path)).toEqual({ ok: false, errors: [{ file: path, pointer: '', message: 'cannot read the file (ENOENT)' }] });
  });

  it('requires companyId on a regular key and refuses atsIntegrationId there', () => {
    const path = file('key.yaml', valid.replace(`    companyId: ${UUID}`, `    atsIntegrationId: ${UUID}`));
    const result = loadScenarioFile(path);
    expect(result.ok ? [] : result.errors.map((e) => [e.pointer, e.line, e.message])).toEqual([
      ['/apiKeys/0/companyId', 9, 'missing required field "companyId" when type is "regular"'],
      ['/apiKeys/0/atsIntegrationId', 11, 'is not allowed when type is "regular"'],
    ]);
  });

  it('names the allowed clock modes for an unknown mode', () => {
    const path = file('clock.yaml', `${valid}\nclock:\n  mode: paused\n`);
    const result = loadScenarioFile(path);
    expect(result.ok ? [] : result.errors).toEqual([{ file: path, pointer: '/clock/mode', line: 13, message: 'must be equal to one of the allowed values (frozen, real)' }]);
  });
});

describe('formatScenarioErrors', () => {
  it('writes one file:line: pointer: message line per error, and file:line:column: for syntax errors', () => {
    const text = formatScenarioErrors([
      { file: 'mock/scenarios/x.yaml', pointer: '/companies/0/billingSystem', line: 12, message: 'must be equal to one of the allowed values (minutes, credits)' },
      { file: 'mock/scenarios/x.yaml', pointer: '', line: 4, column: 7, message: 'YAML syntax error: Unexpected flow-map-end token' },
      { file: 'x.json', pointer: '', message: 'cannot read the file (ENOENT)' },
    ]);
    expect(text).toBe(
      [
        'mock/scenarios/x.yaml:12: /companies/0/billingSystem: must be equal to one of the allowed values (minutes, credits)',
        'mock/scenarios/x.yaml:4:7: YAML syntax error: Unexpected flow-map-end token',
        'x.json: /: cannot read the file (ENOENT)',
      ].join('\n'),
    );
  });
});
