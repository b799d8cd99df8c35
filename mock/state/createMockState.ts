import { validateScenario } from '../../src/scenario/validateScenario.ts';
import { buildStore, scenarioSource, type ScenarioHead, type ScenarioProblem, type ScenarioSource } from './buildStore.ts';
import { checkCommandInput } from './checkCommandInput.ts';
import { scenarioClock, scenarioClockOf, setClockTo, settingOf, type ClockSetting } from './clockSetting.ts';
import { isJournaled, type CommandResult, type CommandValues, type JournaledCommand, type JournalRecord, type MockCommand, type StateSummary } from './commands.ts';
import { createFaultSet, type Fault, type FaultSet } from './createFaultSet.ts';
import { createMockClock } from './createMockClock.ts';
import { createRateLimiter, type RateLimiter } from './createRateLimiter.ts';
import { createRequestJournal, type RequestJournal } from './createRequestJournal.ts';
import { createStore, type MockStore, type StoreReader, type StoreView } from './createStore.ts';
import { planCommand, resolveCommand, valueOfCommand } from './planCommand.ts';
import { CONTRACT_SCENARIO, PROVIDER_STATES } from './providerStates.ts';
import { stateErrors, type StateError, type StateResult } from './stateErrors.ts';
import type { ClockState, Scenario } from './types.ts';
import type { Company, Tally } from '../../src/billing/types.ts';

/** Where a mock state finds built-in scenarios by name (Node reads `mock/scenarios/`; MSW carries them as data). */
export interface ScenarioCatalog {
  /** The names, sorted. */
  names(): string[];
  /** The named scenario, schema-valid, or why not (an unknown name, never a path: DESIGN §6.3). */
  load(name: string): { ok: true; scenario: Scenario } | { ok: false; message: string };
}

/**
 * The whole state at one revision, frozen: what `GET /__admin/state` streams and `--state-file`
 * writes (the scenario format, generated events listed as explicit ones, DESIGN §6.5, §6.6).
 */
export interface StateSnapshot {
  revision: number;
  /** `name`, `description`, the clock as now, `seed`, `rateLimit`. */
  head: Omit<ScenarioHead, 'atsIntegrations' | 'companies' | 'apiKeys' | 'generators'>;
  view: StoreView;
}

/** Saves applied changes for `--state-file` (mock/state/persistence): a journal record, or a whole snapshot. */
export interface StatePersistence {
  /** Resolves once the record is on disk (flushed); rejects when it cannot be written. */
  append(record: JournalRecord): Promise<void>;
  /** Resolves once the snapshot replaced the file atomically; rejects when it cannot be written. */
  saveSnapshot(snapshot: StateSnapshot): Promise<void>;
  /** `degraded` with the reason while the last write failed (DESIGN §6.5). */
  health(): { status: 'ok' } | { status: 'degraded'; reason: string };
}

/** How a mock state is made; every field but `scenario` is optional. */
export interface MockStateOptions {
  /** The scenario loaded first (what `reset` returns to until another is loaded). */
  scenario: Scenario | ScenarioSource;
  /** Seed of generators and fault error rates; overrides the scenario's (`--seed`). */
  seed?: number;
  /** Freezes the clock at this instant (milliseconds since epoch) for the first scenario (`--now`). */
  nowMs?: number;
  /** Built-in scenarios for `loadScenario`. */
  catalog?: ScenarioCatalog;
  /** 429s on a full window (`--rate-limit`); a scenario's `rateLimit.enabled` turns them on too. */
  rateLimit?: boolean;
  /** ATS keys must pass `companyId` (`--ats-require-company-id`). */
  atsRequireCompanyId?: boolean;
  /** Wall time in milliseconds since epoch (tests inject one); default `Date.now`. */
  wallClock?: () => number;
  /** Makes the UUIDs of new entities and events; default the Web Crypto API's `randomUUID`. */
  newId?: () => string;
  /** Progress of loads that take over a second (DESIGN §6.6). */
  onProgress?: (message: string) => void;
  /** The first scenario is a saved state being resumed (`--state-file`): the state's revision continues from the document's `revision`. */
  resume?: boolean;
  /** How many requests the request journal keeps (DESIGN §12); default 1 000. */
  journalCapacity?: number;
}

