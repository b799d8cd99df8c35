import { parseInstant } from '../../src/billing/parseInstant.ts';
import type { ScenarioHead } from './buildStore.ts';
import type { MockClock } from './createMockClock.ts';
import type { ClockState, Scenario } from './types.ts';

/** How a clock is set: frozen at an instant (milliseconds since epoch), or real time plus an offset (milliseconds). */
export type ClockSetting = { mode: 'frozen'; atMs: number } | { mode: 'real'; offsetMs: number };

/** The clock a scenario asks for, at `nowMs` (DESIGN §6.4; docs/decisions/0002): `frozenAtMs` (`--now`) wins. */
export function scenarioClock(head: ScenarioHead, nowMs: number, frozenAtMs?: number): ClockSetting {
  if (frozenAtMs !== undefined) return { mode: 'frozen', atMs: frozenAtMs };
  if (head.clock?.mode === 'frozen') {
    const at = head.clock.now === undefined ? undefined : parseInstant(head.clock.now);
    return { mode: 'frozen', atMs: at?.ok ? at.ms : nowMs };
  }
  return { mode: 'real', offsetMs: head.clock?.mode === 'real' ? (head.clock.offsetMs ?? 0) : 0 };
}

/** Sets a clock (frozen at its instant, or real time with its offset). */
export function setClockTo(clock: MockClock, setting: ClockSetting): void {
  if (setting.mode === 'frozen') clock.freeze(setting.atMs);
  else {
    clock.real();
    clock.advance(setting.offsetMs);
  }
}

/** A clock setting as a scenario file writes it. */
export function scenarioClockOf(setting: ClockSetting): NonNullable<Scenario['clock']> {
  return setting.mode === 'frozen' ? { mode: 'frozen', now: new Date(setting.atMs).toISOString() } : { mode: 'real', ...(setting.offsetMs > 0 ? { offsetMs: setting.offsetMs } : {}) };
}

/** A clock's current state as a setting. */
export function settingOf(state: ClockState): ClockSetting {
  return state.mode === 'frozen' ? { mode: 'frozen', atMs: Date.parse(state.now) } : { mode: 'real', offsetMs: state.offsetMs };
}
