import type { HttpHandler } from 'msw';
import { parseInstant } from '../../src/billing/parseInstant.ts';
import type { CommandResult, MockCommand, StateSummary } from '../state/commands.ts';
import { createMockState, type MockState, type ScenarioCatalog } from '../state/createMockState.ts';
import type { Scenario } from '../state/types.ts';
import { bundledScenarioCatalog } from './bundledScenarioCatalog.ts';
import { createBillingMockControls, type BillingMockControls } from './createBillingMockControls.ts';
import { createUsageHandlers } from './createUsageHandlers.ts';

/** How {@link createBillingMock} sets up the mock; every field is optional. DESIGN §10. */
export interface BillingMockOptions {
  /** A built-in scenario's name (`default`, `seed-examples`, `edge-cases`, `empty-period`, `ats-mixed-large`) or a scenario document (DESIGN §7). Default `default`. */
  scenario?: string | Scenario;
  /** Freezes the clock at this instant for the first scenario, as `--now`: an ISO 8601 instant, milliseconds since epoch, or a `Date`. */
  now?: string | number | Date;
  /** Answer only under this base URL, e.g. `https://api.instaview.sk/v1` or `http://localhost:4010` (as `createBillingClient`'s); default any origin. */
  baseUrl?: string;
  /** Seed of generated data and fault error rates, as `--seed`. */
  seed?: number;
  /** 429s when a key's window is full, as `--rate-limit`. */
  rateLimit?: boolean;
  /** ATS keys must pass `companyId`, as `--ats-require-company-id`. */
  atsRequireCompanyId?: boolean;
  /** Allowed CORS origin(s), comma-separated, as `--cors-origin`; default any. */
  corsOrigin?: string;
  /** Where `loadScenario` finds scenarios by name; default the built-in ones, carried as data. */
  catalog?: ScenarioCatalog;
}

/**
 * An in-process billing mock for MSW: `handlers` to pass to `setupServer` (Node) or `setupWorker`
 * (browser), the {@link MockState} they answer from, and the control plane's operations as methods
 * (each one command on the state, answering `{ ok: true, value }` or `{ ok: false, error }` as the
 * `/__admin` routes do). DESIGN §6, §10.
 */
export interface BillingMock extends BillingMockControls {
  /** MSW handlers of `/billing/usage` and `/v1/billing/usage` (any method, so a wrong one gets its 405). */
  readonly handlers: HttpHandler[];
  /** The state the handlers answer from (`state.store`, `state.clockState()`, …); change it through the methods. */
  readonly state: MockState;
}

/** The instant `now` names, in milliseconds since epoch. @throws Error naming the value when it is not an instant. */
function nowMsOf(now: string | number | Date): number {
  if (now instanceof Date) {
    if (Number.isNaN(now.getTime())) throw new Error('createBillingMock: now is an Invalid Date');
    return now.getTime();
  }
  if (typeof now === 'number') {
    if (!Number.isFinite(now)) throw new Error(`createBillingMock: now ${now} is not milliseconds since epoch`);
    return now;
  }
  const at = parseInstant(now);
  if (!at.ok) throw new Error(`createBillingMock: now "${now}" ${at.reason}; use an ISO 8601 instant such as 2024-01-31T10:30:00Z`);
  return at.ms;
}

/**
 * Creates an in-process billing mock whose MSW handlers answer exactly as the HTTP mock does for the same
 * scenario and clock (DESIGN §10): they call the same `handleApiRequest` over a {@link MockState}, so auth
 * order, errors, envelope, headers and billing rules are one implementation. Async because loading a
 * scenario is (it generates events in slices); await it before `setupServer(...mock.handlers)` or
 * `setupWorker(...mock.handlers).start()`.
 * @example
 * const mock = await createBillingMock({ scenario: 'seed-examples' });
 * const server = setupServer(...mock.handlers);
 * @throws Error naming the problem when `scenario` is an unknown name or does not apply, or `now` is not an instant.
 */
export async function createBillingMock(options: BillingMockOptions = {}): Promise<BillingMock> {
  const catalog = options.catalog ?? bundledScenarioCatalog();
  let scenario = options.scenario ?? 'default';
  if (typeof scenario === 'string') {
    const found = catalog.load(scenario);
    if (!found.ok) throw new Error(`createBillingMock: ${found.message}`);
    scenario = found.scenario;
  }
  const state = await createMockState({
    scenario,
    catalog,
    ...(options.now === undefined ? {} : { nowMs: nowMsOf(options.now) }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    rateLimit: options.rateLimit ?? false,
    atsRequireCompanyId: options.atsRequireCompanyId ?? false,
  });
  const handlers = createUsageHandlers(state, {
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.corsOrigin === undefined ? {} : { corsOrigin: options.corsOrigin }),
  });
  return { handlers, state, ...createBillingMockControls(state, catalog) };
}

export type { CommandResult, MockCommand, StateSummary };
