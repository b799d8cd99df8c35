import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { packagePath } from '../packagePath.ts';

/** The folder of the built-in scenarios, `mock/scenarios/` of this checkout (or of the installed package), as an absolute path with a trailing separator. DESIGN §4, §7. */
export const BUILT_IN_SCENARIO_DIR = packagePath('mock', 'scenarios') + sep;

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Tells whether a string is a plain scenario name: lowercase letters, digits and dashes, 1–64
 * characters, starting with a letter or digit (`spec/scenario.schema.json#/$defs/ScenarioName`).
 * So `../x`, `a/b`, `.hidden` and `x.yaml` are not names. DESIGN §6.3.
 */
export function isScenarioName(name: string): boolean {
  return NAME.test(name);
}

/**
 * Lists the built-in scenarios: the names of the `<name>.yaml` files of a folder whose name is a plain scenario name.
 * @param dir the folder, default {@link BUILT_IN_SCENARIO_DIR}.
 * @returns names sorted in code-unit order, e.g. `['default', 'edge-cases', 'empty-period', 'seed-examples']`.
 * @throws the `readdirSync` error (e.g. ENOENT) when the folder cannot be read. DESIGN §6.2 (`GET /__admin/scenarios`), §7.
 */
export function listBuiltInScenarios(dir: string = BUILT_IN_SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .filter(isScenarioName)
    .sort();
}

/**
 * The path of a built-in scenario's file, `<dir>/<name>.yaml`, for a plain name only (DESIGN §6.3).
 * @param dir the folder, default {@link BUILT_IN_SCENARIO_DIR}.
 * @returns undefined when `name` is not a plain scenario name (never a path is built from it) or no such file exists;
 * call {@link isScenarioName} first to tell the two apart in a message. The control plane answers 404
 * `RESOURCE_NOT_FOUND` to both (spec/admin.openapi.yaml, `POST /__admin/scenarios/{name}/load`). Never throws.
 */
export function builtInScenarioPath(name: string, dir: string = BUILT_IN_SCENARIO_DIR): string | undefined {
  if (!isScenarioName(name)) return undefined;
  const path = join(dir, `${name}.yaml`);
  return existsSync(path) ? path : undefined;
}
