import { BUILT_IN_SCENARIOS } from '../../src/generated/builtInScenarios.ts';
import type { ScenarioCatalog } from '../state/createMockState.ts';

/** The names of the built-in scenarios carried as data, sorted (`default`, `edge-cases`, `seed-examples`, …). DESIGN §4, §5. */
export const BUNDLED_SCENARIO_NAMES: readonly string[] = Object.keys(BUILT_IN_SCENARIOS).sort();

/**
 * The built-in scenarios of `mock/scenarios/` as data (src/generated/builtInScenarios.ts, made by
 * `npm run generate`), as a mock state's catalog: what the MSW handlers load in Node and in a browser,
 * where no file can be read (DESIGN §10). The same documents the HTTP mock reads from the files; each
 * load hands out a fresh copy. An unknown name (never a path, DESIGN §6.3) is refused with the known ones.
 */
export function bundledScenarioCatalog(): ScenarioCatalog {
  return {
    names: () => [...BUNDLED_SCENARIO_NAMES],
    load: (name: string) =>
      Object.hasOwn(BUILT_IN_SCENARIOS, name)
        ? { ok: true as const, scenario: structuredClone(BUILT_IN_SCENARIOS[name]!) }
        : { ok: false as const, message: `No built-in scenario "${name}". Known: ${BUNDLED_SCENARIO_NAMES.join(', ')}.` },
  };
}
