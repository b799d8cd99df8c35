import type { MockApp } from '../createApp.ts';

/**
 * The body of Pact's state-change call (`POST /__admin/provider-states`): the consumer's `given(...)`
 * sentence, its parameters, and whether to set it up or tear it down.
 */
export interface ProviderStateRequest {
  state?: string;
  params?: Record<string, unknown>;
  action?: 'setup' | 'teardown';
}

/** Sets a provider state up and returns the values it offers to `fromProviderState` expressions. */
export type ProviderStateHandler = (mock: MockApp, params: Record<string, unknown>) => Record<string, unknown>;

/**
 * The provider states the mock knows, keyed by the exact sentence the consumer passes to `given(...)`.
 * Filled in by the Pact contracts (contracts/); each handler resets to a known scenario first.
 */
export const PROVIDER_STATES: Record<string, ProviderStateHandler> = {};

/**
 * Applies a state-change request: `teardown` does nothing (each setup starts from a reset);
 * `setup` (the default) runs the handler of `state`.
 * @returns the handler's values for `fromProviderState`, or a message naming the unknown state.
 */
export function applyProviderState(mock: MockApp, body: ProviderStateRequest | undefined): { ok: true; params: Record<string, unknown> } | { ok: false; message: string } {
  if (body?.action === 'teardown') return { ok: true, params: {} };
  const state = body?.state;
  if (state === undefined) {
    mock.loadScenario(mock.currentScenario());
    return { ok: true, params: {} };
  }
  const handler = PROVIDER_STATES[state];
  if (!handler) return { ok: false, message: `Unknown provider state "${state}". Known states: ${Object.keys(PROVIDER_STATES).map((s) => `"${s}"`).join(', ') || 'none'}.` };
  return { ok: true, params: handler(mock, body?.params ?? {}) };
}
