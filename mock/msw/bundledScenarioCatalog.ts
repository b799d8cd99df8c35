/**
 * The built-in scenarios as data, under the names the MSW entry exports (`bundledScenarioCatalog`,
 * `BUNDLED_SCENARIO_NAMES`): the same catalog the HTTP mock uses (mock/builtInScenarioCatalog.ts), so
 * handlers in Node and in a browser load exactly the documents `npm start` serves (DESIGN §10).
 */
export { builtInScenarioCatalog as bundledScenarioCatalog, BUILT_IN_SCENARIO_NAMES as BUNDLED_SCENARIO_NAMES } from '../builtInScenarioCatalog.ts';
