import { formatScenarioErrors } from '../src/scenario/formatScenarioErrors.ts';
import { builtInScenarioPath, listBuiltInScenarios } from '../src/scenario/listBuiltInScenarios.ts';
import { loadScenarioFile } from '../src/scenario/loadScenarioFile.ts';
import type { ScenarioCatalog } from './state/createMockState.ts';

/**
 * The built-in scenarios as a mock state's catalog, read from the files of `mock/scenarios/` (the
 * checkout's or the installed package's): names, and loading one by plain name (never a path,
 * DESIGN §6.3); a file that fails the schema is refused with its path, lines and fields (DESIGN §7).
 * Node only (it reads files); MSW handlers use the same scenarios as data (mock/msw/bundledScenarioCatalog.ts).
 */
export function builtInScenarioCatalog(): ScenarioCatalog {
  return {
    names: () => listBuiltInScenarios(),
    load: (name: string) => {
      const path = builtInScenarioPath(name);
      if (path === undefined) return { ok: false as const, message: `No built-in scenario "${name}". Known: ${listBuiltInScenarios().join(', ')}.` };
      const loaded = loadScenarioFile(path);
      if (!loaded.ok) return { ok: false as const, message: `Scenario ${path} is invalid:\n${formatScenarioErrors(loaded.errors)}` };
      return { ok: true as const, scenario: loaded.scenario };
    },
  };
}
