import type { Logger } from 'pino';
import { parseInstant } from '../src/billing/parseInstant.ts';
import { builtInScenarioCatalog } from './builtInScenarioCatalog.ts';
import { createApp, type MockApp } from './createApp.ts';
import { listen } from './listen.ts';
import type { ScenarioSource } from './state/buildStore.ts';
import { createMockState, type MockState, type ScenarioCatalog } from './state/createMockState.ts';
import type { SessionOptions } from './state/createSessions.ts';
import type { Scenario } from './state/types.ts';

/** How {@link startMockServer} starts a mock; everything is optional but the scenario's source. */
export interface StartMockServerOptions {
  /** The scenario to load: a scenario document, or a built-in name resolved through `catalog`. Default `default`. */
  scenario?: Scenario | ScenarioSource | string;
  /** Finds built-in scenarios by name (for a name in `scenario` and for `POST /__admin/scenarios/{name}/load`); default the files of mock/scenarios/. */
  catalog?: ScenarioCatalog;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Address to bind; default `127.0.0.1`. */
  host?: string;
  /** Seed of generated data and fault error rates (`--seed`). */
  seed?: number;
  /** Freeze the clock at this instant for the first scenario: an ISO 8601 instant or milliseconds since epoch (`--now`). */
  now?: string | number;
  /** 429s when a key's window is full (`--rate-limit`). */
  rateLimit?: boolean;
  /** ATS keys must pass `companyId` (`--ats-require-company-id`). */
  atsRequireCompanyId?: boolean;
  /** Allowed CORS origins of the API paths (`--cors-origin`); default any. */
  corsOrigin?: string;
  /** `X-Admin-Token` the control plane then requires (`--admin-token`). */
  adminToken?: string;
  /** More `Host` names the control plane accepts (`--allowed-hosts`). */
  allowedHosts?: readonly string[];
  /** The mock's own response check: `log` (default), `strict` (a mismatch becomes a 500) or `off`. */
  validateResponses?: 'off' | 'log' | 'strict';
  /** Request log lines (pino); silent by default. */
  logger?: Logger;
  /** How many requests `GET /__admin/requests` keeps (DESIGN §12); default 1 000. */
  journalCapacity?: number;
  /** How sessions (`X-Mock-Session`, DESIGN §11) are bounded: `maxSessions` (64), `ttlMs` (one hour). */
  sessions?: SessionOptions;
}

/** A running mock: its base URL, its state (for commands in-process) and a way to stop it. */
export interface RunningMockServer {
  /** e.g. `http://127.0.0.1:43567`. */
  url: string;
  port: number;
  state: MockState;
  app: MockApp;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/**
 * Starts the stateful mock on a port for a test suite (DESIGN §10 `instaview-billing-toolkit/server`):
 * `const mock = await startMockServer({ scenario: 'seed-examples', port: 0 }); … await mock.close()`.
 * @throws Error naming the problem when `scenario` is an unknown name or does not apply, `now` is not
 * an instant, or the port cannot be bound.
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const catalog = options.catalog ?? builtInScenarioCatalog();
  let scenario = options.scenario ?? 'default';
  if (typeof scenario === 'string') {
    const found = catalog.load(scenario);
    if (!found.ok) throw new Error(`startMockServer: ${found.message}`);
    scenario = found.scenario;
  }
  let nowMs: number | undefined;
  if (typeof options.now === 'string') {
    const at = parseInstant(options.now);
    if (!at.ok) throw new Error(`startMockServer: now "${options.now}" ${at.reason}`);
    nowMs = at.ms;
  } else nowMs = options.now;
  const state = await createMockState({
    scenario,
    catalog,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(nowMs === undefined ? {} : { nowMs }),
    rateLimit: options.rateLimit ?? false,
    atsRequireCompanyId: options.atsRequireCompanyId ?? false,
    ...(options.journalCapacity === undefined ? {} : { journalCapacity: options.journalCapacity }),
  });
  const app = createApp({
    state,
    catalog,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.corsOrigin ? { corsOrigin: options.corsOrigin } : {}),
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    validateResponses: options.validateResponses ?? 'log',
    ...(options.sessions ? { sessions: options.sessions } : {}),
  });
  const running = await listen(app, { port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return { url: running.baseUrl, port: running.port, state, app, close: () => running.close() };
}
