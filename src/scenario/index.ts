export { loadScenarioFile, parseScenarioText } from './loadScenarioFile.ts';
export { validateScenario } from './validateScenario.ts';
export { formatScenarioErrors } from './formatScenarioErrors.ts';
export { findForbiddenKeys, FORBIDDEN_KEYS } from './findForbiddenKeys.ts';
export { listBuiltInScenarios, builtInScenarioPath, isScenarioName, BUILT_IN_SCENARIO_DIR } from './listBuiltInScenarios.ts';
export type { Scenario, ScenarioError, ScenarioIssue, ScenarioLoadResult } from './types.ts';
export { locatePointersInFile } from './locatePointersInFile.ts';
export { scenarioFromReport, DEFAULT_REPRO_KEY, type FromReportOptions, type FromReportResult, type ReportProblem } from './scenarioFromReport.ts';
export { formatScenarioText } from './formatScenarioText.ts';
