import type { Scenario } from '../../mock/state/types.ts';
import type { MockState } from '../../mock/state/createMockState.ts';
import { startMockServer, type StartMockServerOptions } from '../../mock/startMockServer.ts';
import { builtInScenarioCatalog } from '../../src/cli/resolveScenarioArgument.ts';

/** A mock listening on 127.0.0.1 on a free port, for one test file. */
export interface TestMock {
  /** The mock's state, for commands in-process (`state.execute({ type: 'replaceState', scenario })`). */
  state: MockState;
  baseUrl: string;
  /** GET `path` with an optional API key; returns status, headers and parsed JSON body. */
  get(path: string, apiKey?: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** Calls the control plane (`/__admin` + `path`) with a JSON body (and its Content-Type on every state-changing call). */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Reads a built-in scenario by name, throwing (a test set-up error) when it is invalid. */
export function builtInScenario(name: string): Scenario {
  const loaded = builtInScenarioCatalog().load(name);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.scenario;
}

/**
 * Starts the mock with strict response validation: an answer that does not match the spec becomes a
 * 500, and `close()` throws if any answer failed validation.
 */
export async function startMock(scenario: string | Scenario, init: Omit<StartMockServerOptions, 'scenario'> = {}): Promise<TestMock> {
  const server = await startMockServer({
    scenario: typeof scenario === 'string' ? builtInScenario(scenario) : scenario,
    catalog: builtInScenarioCatalog(),
    ...init,
    validateResponses: init.validateResponses ?? 'strict',
  });
  return {
    state: server.state,
    baseUrl: server.url,
    async get(path, apiKey, headers = {}) {
      const res = await fetch(`${server.url}${path}`, { headers: { ...(apiKey === undefined ? {} : { Authorization: `Bearer ${apiKey}` }), ...headers } });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    },
    async admin(method, path, body) {
      const changes = !['GET', 'HEAD'].includes(method.toUpperCase());
      const res = await fetch(`${server.url}/__admin${path}`, {
        method,
        headers: changes || body !== undefined ? { 'Content-Type': 'application/json' } : {},
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await server.close();
      const { count, recent } = server.app.check.mismatches();
      if (count > 0) throw new Error(`The mock sent ${count} answers that do not match the spec:\n${JSON.stringify(recent, null, 2)}`);
    },
  };
}
