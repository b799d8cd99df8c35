import { createApp, type CreateAppOptions, type MockApp } from '../../mock/createApp.ts';
import { listen } from '../../mock/listen.ts';
import type { Scenario } from '../../mock/store/applyScenario.ts';
import { builtInScenarioCatalog, resolveScenarioArgument } from '../../src/cli/resolveScenarioArgument.ts';

/** A mock listening on 127.0.0.1 on a free port, for one test file. */
export interface TestMock {
  mock: MockApp;
  baseUrl: string;
  /** GET `path` with an optional API key; returns status, headers and parsed JSON body. */
  get(path: string, apiKey?: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** Calls the control plane with a JSON body. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Reads a built-in scenario by name, throwing (a test set-up error) when it is invalid. */
export function builtInScenario(name: string): Scenario {
  const resolved = resolveScenarioArgument(name);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.scenario;
}

/**
 * Starts the mock with strict response validation: an answer that does not match the spec becomes a
 * 500, and `close()` throws if any answer failed validation.
 */
export async function startMock(scenario: string | Scenario, init: Omit<CreateAppOptions, 'scenario'> = {}): Promise<TestMock> {
  const mock = createApp({
    scenario: typeof scenario === 'string' ? builtInScenario(scenario) : scenario,
    ...builtInScenarioCatalog(),
    ...init,
    options: { validateResponses: 'strict', ...init.options },
  });
  const running = await listen(mock, { port: 0, host: '127.0.0.1' });
  return {
    mock,
    baseUrl: running.baseUrl,
    async get(path, apiKey, headers = {}) {
      const res = await fetch(`${running.baseUrl}${path}`, { headers: { ...(apiKey === undefined ? {} : { Authorization: `Bearer ${apiKey}` }), ...headers } });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    },
    async admin(method, path, body) {
      const res = await fetch(`${running.baseUrl}/__admin${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await running.close();
      if (mock.ctx.responseIssues.length > 0) {
        throw new Error(`The mock sent answers that do not match the spec:\n${JSON.stringify(mock.ctx.responseIssues, null, 2)}`);
      }
    },
  };
}
