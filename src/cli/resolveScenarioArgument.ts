import { existsSync } from 'node:fs';
import type { Scenario } from '../../mock/state/types.ts';
import { resolveUserPath } from './resolveUserPath.ts';
import type { ScenarioProblem } from '../../mock/state/buildStore.ts';
import { formatScenarioErrors } from '../scenario/formatScenarioErrors.ts';
import { builtInScenarioPath, listBuiltInScenarios } from '../scenario/listBuiltInScenarios.ts';
import { loadScenarioFile } from '../scenario/loadScenarioFile.ts';
import { locatePointersInFile } from '../scenario/locatePointersInFile.ts';

/**
 * Reads `--scenario`: a built-in name (`default`, `seed-examples`, …, from mock/scenarios/) or a path
 * to a YAML/JSON scenario file.
 * @returns the schema-valid scenario, or a message naming the file, line and field of each problem.
 */
export function resolveScenarioArgument(arg: string): { ok: true; scenario: Scenario; file: string } | { ok: false; message: string } {
  const looksLikePath = /[/\\]|\.(ya?ml|json)$/i.test(arg);
  const given = looksLikePath ? resolveUserPath(arg) : arg;
  if (looksLikePath && !existsSync(given)) return { ok: false, message: `Scenario file ${arg} does not exist.` };
  const path = looksLikePath ? given : builtInScenarioPath(arg);
  if (path === undefined) {
    return { ok: false, message: `Unknown scenario "${arg}". Built-in scenarios: ${listBuiltInScenarios().join(', ')}; or pass a path to a .yaml/.json file.` };
  }
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
export function formatScenarioProblems(file: string, problems: readonly ScenarioProblem[]): string {
  const lines = locatePointersInFile(file, problems.map((p) => p.pointer));
  return formatScenarioErrors(problems.map((p, i) => ({ file, pointer: p.pointer, ...(lines[i] === undefined ? {} : { line: lines[i] }), message: p.message })));
}
