import type { MockApp } from '../createApp.ts';
import type { Scenario } from '../store/applyScenario.ts';

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

const ACME = '11111111-1111-4111-8111-111111111111';
const GLOBEX = '22222222-2222-4222-8222-222222222222';
const INITECH = '33333333-3333-4333-8333-333333333333';
const UMBRELLA = '44444444-4444-4444-8444-444444444444';
const STARK = '66666666-6666-4666-8666-666666666666';
const TALENTBRIDGE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

/**
 * The world every contract state starts from: the DESIGN §4 keys and companies, the clock frozen at
 * 2024-01-31T10:30:00Z (so "the last 30 days" is 2024-01-01T10:30Z – 2024-01-31T10:30Z), and a few
 * hand-written January 2024 events: two cost keys, an interview with two events, whole-number
 * quantities (a provider may send `120` for 120.0), a credits company and a company without usage.
 */
export const CONTRACT_SCENARIO: Scenario = {
  name: 'pact-provider-states',
  description: 'Entities of DESIGN §4 with fixed January 2024 usage, for Pact provider states (contracts/).',
  clock: { mode: 'frozen', now: '2024-01-31T10:30:00Z' },
  atsIntegrations: [{ id: TALENTBRIDGE, name: 'TalentBridge' }],
  companies: [
    { id: ACME, name: 'Acme Minutes s.r.o.', billingSystem: 'minutes' },
    { id: GLOBEX, name: 'Globex Credits a.s.', billingSystem: 'credits' },
    { id: INITECH, name: 'Initech', billingSystem: 'minutes', atsIntegrationId: TALENTBRIDGE },
    { id: UMBRELLA, name: 'Umbrella Staffing', billingSystem: 'credits', atsIntegrationId: TALENTBRIDGE },
    { id: STARK, name: 'Stark Recruiting', billingSystem: 'minutes', atsIntegrationId: TALENTBRIDGE },
  ],
  apiKeys: [
    { key: 'sk_test_regular_minutes', type: 'regular', companyId: ACME },
    { key: 'sk_test_regular_credits', type: 'regular', companyId: GLOBEX },
    { key: 'sk_test_ats_mixed', type: 'ats', atsIntegrationId: TALENTBRIDGE },
    { key: 'sk_test_no_billing_scope', type: 'regular', companyId: ACME, scopes: ['read:companies'] },
    { key: 'sk_test_revoked', type: 'regular', companyId: ACME, status: 'revoked' },
    { key: 'sk_test_suspended', type: 'regular', companyId: ACME, status: 'suspended' },
  ],
  usageEvents: [
    { companyId: ACME, interviewId: 'a0000000-0000-4000-8000-000000000001', occurredAt: '2024-01-10T09:00:00Z', minutes: 12.5 },
    { companyId: ACME, interviewId: 'a0000000-0000-4000-8000-000000000001', costKey: 'language_test_minutes', occurredAt: '2024-01-10T09:20:00Z', minutes: 4.25 },
    { companyId: ACME, occurredAt: '2024-01-20T14:00:00Z', minutes: 30 },
    { companyId: GLOBEX, occurredAt: '2024-01-12T08:00:00Z', minutes: 18, credits: 3.5 },
    { companyId: GLOBEX, occurredAt: '2024-01-18T11:00:00Z', minutes: 42.5, credits: 10 },
    { companyId: GLOBEX, occurredAt: '2024-01-22T16:00:00Z', minutes: 6, credits: 2.125, costKey: 'screening_credits' },
    { companyId: INITECH, occurredAt: '2024-01-08T10:00:00Z', minutes: 120 },
    { companyId: INITECH, occurredAt: '2024-01-16T10:00:00Z', minutes: 15.25, costKey: 'language_test_minutes' },
    { companyId: UMBRELLA, occurredAt: '2024-01-09T12:00:00Z', minutes: 35, credits: 60.5 },
  ],
};

/** Loads {@link CONTRACT_SCENARIO} afresh (clock, keys, events, no faults) and returns `values`. */
function fresh(values: Record<string, unknown> = {}): ProviderStateHandler {
  return (mock) => {
    const problems = mock.loadScenario(CONTRACT_SCENARIO);
    if (problems.length > 0) throw new Error(`The contract scenario does not apply: ${problems.map((p) => `${p.pointer}: ${p.message}`).join('; ')}`);
    return { ...values };
  };
}

/**
 * The provider states the mock knows, keyed by the exact sentence the consumer passes to `given(...)`
 * (contracts/consumer/*.pact.test.ts). Each handler reloads {@link CONTRACT_SCENARIO} first and
 * returns what the state's `fromProviderState` expressions read.
 */
export const PROVIDER_STATES: Record<string, ProviderStateHandler> = {
  'a regular key of a minutes-billed company with usage in the last 30 days': fresh(),
  'a regular key of a credits-billed company with usage in the last 30 days': fresh(),
  'an ATS key managing a minutes-billed company and a credits-billed company, both with usage in the last 30 days': fresh(),
  // The request's companyId comes from here (the consumer's example id exists nowhere).
  'an ATS key managing a minutes-billed company with usage in the last 30 days': fresh({ companyId: INITECH }),
  // The request's start and end come from here: a period holding Globex's events of 18 and 22 January.
  'a regular key of a credits-billed company with usage in a known period': fresh({ start: '2024-01-15T00:00:00Z', end: '2024-01-25T00:00:00Z' }),
  'a regular key of a minutes-billed company with no usage in January 2001': fresh(),
  'the billing API requires an API key': fresh(),
  'an API key that was never issued': fresh(),
  'a regular key without the read:billing scope': fresh(),
  'a regular key of a minutes-billed company': fresh(),
  'an ATS key that does not manage the requested company': fresh(),
};

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
  const handler = Object.hasOwn(PROVIDER_STATES, state) ? PROVIDER_STATES[state] : undefined;
  if (!handler) return { ok: false, message: `Unknown provider state "${state}". Known states: ${Object.keys(PROVIDER_STATES).map((s) => `"${s}"`).join(', ') || 'none'}.` };
  return { ok: true, params: handler(mock, body?.params ?? {}) };
}
