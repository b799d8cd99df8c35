/**
 * `instaview-billing-toolkit/msw` (DESIGN §10): MSW handlers that answer `GET /billing/usage` exactly as
 * the HTTP mock does, over an in-process mock state, in Node (`setupServer`) and in the browser
 * (`setupWorker`). Needs the optional peer dependency `msw` (2.x). No `node:` module is reachable from here.
 */
export { createBillingMock, type BillingMock, type BillingMockOptions } from './createBillingMock.ts';
export type { BillingMockControls } from './createBillingMockControls.ts';
export { createUsageHandlers, type UsageHandlerOptions } from './createUsageHandlers.ts';
export { bundledScenarioCatalog, BUNDLED_SCENARIO_NAMES } from './bundledScenarioCatalog.ts';
export type { MockState, ScenarioCatalog } from '../state/createMockState.ts';
export type { CommandResult, MockCommand, StateSummary } from '../state/commands.ts';
export type { StateError, StateResult } from '../state/stateErrors.ts';
export type { Fault, FaultInput } from '../state/createFaultSet.ts';
export type { ClockState, ClockUpdate, Scenario, UsageEventInput, StoredApiKey, StoredCompany, AtsIntegration } from '../state/types.ts';