/**
 * One mock's state (DESIGN §6): store, clock, rate limiter, faults and the loaded scenario, with no HTTP
 * in it. Reads answer at once; every change is a {@link MockCommand} run by `execute`, one at a time,
 * checked once, applied whole or not at all, saved first when persistence is attached (DESIGN §6.5).
 * Several states live side by side in one process (sessions, MSW handlers).
 */
export interface MockState {
  /** Behaviour switches that shape API answers. */
  readonly options: { readonly rateLimit: boolean; readonly atsRequireCompanyId: boolean };
  /** The current store (replaced whole by loads and resets). */
  readonly store: StoreReader;
  readonly rateLimiter: RateLimiter;
  readonly faults: Pick<FaultSet, 'list' | 'match' | 'roll'>;
  /** The last requests this state answered (DESIGN §12); recorded by the transports, not by commands. */
  readonly journal: RequestJournal;
  /**
   * The JSON text of recent usage reports, keyed by everything that decides a report (its companies and
   * their tallies; mock/api/answerUsageRequest.ts): an answer seen before costs no building, no
   * serializing and no check (issue 11). Bounded; emptied when the store is replaced.
   */
  readonly reportTexts: Map<string, KeptReport[]>;
  /** The mock clock's now, milliseconds since epoch. */
  now(): number;
  clockState(): ClockState;
  /** The loaded scenario's head (name, description, seed, rate limit). */
  loadedScenario(): ScenarioHead;
  /** Whether 429s are enforced now: the option, or the loaded scenario's `rateLimit.enabled`. */
  rateLimitEnforced(): boolean;
  /** How many saved changes this state has applied (the journal's sequence number). */
  revision(): number;
  summary(): StateSummary;
  /** `degraded` with the reason when changes cannot be saved (DESIGN §6.5). */
  health(): { status: 'ok' } | { status: 'degraded'; reason: string };
  /** Runs one command after those before it; the result says what happened (nothing on a refusal). */
  execute<C extends MockCommand>(command: C): Promise<CommandResult<C>>;
  /** Re-applies a journal record at start-up (no saving); refuses a record out of sequence. */
  replay(record: JournalRecord): Promise<StateResult<unknown>>;
  /** The state as of now, frozen, for export or saving. */
  snapshot(): StateSnapshot;
  /** From now on, saves every change before applying it. */
  attachPersistence(persistence: StatePersistence): void;
  /**
   * A new state whose loaded scenario is this one's as it was loaded (sharing its events until either
   * changes: cheap), with the same options, its own clock, faults, rate-limit windows and journal, and
   * no persistence: a session (DESIGN §11).
   */
  fork(): Promise<MockState>;
}

/**
 * A report kept as text (mock/api/answerUsageRequest.ts): the companies and tallies it was made of, its
 * JSON text and that text in UTF-8. Same companies and tallies, same report.
 */
export interface KeptReport {
  companies: readonly Company[];
  tallies: readonly Tally[];
  text: string;
  bytes: Uint8Array;
}

/** Thrown by {@link createMockState} when its first scenario does not apply (a start-up error); `problems` name each field. */
export class ScenarioApplyError extends Error {
  constructor(
    readonly scenarioName: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(`Scenario "${scenarioName}" does not apply:\n${problems.map((p) => `  ${p.pointer}: ${p.message}`).join('\n')}`);
  }
}

/** What `reset` returns to: the loaded scenario as it was right after loading (entities, events, clock). */
interface Baseline {
  head: ScenarioHead;
  clock: ClockSetting;
  view: StoreView;
}

/**
 * Creates a mock state and loads its first scenario (in slices: the event loop keeps turning).
 * @throws {@link ScenarioApplyError} when the first scenario does not apply (schema-valid input is
 * expected; cross references, decimals and duplicates are what it reports). DESIGN §6, §7.
 */
