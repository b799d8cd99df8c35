import type { ClockState } from './types.ts';

export type { ClockState };

/** The earliest instant the clock may show: 0000-01-01T00:00:00.000Z, in milliseconds since epoch (DESIGN §6.8). */
export const EARLIEST_INSTANT_MS = -62_167_219_200_000;

/** The latest instant the clock may show: 9999-12-31T23:59:59.999Z, in milliseconds since epoch (DESIGN §6.8). */
export const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The mock's clock: every date default, `expiresAt` check, rate-limit window and `timestamp` reads it
 * (DESIGN §6.4). Units: milliseconds since epoch.
 */
export interface MockClock {
  /** Current instant, milliseconds since epoch. */
  now(): number;
  /** Freezes the clock at `atMs`, or at the current instant when omitted. */
  freeze(atMs?: number): void;
  /** Back to wall time with no offset. */
  real(): void;
  /** Moves the clock forward by `ms` ≥ 0: a frozen clock moves its instant, a real one gains an offset. */
  advance(ms: number): void;
  state(): ClockState;
}

/**
 * Creates a mock clock.
 * @param initial `{ frozenAtMs }` to start frozen, else real time.
 * @param wallClock the source of wall time in milliseconds (tests inject one); defaults to `Date.now`.
 * @throws RangeError from `advance` for a negative or non-finite amount (a programmer error; the
 * control plane validates its input first).
 */
export function createMockClock(initial: { frozenAtMs?: number } = {}, wallClock: () => number = Date.now): MockClock {
  let frozenAt: number | undefined = initial.frozenAtMs;
  let offsetMs = 0;
  const now = (): number => frozenAt ?? wallClock() + offsetMs;
  return {
    now,
    freeze(atMs) {
      frozenAt = atMs ?? now();
      offsetMs = 0;
    },
    real() {
      frozenAt = undefined;
      offsetMs = 0;
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance needs a non-negative number of milliseconds, got ${ms}`);
      if (frozenAt !== undefined) frozenAt += ms;
      else offsetMs += ms;
    },
    state() {
      return { mode: frozenAt === undefined ? 'real' : 'frozen', now: new Date(now()).toISOString(), offsetMs };
    },
  };
}
