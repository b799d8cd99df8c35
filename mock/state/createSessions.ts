import type { MockState, ScenarioCatalog } from './createMockState.ts';
import { createMockState } from './createMockState.ts';
import { stateErrors, type StateError, type StateResult } from './stateErrors.ts';

/** A session name: a plain name, letters, digits, `_` and `-`, 1–64 characters, starting with a letter or digit (DESIGN §11). */
export const SESSION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The name that selects the default state, as no `X-Mock-Session` does. */
export const DEFAULT_SESSION = 'default';

/** One session as the control plane lists it; instants are ISO 8601 (wall time). */
export interface SessionInfo {
  name: string;
  scenario: string;
  events: number;
  createdAt: string;
  lastUsedAt: string;
  /** When it expires if left idle. */
  expiresAt: string;
}

/** Why a session could not be used or made: a bad name (400), the cap (429), an unknown one (404), one that exists (409). */
export type SessionError = StateError | { code: 'TOO_MANY_SESSIONS'; message: string; details: { maxSessions: number; retryAfter: number } };

/**
 * The sessions of one mock (DESIGN §11): the default state plus up to `maxSessions` named states, each
 * its own scenario, clock, events, faults, rate-limit windows and request journal. A session starts
 * from the default state's loaded scenario (sharing its events until either changes), or from a built-in
 * scenario named when it is created; one that goes unused for `ttlMs` is dropped.
 */
export interface Sessions {
  readonly defaultState: MockState;
  /** The state a request with `X-Mock-Session: name` acts on; created on first use. No name (or `default`): the default state. */
  resolve(name: string | undefined): Promise<{ ok: true; state: MockState } | { ok: false; error: SessionError }>;
  /** Creates a session (`POST /__admin/sessions`), from the loaded scenario or the named built-in one. */
  create(name: string, scenario?: string): Promise<{ ok: true; value: SessionInfo } | { ok: false; error: SessionError }>;
  /** Drops a session and everything in it. */
  remove(name: string): StateResult<SessionInfo>;
  /** The live sessions, by name. */
  list(): SessionInfo[];
  /** The session a state belongs to (`null` for the default state), for the request journal. */
  nameOf(state: MockState): string | null;
}

/** How sessions are bounded. */
export interface SessionOptions {
  /** The most sessions besides the default state (`--max-sessions`); default 64. */
  maxSessions?: number;
  /** Milliseconds a session may stay unused before it is dropped (`--session-ttl`); default one hour. */
  ttlMs?: number;
  /** Built-in scenarios a session may start from. */
  catalog?: ScenarioCatalog;
  /** Wall time in milliseconds since epoch (tests inject one): idleness is real time, not a state's clock. */
  now?: () => number;
}

interface Entry {
  state: MockState;
  createdAt: number;
  lastUsedAt: number;
}

/** Creates the {@link Sessions} of a mock around its default state. */
export function createSessions(defaultState: MockState, options: SessionOptions = {}): Sessions {
  const maxSessions = options.maxSessions ?? 64;
  const ttlMs = options.ttlMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  const sessions = new Map<string, Entry>();
  const names = new WeakMap<MockState, string>();
  const creating = new Map<string, Promise<{ ok: true; value: SessionInfo } | { ok: false; error: SessionError }>>();
  const iso = (ms: number) => new Date(ms).toISOString();

  const info = (name: string, e: Entry): SessionInfo => ({
    name,
    scenario: e.state.loadedScenario().name,
    events: e.state.store.eventCount(),
    createdAt: iso(e.createdAt),
    lastUsedAt: iso(e.lastUsedAt),
    expiresAt: iso(e.lastUsedAt + ttlMs),
  });

  /** Drops the sessions idle for longer than the TTL. */
  function sweep(): void {
    const t = now();
    for (const [name, e] of sessions) if (t - e.lastUsedAt > ttlMs) sessions.delete(name);
  }

  function badName(name: string): SessionError | undefined {
    if (!SESSION_NAME.test(name)) return stateErrors.invalidField('X-Mock-Session', 'must be a plain name: letters, digits, _ and -, 1–64 characters, starting with a letter or digit', name);
    return undefined;
  }

  async function make(name: string, scenario: string | undefined) {
    sweep();
    if (sessions.size + creating.size >= maxSessions) {
      const oldest = Math.min(...[...sessions.values()].map((e) => e.lastUsedAt));
      const retryAfter = Math.max(1, Math.ceil((oldest + ttlMs - now()) / 1000));
      return {
        ok: false as const,
        error: {
          code: 'TOO_MANY_SESSIONS' as const,
          message: `The mock already holds ${maxSessions} sessions (--max-sessions); delete one (DELETE /__admin/sessions/{name}) or wait ${retryAfter} s for an idle one to expire.`,
          details: { maxSessions, retryAfter },
        },
      };
    }
    let state: MockState;
    if (scenario === undefined) state = await defaultState.fork();
    else {
      const found = options.catalog?.load(scenario) ?? { ok: false as const, message: '' };
      if (!found.ok) return { ok: false as const, error: stateErrors.unknownScenario(scenario, options.catalog?.names() ?? []) };
      state = await createMockState({ scenario: found.scenario, ...(options.catalog ? { catalog: options.catalog } : {}), rateLimit: defaultState.options.rateLimit, atsRequireCompanyId: defaultState.options.atsRequireCompanyId });
    }
    names.set(state, name);
    const t = now();
    const entry = { state, createdAt: t, lastUsedAt: t };
    sessions.set(name, entry);
    return { ok: true as const, value: info(name, entry) };
  }

  /** Creates `name` once, even when several requests name it at the same moment. */
  function once(name: string, scenario: string | undefined) {
    const pending = creating.get(name);
    if (pending) return pending;
    const made = make(name, scenario).finally(() => creating.delete(name));
    creating.set(name, made);
    return made;
  }

  return {
    defaultState,
    async resolve(name) {
      if (name === undefined || name === DEFAULT_SESSION) return { ok: true, state: defaultState };
      const bad = badName(name);
      if (bad) return { ok: false, error: bad };
      sweep();
      let entry = sessions.get(name);
      if (!entry) {
        const made = await once(name, undefined);
        if (!made.ok) return made;
        entry = sessions.get(name)!;
      }
      entry.lastUsedAt = now();
      return { ok: true, state: entry.state };
    },
    async create(name, scenario) {
      const bad = name === DEFAULT_SESSION ? stateErrors.conflict('"default" is the mock\'s own state; name the session otherwise', { name }) : badName(name);
      if (bad) return { ok: false, error: bad };
      sweep();
      if (sessions.has(name) || creating.has(name)) return { ok: false, error: stateErrors.conflict(`A session named "${name}" exists`, { name }) };
      return once(name, scenario);
    },
    remove(name) {
      sweep();
      const entry = sessions.get(name);
      if (!entry) return { ok: false, error: stateErrors.notFound('session', name) };
      sessions.delete(name);
      return { ok: true, value: info(name, entry) };
    },
    list() {
      sweep();
      return [...sessions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, e]) => info(name, e));
    },
    nameOf: (state) => names.get(state) ?? null,
  };
}
