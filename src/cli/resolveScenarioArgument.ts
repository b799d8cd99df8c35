import { existsSync } from 'node:fs';
import type { Scenario } from '../../mock/state/types.ts';
import { resolveUserPath } from './resolveUserPath.ts';
import type { ScenarioProblem } from '../../mock/state/buildStore.ts';
import { formatScenarioErrors } from '../scenario/formatScenarioErrors.ts';
import { builtInScenarioPath } from '../scenario/listBuiltInScenarios.ts';
import { BUILT_IN_SCENARIO_NAMES, builtInScenarioCatalog } from '../../mock/builtInScenarioCatalog.ts';

/**
 * Reads `--scenario`: a built-in name (`default`, `seed-examples`, …, the files of mock/scenarios/,
 * served from their generated copy, decision 0017) or a path to a YAML/JSON scenario file (the YAML
 * parser is loaded only then, so a start with a built-in scenario parses no YAML).
 * @returns the schema-valid scenario and the file it names in messages, or a message naming the file,
 * line and field of each problem. Never throws for bad input.
 */
export async function resolveScenarioArgument(arg: string): Promise<{ ok: true; scenario: Scenario; file: string } | { ok: false; message: string }> {
  const looksLikePath = /[/\\]|\.(ya?ml|json)$/i.test(arg);
  if (!looksLikePath) {
    const loaded = builtInScenarioCatalog().load(arg);
    if (!loaded.ok) return { ok: false, message: `Unknown scenario "${arg}". Built-in scenarios: ${BUILT_IN_SCENARIO_NAMES.join(', ')}; or pass a path to a .yaml/.json file.` };
    return { ok: true, scenario: loaded.scenario, file: builtInScenarioPath(arg) ?? `mock/scenarios/${arg}.yaml` };
  }
  const path = resolveUserPath(arg);
  if (!existsSync(path)) return { ok: false, message: `Scenario file ${arg} does not exist.` };
  const { loadScenarioFile } = await import('../scenario/loadScenarioFile.ts');
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) return { ok: false, message: `Scenario ${path} is invalid:\n${formatScenarioErrors(loaded.errors)}` };
  return { ok: true, scenario: loaded.scenario, file: path };
}

/** The built-in scenarios of `mock/scenarios/` as a mock state's catalog (moved to mock/builtInScenarioCatalog.ts, so `startMockServer` can default to it). */
export { builtInScenarioCatalog } from '../../mock/builtInScenarioCatalog.ts';

/**
 * Explains why a schema-valid scenario file does not apply (unknown ids, 4-decimal quantities,
 * duplicates): one `file:line: /pointer: message` line per problem, as for schema errors (DESIGN §7).
 */
export async function formatScenarioProblems(file: string, problems: readonly ScenarioProblem[]): Promise<string> {
  const { locatePointersInFile } = await import('../scenario/locatePointersInFile.ts');
  const lines = locatePointersInFile(file, problems.map((p) => p.pointer));
  return formatScenarioErrors(problems.map((p, i) => ({ file, pointer: p.pointer, ...(lines[i] === undefined ? {} : { line: lines[i] }), message: p.message })));
}
