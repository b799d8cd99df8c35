import { parseInstant } from '../../src/billing/parseInstant.ts';
import { toUsageEventRecord, type UsageEventFields } from '../../src/billing/toUsageEvent.ts';
import type { UsageEvent } from '../../src/billing/types.ts';
import { newKey } from './buildStore.ts';
import { checkEventShapes } from './checkCommandInput.ts';
import type { JournaledCommand } from './commands.ts';
import { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS, type MockClock } from './createMockClock.ts';
import type { MockStore } from './createStore.ts';
import type { Fault, FaultSet } from './createFaultSet.ts';
import { stateErrors, type StateError } from './stateErrors.ts';
import type { ClockUpdate, FieldProblem } from './types.ts';

/** What a journaled command is resolved and planned against: the current store, clock and faults, wall time and the id maker. */
export interface CommandContext {
  store: MockStore;
  clock: MockClock;
  faults: FaultSet;
  wallClock: () => number;
  newId: () => string;
}

/** Fills what the mock chooses (ids, keys, the current instant), so a journal record replays exactly. */
export function resolveCommand(command: JournaledCommand, ctx: CommandContext): JournaledCommand {
  const { newId, clock } = ctx;
  switch (command.type) {
    case 'createAtsIntegration':
    case 'createCompany':
      return { ...command, input: { ...command.input, id: command.input.id ?? newId() } } as JournaledCommand;
    case 'createApiKey':
      return { ...command, input: { ...command.input, key: command.input.key ?? newKey(newId) } };
    case 'addUsageEvents':
      return { ...command, events: command.events.map((e) => (e !== null && typeof e === 'object' && !Array.isArray(e) ? { ...e, id: e.id ?? newId(), interviewId: e.interviewId ?? newId() } : e)) };
    case 'setClock':
      return 'mode' in command.clock && command.clock.mode === 'frozen' && command.clock.now === undefined ? { ...command, clock: { mode: 'frozen', now: new Date(clock.now()).toISOString() } } : command;
    case 'setFaults':
      return { ...command, faults: command.faults.map((f) => ({ ...f, id: f.id ?? newId() })) };
    default:
      return command;
  }
}

/** Checks a resolved command against the store and the clock; `apply` makes it. */
export function planCommand(command: JournaledCommand, ctx: CommandContext): { ok: true; apply: () => unknown } | { ok: false; error: StateError } {
  const { store } = ctx;
  switch (command.type) {
    case 'createAtsIntegration':
      return store.planAddAtsIntegration(command.input as { id: string; name: string });
    case 'createCompany':
      return store.planAddCompany(command.input as Parameters<MockStore['planAddCompany']>[0]);
    case 'updateCompany':
      return store.planUpdateCompany(command.id, command.patch);
    case 'deleteCompany':
      return store.planDeleteCompany(command.id);
    case 'createApiKey':
      return store.planAddApiKey(command.input as Parameters<MockStore['planAddApiKey']>[0]);
    case 'updateApiKey':
      return store.planUpdateApiKey(command.key, command.patch);
    case 'deleteApiKey':
      return store.planDeleteApiKey(command.key);
    case 'addUsageEvents': {
      const shapes = checkEventShapes(command.events);
      const bad = new Set(shapes.map((p) => p.index));
      const shaped = command.events.map((e, index) => ({ e, index })).filter(({ index }) => !bad.has(index));
      const planned = store.planAddUsageEvents(shaped.map(({ e }) => e as UsageEventFields));
      const problems: FieldProblem[] = [...shapes, ...(planned.ok ? [] : planned.problems.map((p) => ({ ...p, index: shaped[p.index!]!.index })))];
      if (problems.length > 0) return { ok: false, error: stateErrors.invalidItems(problems.sort((a, b) => a.index! - b.index!), problems.length === 1 ? 'event field' : 'event fields') };
      return planned as { ok: true; apply: () => unknown };
    }
    case 'deleteUsageEvents':
      return store.planDeleteUsageEvents(command.companyId === undefined ? {} : { companyId: command.companyId });
    case 'setClock':
      return planClock(command.clock, ctx);
    case 'setFaults':
      return { ok: true, apply: () => ctx.faults.replace(command.faults as Fault[]) };
    case 'clearFaults':
      return { ok: true, apply: () => (ctx.faults.clear(), []) };
  }
}

/** A clock change within years 0000–9999 (DESIGN §6.4, §6.8); a refused one changes nothing. */
function planClock(update: ClockUpdate, { clock, wallClock }: CommandContext): { ok: true; apply: () => unknown } | { ok: false; error: StateError } {
  const inRange = (ms: number) => ms >= EARLIEST_INSTANT_MS && ms <= LATEST_INSTANT_MS;
  if ('advanceMs' in update) {
    const target = clock.now() + update.advanceMs;
    if (!Number.isSafeInteger(update.advanceMs) || !inRange(target)) {
      return { ok: false, error: stateErrors.invalidField('advanceMs', 'moves the clock past 9999-12-31T23:59:59.999Z (instants are years 0000–9999)', update.advanceMs) };
    }
    return { ok: true, apply: () => clock.advance(update.advanceMs) };
  }
  if (update.mode === 'real') {
    const offset = update.offsetMs ?? 0;
    if (!inRange(wallClock() + offset)) return { ok: false, error: stateErrors.invalidField('offsetMs', 'moves the clock past 9999-12-31T23:59:59.999Z', offset) };
    return { ok: true, apply: () => (clock.real(), clock.advance(offset)) };
  }
  const at = update.now === undefined ? { ok: true as const, ms: clock.now() } : parseInstant(update.now);
  if (!at.ok) return { ok: false, error: stateErrors.invalidField('now', at.reason, update.now) };
  if (!inRange(at.ms)) return { ok: false, error: stateErrors.invalidField('now', 'must be within years 0000–9999', update.now) };
  return { ok: true, apply: () => clock.freeze(at.ms) };
}

/** Shapes the value a journaled command answers with. */
export function valueOfCommand(command: JournaledCommand, applied: unknown, clock: MockClock): unknown {
  if (command.type === 'addUsageEvents') {
    const events = applied as UsageEvent[];
    return { count: events.length, ids: events.map((e) => e.id), first: events[0] === undefined ? undefined : toUsageEventRecord(events[0]) };
  }
  if (command.type === 'deleteUsageEvents') return { deleted: applied };
  if (command.type === 'setClock') return clock.state();
  return applied;
}
