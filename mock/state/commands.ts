import type { UsageEventRecord } from '../../src/billing/toUsageEvent.ts';
import type { components } from '../../src/generated/admin.ts';
import type { ScenarioSource } from './buildStore.ts';
import type { Fault, FaultInput } from './createFaultSet.ts';
import type { StateResult } from './stateErrors.ts';
import type { AtsIntegration, ClockState, ClockUpdate, Scenario, StoredApiKey, StoredCompany, UsageEventInput } from './types.ts';

type Schemas = components['schemas'];

/**
 * Every change to a mock state, as a typed command (STYLE: state changes are commands). The control
 * plane, the MSW handlers' methods, Pact provider states and the `--state-file` journal all speak
 * these; `MockState.execute` checks one against the schemas once, applies it whole or not at all, and
 * returns a {@link CommandResult}. Inputs are typed for TypeScript callers and checked at run time for
 * JSON ones. DESIGN §6.
 */
export type MockCommand =
  | { type: 'createAtsIntegration'; input: Schemas['AtsIntegrationInput'] }
  | { type: 'createCompany'; input: Schemas['CompanyInput'] }
  | { type: 'updateCompany'; id: string; patch: Schemas['CompanyPatch'] }
  | { type: 'deleteCompany'; id: string }
  | { type: 'createApiKey'; input: Schemas['ApiKeyInput'] }
  | { type: 'updateApiKey'; key: string; patch: Schemas['ApiKeyPatch'] }
  | { type: 'deleteApiKey'; key: string }
  /** Up to 100 000 events, all or nothing (DESIGN §6.2). */
  | { type: 'addUsageEvents'; events: UsageEventInput[] }
  /** Every event, or those of one company. */
  | { type: 'deleteUsageEvents'; companyId?: string }
  | { type: 'setClock'; clock: ClockUpdate }
  | { type: 'setFaults'; faults: FaultInput[] }
  | { type: 'clearFaults' }
  /** A built-in scenario by name (`POST /__admin/scenarios/{name}/load`). */
  | { type: 'loadScenario'; name: string }
  /** A whole state (`PUT /__admin/state`): a scenario document, or a streamed one. */
  | { type: 'replaceState'; scenario: Scenario | ScenarioSource }
  /** Back to the loaded scenario as it was loaded (`POST /__admin/reset`). */
  | { type: 'reset' }
  /** Pact's state-change call (`POST /__admin/provider-states`); its value is what `fromProviderState` reads. */
  | { type: 'setProviderState'; state?: string; params?: Record<string, unknown>; action?: 'setup' | 'teardown' };

/**
 * The loaded scenario's name, the stored usage events, the clock and the revision (how many changes
 * this state has applied since it was created or resumed). spec/admin.openapi.yaml `StateSummary`.
 */
export interface StateSummary {
  scenario: string;
  events: number;
  clock: ClockState;
  revision: number;
}

/** What each command answers with when it succeeds. */
export interface CommandValues {
  createAtsIntegration: AtsIntegration;
  createCompany: StoredCompany;
  updateCompany: StoredCompany;
  deleteCompany: { deletedEvents: number; deletedApiKeys: number };
  createApiKey: StoredApiKey;
  updateApiKey: StoredApiKey;
  deleteApiKey: StoredApiKey;
  /** How many events were stored and their ids, in order; `first` the first one as stored. */
  addUsageEvents: { count: number; ids: string[]; first: UsageEventRecord | undefined };
  deleteUsageEvents: { deleted: number };
  setClock: ClockState;
  setFaults: Fault[];
  clearFaults: Fault[];
  loadScenario: StateSummary;
  replaceState: StateSummary;
  reset: StateSummary;
  setProviderState: Record<string, unknown>;
}

/** The outcome of one command: its value, or the error that refused it (and then nothing changed). */
export type CommandResult<C extends MockCommand> = StateResult<CommandValues[C['type']]>;

/**
 * The commands the `--state-file` journal records (DESIGN §6.5), in their resolved form: every id and
 * instant the mock chose filled in, so replaying one gives exactly the same state. Faults are saved
 * too (a 2xx means the change is on disk; snapshots carry them as the scenario's `faults`); state
 * replacements are saved as snapshots instead.
 */
export type JournaledCommand = Extract<
  MockCommand,
  {
    type: 'createAtsIntegration' | 'createCompany' | 'updateCompany' | 'deleteCompany' | 'createApiKey' | 'updateApiKey' | 'deleteApiKey' | 'addUsageEvents' | 'deleteUsageEvents' | 'setClock' | 'setFaults' | 'clearFaults';
  }
>;

/** One line of the journal: the revision the change made and the change. */
export interface JournalRecord {
  seq: number;
  command: JournaledCommand;
}

/** Whether a command is saved as a journal record (else it replaces the whole state: saved as a snapshot). */
export function isJournaled(command: MockCommand): command is JournaledCommand {
  return !['loadScenario', 'replaceState', 'reset', 'setProviderState'].includes(command.type);
}
