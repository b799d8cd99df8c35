import { existsSync } from 'node:fs';
import type { Scenario } from '../../mock/store/applyScenario.ts';
import { builtInScenarioPath, formatScenarioErrors, listBuiltInScenarios, loadScenarioFile } from '../scenario/index.ts';

/**
 * Reads `--scenario`: a built-in name (`default`, `seed-examples`, …, from mock/scenarios/) or a path
 * to a YAML/JSON scenario file.
 * @returns the schema-valid scenario, or a message naming the file, line and field of each problem.
 */
export function resolveScenarioArgument(arg: string): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  const looksLikePath = /[/\\]|\.(ya?ml|json)$/i.test(arg);
  if (looksLikePath && !existsSync(arg)) return { ok: false, message: `Scenario file ${arg} does not exist.` };
  const path = looksLikePath ? arg : builtInScenarioPath(arg);
  if (path === undefined) {
    return { ok: false, message: `Unknown scenario "${arg}". Built-in scenarios: ${listBuiltInScenarios().join(', ')}; or pass a path to a .yaml/.json file.` };
  }
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) return { ok: false, message: `Scenario ${path} is invalid:\n${formatScenarioErrors(loaded.errors)}` };
  return { ok: true, scenario: loaded.scenario };
}

/** The control plane's view of the built-in scenarios: names, and loading one by name. */
export function builtInScenarioCatalog() {
  return {
    listScenarios: () => listBuiltInScenarios(),
    resolveScenario: (name: string) => {
      if (builtInScenarioPath(name) === undefined) return { ok: false as const, message: `No built-in scenario "${name}". Known: ${listBuiltInScenarios().join(', ')}.` };
      return resolveScenarioArgument(name);
    },
  };
}
