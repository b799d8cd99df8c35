import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIO_DIR, builtInScenarioPath, formatScenarioErrors, isScenarioName, listBuiltInScenarios, loadScenarioFile } from '../../src/scenario/index.ts';

describe('built-in scenarios under mock/scenarios/', () => {
  it('include default, seed-examples, empty-period and edge-cases', () => {
    expect(listBuiltInScenarios()).toEqual(expect.arrayContaining(['default', 'edge-cases', 'empty-period', 'seed-examples']));
  });

  it.each(listBuiltInScenarios())('%s.yaml validates against spec/scenario.schema.json and is named after its file', (name) => {
    const result = loadScenarioFile(builtInScenarioPath(name)!);
    if (!result.ok) throw new Error(formatScenarioErrors(result.errors));
    expect(result.scenario.name).toBe(name);
  });

  it('gives the path of a built-in scenario inside mock/scenarios/', () => {
    expect(builtInScenarioPath('default')).toBe(join(BUILT_IN_SCENARIO_DIR, 'default.yaml'));
  });

  it('gives no path for a scenario that does not exist', () => {
    expect(builtInScenarioPath('no-such-scenario')).toBeUndefined();
  });

  it.each(['../default', '..', 'a/b', '/etc/passwd', 'default.yaml', '.hidden', 'Default', '', '-x', 'x'.repeat(65), 'default\u0000'])(
    'refuses %j as a scenario name, and builds no path from it',
    (name) => {
      expect(isScenarioName(name)).toBe(false);
      expect(builtInScenarioPath(name)).toBeUndefined();
    },
  );

  it('accepts plain names of up to 64 characters', () => {
    expect([isScenarioName('seed-examples'), isScenarioName('a'), isScenarioName('0'.repeat(64))]).toEqual([true, true, true]);
  });
});
