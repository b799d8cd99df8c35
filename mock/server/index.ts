/**
 * `instaview-billing-toolkit/server` (DESIGN §10): the stateful HTTP mock for test suites in other
 * repositories — `const mock = await startMockServer({ scenario: 'seed-examples', port: 0 })`, then
 * `mock.url`, `mock.state` and `await mock.close()`. Node only.
 */
export { startMockServer, type RunningMockServer, type StartMockServerOptions } from '../startMockServer.ts';
export { builtInScenarioCatalog } from '../builtInScenarioCatalog.ts';
export { createMockState, ScenarioApplyError, type MockState, type MockStateOptions, type ScenarioCatalog } from '../state/createMockState.ts';
export type { CommandResult, MockCommand, StateSummary } from '../state/commands.ts';
export type { StateError, StateResult } from '../state/stateErrors.ts';
export type { ClockState, ClockUpdate, Scenario, UsageEventInput } from '../state/types.ts';
