import type { CommandResult, MockCommand, StateSummary } from '../state/commands.ts';
import type { MockState, ScenarioCatalog } from '../state/createMockState.ts';
import type { Fault, FaultInput } from '../state/createFaultSet.ts';
import type { ClockState, ClockUpdate, Scenario, UsageEventInput } from '../state/types.ts';

/** The command of a given type. */
type Command<T extends MockCommand['type']> = Extract<MockCommand, { type: T }>;
/** What running the command of a given type resolves to: `{ ok: true, value }` or `{ ok: false, error }` (nothing changed). */
type Result<T extends MockCommand['type']> = Promise<CommandResult<Command<T>>>;

/**
 * The control plane's operations (DESIGN §6.2) as methods over one mock state: each change is one
 * command run by `state.execute` (checked against the admin spec's schemas, applied whole or not at all),
 * resolving to the same result the `/__admin` route turns into its answer, errors as values
 * (`{ ok: false, error: { code, message, details } }`, e.g. `VALIDATION_ERROR`, `RESOURCE_NOT_FOUND`,
 * `CONFLICT`). Reads answer at once. Units: instants ISO 8601, `advanceMs` milliseconds, quantities minutes or credits.
 */
export interface BillingMockControls {
  /** Any command (mock/state/commands.ts), for what the shortcuts below do not cover. */
  execute<C extends MockCommand>(command: C): Promise<CommandResult<C>>;
  /** The loaded scenario's name, the event count, the clock and the revision (`GET /__admin/health`'s `data`). */
  summary(): StateSummary;
  /** The built-in scenarios `loadScenario` knows (`GET /__admin/scenarios`). */
  scenarios(): string[];
  /** Loads a built-in scenario by name (`POST /__admin/scenarios/{name}/load`). */
  loadScenario(name: string): Result<'loadScenario'>;
  /** Replaces the whole state with a scenario document (`PUT /__admin/state`). */
  replaceState(scenario: Scenario): Result<'replaceState'>;
  /** Back to the loaded scenario as it was loaded: entities, events, clock; faults and rate-limit windows cleared (`POST /__admin/reset`). */
  reset(): Result<'reset'>;
  /** The clock now (`GET /__admin/clock`). */
  clock(): ClockState;
  /** Freezes (`{ mode: 'frozen', now? }`), unfreezes (`{ mode: 'real', offsetMs? }`) or advances (`{ advanceMs }`) the clock (`PUT /__admin/clock`, DESIGN §6.4). */
  setClock(clock: ClockUpdate): Result<'setClock'>;
  createAtsIntegration(input: Command<'createAtsIntegration'>['input']): Result<'createAtsIntegration'>;
  createCompany(input: Command<'createCompany'>['input']): Result<'createCompany'>;
  updateCompany(id: string, patch: Command<'updateCompany'>['patch']): Result<'updateCompany'>;
  /** Deletes a company with its events and its regular keys (DESIGN §6.1). */
  deleteCompany(id: string): Result<'deleteCompany'>;
  createApiKey(input: Command<'createApiKey'>['input']): Result<'createApiKey'>;
  updateApiKey(key: string, patch: Command<'updateApiKey'>['patch']): Result<'updateApiKey'>;
  deleteApiKey(key: string): Result<'deleteApiKey'>;
  /** Adds one event or up to 100 000, all or nothing (`POST /__admin/usage-events`); the value counts them and lists their ids. */
  addUsageEvents(events: UsageEventInput | UsageEventInput[]): Result<'addUsageEvents'>;
  /** Deletes every event, or those of one company (`DELETE /__admin/usage-events`). */
  deleteUsageEvents(filter?: { companyId?: string }): Result<'deleteUsageEvents'>;
  /** The active faults (`GET /__admin/faults`). */
  faults(): Fault[];
  /** Replaces the active faults: latency, forced status, error rate, dropped fields, scoped to a path or key (`PUT /__admin/faults`, DESIGN §6.7). */
  setFaults(faults: FaultInput | FaultInput[]): Result<'setFaults'>;
  clearFaults(): Result<'clearFaults'>;
}

/** Creates the {@link BillingMockControls} of a mock state; `catalog` names the scenarios `loadScenario` knows. */
export function createBillingMockControls(state: MockState, catalog: ScenarioCatalog): BillingMockControls {
  const run = <C extends MockCommand>(command: C) => state.execute(command);
  return {
    execute: run,
    summary: () => state.summary(),
    scenarios: () => catalog.names(),
    loadScenario: (name) => run({ type: 'loadScenario', name }),
    replaceState: (scenario) => run({ type: 'replaceState', scenario }),
    reset: () => run({ type: 'reset' }),
    clock: () => state.clockState(),
    setClock: (clock) => run({ type: 'setClock', clock }),
    createAtsIntegration: (input) => run({ type: 'createAtsIntegration', input }),
    createCompany: (input) => run({ type: 'createCompany', input }),
    updateCompany: (id, patch) => run({ type: 'updateCompany', id, patch }),
    deleteCompany: (id) => run({ type: 'deleteCompany', id }),
    createApiKey: (input) => run({ type: 'createApiKey', input }),
    updateApiKey: (key, patch) => run({ type: 'updateApiKey', key, patch }),
    deleteApiKey: (key) => run({ type: 'deleteApiKey', key }),
    addUsageEvents: (events) => run({ type: 'addUsageEvents', events: Array.isArray(events) ? events : [events] }),
    deleteUsageEvents: (filter = {}) => run({ type: 'deleteUsageEvents', ...(filter.companyId === undefined ? {} : { companyId: filter.companyId }) }),
    faults: () => state.faults.list(),
    setFaults: (faults) => run({ type: 'setFaults', faults: Array.isArray(faults) ? faults : [faults] }),
    clearFaults: () => run({ type: 'clearFaults' }),
  };
}