export async function createMockState(options: MockStateOptions, adopt?: { baseline: Baseline }): Promise<MockState> {
  const wallClock = options.wallClock ?? Date.now;
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const clock = createMockClock({}, wallClock);
  const rateLimiter = createRateLimiter();
  const journal = createRequestJournal(options.journalCapacity);
  const reportTexts = new Map<string, KeptReport[]>();
  const firstName = 'name' in options.scenario ? options.scenario.name : 'the scenario';
  const faults = createFaultSet(options.seed ?? ('seed' in options.scenario ? options.scenario.seed : undefined) ?? 1);
  const flags = { rateLimit: options.rateLimit ?? false, atsRequireCompanyId: options.atsRequireCompanyId ?? false };
  let store: MockStore = createStore();
  let baseline: Baseline | undefined;
  let revision = 0;
  let persistence: StatePersistence | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Builds a new store and clock for a scenario, without touching the current ones. */
  async function prepareScenario(scenario: Scenario | ScenarioSource, frozenAtMs?: number): Promise<{ ok: true; baseline: Baseline; store: MockStore } | { ok: false; problems: ScenarioProblem[] }> {
    let source: ScenarioSource;
    if ('entities' in scenario) source = scenario;
    else {
      const checked = validateScenario(scenario);
      if (!checked.ok) return { ok: false, problems: checked.issues };
      source = scenarioSource(checked.scenario);
    }
    let clockSetting: ClockSetting = { mode: 'real', offsetMs: 0 };
    const nowFor = (head: ScenarioHead) => {
      clockSetting = scenarioClock(head, clock.now(), frozenAtMs);
      return clockSetting.mode === 'frozen' ? clockSetting.atMs : wallClock() + clockSetting.offsetMs;
    };
    const built = await buildStore(source, { ...(options.seed === undefined ? {} : { seed: options.seed }), nowFor, newId, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    if (!built.ok) return built;
    return { ok: true, store: built.store, baseline: { head: built.head, clock: clockSetting, view: built.store.view() } };
  }

  /** Makes a prepared scenario (or the baseline again) the current state. */
  function install(next: Baseline, nextStore: MockStore): void {
    reportTexts.clear();
    store = nextStore;
    baseline = next;
    setClockTo(clock, next.clock);
    rateLimiter.reset();
    faults.clear();
    faults.replace(next.head.faults as Fault[] | undefined ?? []);
  }

  function summary(): StateSummary {
    return { scenario: baseline!.head.name, events: store.eventCount(), clock: clock.state(), revision };
  }

  function snapshotOf(target: MockStore, head: ScenarioHead, at: number, clockSetting: ClockSetting, activeFaults: readonly Fault[]): StateSnapshot {
    return {
      revision: at,
      head: {
        name: head.name,
        description: head.description,
        clock: scenarioClockOf(clockSetting),
        ...(head.seed === undefined ? {} : { seed: head.seed }),
        ...(head.rateLimit === undefined ? {} : { rateLimit: head.rateLimit }),
        ...(activeFaults.length === 0 ? {} : { faults: activeFaults.map((f) => structuredClone(f)) }),
      },
      view: target.view(),
    };
  }

  async function runJournaled(command: JournaledCommand, save: boolean): Promise<StateResult<unknown>> {
    const ctx = { store, clock, faults, wallClock, newId };
    const resolved = resolveCommand(command, ctx);
    const planned = planCommand(resolved, ctx);
    if (!planned.ok) return planned;
    if (save && persistence) {
      try {
        await persistence.append({ seq: revision + 1, command: resolved });
      } catch (err) {
        return { ok: false, error: stateErrors.notSaved((err as Error).message) };
      }
    }
    const applied = planned.apply();
    revision++;
    return { ok: true, value: valueOfCommand(resolved, applied, clock) };
  }

  /** Loads a new scenario (or the baseline again): built aside, saved as a snapshot, then swapped in at once. */
  async function replaceWith(prepared: { ok: true; baseline: Baseline; store: MockStore } | { ok: false; problems: ScenarioProblem[] }, invalid: (problems: ScenarioProblem[]) => StateError): Promise<StateResult<StateSummary>> {
    if (!prepared.ok) return { ok: false, error: invalid(prepared.problems) };
    if (persistence) {
      const snapshot = snapshotOf(prepared.store, prepared.baseline.head, revision + 1, prepared.baseline.clock, (prepared.baseline.head.faults ?? []) as Fault[]);
      try {
        await persistence.saveSnapshot(snapshot);
      } catch (err) {
        return { ok: false, error: stateErrors.notSaved((err as Error).message) };
      }
    }
    install(prepared.baseline, prepared.store);
    revision++;
    return { ok: true, value: summary() };
  }

  const scenarioInvalid = (what: string) => (problems: ScenarioProblem[]): StateError => ({
    code: 'VALIDATION_ERROR',
    message: `${what} does not apply: "${problems[0]!.pointer || '/'}" ${problems[0]!.message}`,
    details: { field: problems[0]!.pointer, reason: problems[0]!.message, errors: problems.map((p) => ({ field: p.pointer, reason: p.message })) },
  });

  async function run(command: MockCommand): Promise<StateResult<unknown>> {
    const bad = checkCommandInput(command);
    if (bad) return { ok: false, error: bad };
    if (isJournaled(command)) return runJournaled(command, true);
    switch (command.type) {
      case 'loadScenario': {
        const found = options.catalog?.load(command.name) ?? { ok: false as const, message: 'this mock has no built-in scenarios' };
        if (!found.ok) return { ok: false, error: stateErrors.unknownScenario(command.name, options.catalog?.names() ?? []) };
        return replaceWith(await prepareScenario(found.scenario), scenarioInvalid(`Scenario "${command.name}"`));
      }
      case 'replaceState':
        return replaceWith(await prepareScenario(command.scenario), scenarioInvalid('The scenario'));
      case 'reset': {
        const current = baseline!;
        return replaceWith({ ok: true, baseline: current, store: createStore(current.view) }, scenarioInvalid('The loaded scenario'));
      }
      case 'setProviderState': {
        if (command.action === 'teardown') return { ok: true, value: {} };
        const values = command.state !== undefined && Object.hasOwn(PROVIDER_STATES, command.state) ? PROVIDER_STATES[command.state]! : undefined;
        if (!values) {
          return { ok: false, error: stateErrors.invalidField('state', `unknown provider state "${command.state}". Known states: ${Object.keys(PROVIDER_STATES).map((s) => `"${s}"`).join(', ')}.`, command.state) };
        }
        const loaded = await replaceWith(await prepareScenario(CONTRACT_SCENARIO), scenarioInvalid('The contract scenario'));
        return loaded.ok ? { ok: true, value: { ...values } } : loaded;
      }
    }
  }

  const initial = adopt ? { ok: true as const, baseline: adopt.baseline, store: createStore(adopt.baseline.view) } : await prepareScenario(options.scenario, options.nowMs);
  if (!initial.ok) throw new ScenarioApplyError(firstName, initial.problems);
  install(initial.baseline, initial.store);
  if (options.resume) revision = initial.baseline.head.revision ?? 0;

  const state: MockState = {
    options: flags,
    get store() {
      return store;
    },
    rateLimiter,
    faults,
    journal,
    reportTexts,
    now: () => clock.now(),
    clockState: () => clock.state(),
    loadedScenario: () => baseline!.head,
    rateLimitEnforced: () => flags.rateLimit || baseline!.head.rateLimit?.enabled === true,
    revision: () => revision,
    summary,
    health: () => persistence?.health() ?? { status: 'ok' },
    execute<C extends MockCommand>(command: C): Promise<CommandResult<C>> {
      const result = queue.then(() => run(command));
      queue = result.catch(() => undefined);
      return result as Promise<CommandResult<C>>;
    },
    replay(record) {
      const result = queue.then(async () => {
        if (record.seq !== revision + 1) return { ok: false as const, error: stateErrors.invalidField('seq', `journal record ${record.seq} does not follow revision ${revision}`) };
        const bad = checkCommandInput(record.command);
        return bad ? { ok: false as const, error: bad } : runJournaled(record.command, false);
      });
      queue = result.catch(() => undefined);
      return result;
    },
    snapshot: () => snapshotOf(store, baseline!.head, revision, settingOf(clock.state()), faults.list()),
    attachPersistence(p) {
      persistence = p;
    },
    fork: () => createMockState({ ...options, resume: false }, { baseline: baseline! }),
  };
  return state;
}

export type { CommandValues };
