import type { Scenario } from './types.ts';

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

/**
 * The provider states the mock knows, keyed by the exact sentence the consumer passes to `given(...)`
 * (contracts/consumer/*.pact.test.ts), each with the values its `fromProviderState` expressions read.
 * Setting any of them up loads {@link CONTRACT_SCENARIO} afresh (clock, keys, events, no faults).
 */
export const PROVIDER_STATES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'a regular key of a minutes-billed company with usage in the last 30 days': {},
  'a regular key of a credits-billed company with usage in the last 30 days': {},
  'an ATS key managing a minutes-billed company and a credits-billed company, both with usage in the last 30 days': {},
  // The request's companyId comes from here (the consumer's example id exists nowhere).
  'an ATS key managing a minutes-billed company with usage in the last 30 days': { companyId: INITECH },
  // The request's start and end come from here: a period holding Globex's events of 18 and 22 January.
  'a regular key of a credits-billed company with usage in a known period': { start: '2024-01-15T00:00:00Z', end: '2024-01-25T00:00:00Z' },
  'a regular key of a minutes-billed company with no usage in January 2001': {},
  'the billing API requires an API key': {},
  'an API key that was never issued': {},
  'a regular key without the read:billing scope': {},
  'a regular key of a minutes-billed company': {},
  'an ATS key that does not manage the requested company': {},
};
