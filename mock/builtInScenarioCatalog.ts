import { BUILT_IN_SCENARIOS } from '../src/generated/builtInScenarios.ts';
import type { ScenarioCatalog } from './state/createMockState.ts';

/** The names of the built-in scenarios, sorted in code-unit order (`ats-mixed-large`, `default`, `edge-cases`, …). DESIGN §4, §5, §7. */
export const BUILT_IN_SCENARIO_NAMES: readonly string[] = Object.keys(BUILT_IN_SCENARIOS).sort();

/**
 * The built-in scenarios of `mock/scenarios/` as a mock state's catalog: their names, and loading one by
 * plain name (never a path, DESIGN §6.3); each load hands out a fresh copy. The documents are the files
 * as `npm run generate` read them into src/generated/builtInScenarios.ts (schema-checked there, and
 * test/spec/generatedData.test.ts fails when a file and the data differ), so the HTTP mock, the
 * `serve` command and the MSW handlers (Node and browser, where no file can be read, DESIGN §10) load
 * the same data, and a start parses no YAML (decision 0017). An unknown name is refused with the known ones.
 */
export function builtInScenarioCatalog(): ScenarioCatalog {
  return {
    names: () => [...BUILT_IN_SCENARIO_NAMES],
    load: (name: string) =>
      Object.hasOwn(BUILT_IN_SCENARIOS, name)
        ? { ok: true as const, scenario: structuredClone(BUILT_IN_SCENARIOS[name]!) }
        : { ok: false as const, message: `No built-in scenario "${name}". Known: ${BUILT_IN_SCENARIO_NAMES.join(', ')}.` },
  };
}
