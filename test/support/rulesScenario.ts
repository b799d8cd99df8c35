import type { Scenario } from '../../mock/state/types.ts';

/**
 * A small hand-made scenario whose every number the HTTP tests work out by hand from DESIGN §3.
 * Clock frozen at 2024-03-01T12:00:00Z, so the default period is [2024-01-31T12:00Z, 2024-03-01T12:00Z).
 */
export const IDS = {
  alphaAts: 'a0000000-0000-4000-8000-000000000001',
  soloAts: 'a0000000-0000-4000-8000-000000000002',
  initech: '33333333-3333-4333-8333-333333333333',
  umbrella: '44444444-4444-4444-8444-444444444444',
  stark: '66666666-6666-4666-8666-666666666666',
  wayne: '77777777-7777-4777-8777-777777777777',
  acme: '11111111-1111-4111-8111-111111111111',
  globex: '22222222-2222-4222-8222-222222222222',
  i1: 'b0000000-0000-4000-8000-000000000001',
  i2: 'b0000000-0000-4000-8000-000000000002',
  i3: 'b0000000-0000-4000-8000-000000000003',
  i4: 'b0000000-0000-4000-8000-000000000004',
};

const GENERIC = { baseCost: 2, includedMinutes: 10, costPerMinute: 0.35 };

export const rulesScenario: Scenario = {
  name: 'rules',
  description: 'Hand-made data for the HTTP tests',
  clock: { mode: 'frozen', now: '2024-03-01T12:00:00Z' },
  atsIntegrations: [
    { id: IDS.alphaAts, name: 'Alpha ATS' },
    { id: IDS.soloAts, name: 'Solo ATS' },
  ],
  companies: [
    { id: IDS.umbrella, name: 'Umbrella', billingSystem: 'credits', atsIntegrationId: IDS.alphaAts },
    { id: IDS.initech, name: 'Initech', billingSystem: 'minutes', atsIntegrationId: IDS.alphaAts },
    { id: IDS.stark, name: 'Stark', billingSystem: 'minutes', atsIntegrationId: IDS.alphaAts },
    { id: IDS.wayne, name: 'Wayne', billingSystem: 'minutes', atsIntegrationId: IDS.soloAts },
    { id: IDS.acme, name: 'Acme', billingSystem: 'minutes' },
    { id: IDS.globex, name: 'Globex', billingSystem: 'credits', pricing: { GENERIC } },
  ],
  apiKeys: [
    { key: 'sk_test_ats', type: 'ats', atsIntegrationId: IDS.alphaAts },
    { key: 'sk_test_solo', type: 'ats', atsIntegrationId: IDS.soloAts },
    { key: 'sk_test_acme', type: 'regular', companyId: IDS.acme },
    { key: 'sk_test_globex', type: 'regular', companyId: IDS.globex },
    { key: 'sk_test_noscope', type: 'regular', companyId: IDS.acme, scopes: ['read:jobs'] },
    { key: 'sk_test_revoked', type: 'regular', companyId: IDS.acme, status: 'revoked' },
    { key: 'sk_test_expired', type: 'regular', companyId: IDS.acme, expiresAt: '2024-02-01T00:00:00Z' },
    { key: 'sk_test_expires_now', type: 'regular', companyId: IDS.acme, expiresAt: '2024-03-01T12:00:00Z' },
    { key: 'sk_test_expires_later', type: 'regular', companyId: IDS.acme, expiresAt: '2024-03-01T12:00:00.001Z' },
    { key: 'sk_test_suspended', type: 'regular', companyId: IDS.acme, status: 'suspended' },
    { key: 'sk_test_tiny_plan', type: 'regular', companyId: IDS.acme, scopes: ['read:jobs'], plan: { perMinute: 2, perHour: 3 } },
    { key: 'sk_test_trial', type: 'regular', companyId: IDS.acme, plan: 'trial' },
  ],
  usageEvents: [
    // Acme (minutes): three 0.1-minute interviews, one of them with a second event under ai_analysis; one test event.
    { companyId: IDS.acme, interviewId: IDS.i1, occurredAt: '2024-02-10T00:00:00Z', minutes: 0.1 },
    { companyId: IDS.acme, interviewId: IDS.i2, occurredAt: '2024-02-10T01:00:00Z', minutes: 0.1 },
    { companyId: IDS.acme, interviewId: IDS.i3, occurredAt: '2024-02-10T02:00:00Z', minutes: 0.1 },
    { companyId: IDS.acme, interviewId: IDS.i3, occurredAt: '2024-02-11T00:00:00Z', minutes: 5, costKey: 'ai_analysis' },
    { companyId: IDS.acme, interviewId: IDS.i4, occurredAt: '2024-02-12T00:00:00Z', minutes: 100, isTest: true },
    // Globex (credits): one event priced by rule (2 + 0.35 × 2.5 = 2.875), one with explicit credits.
    { companyId: IDS.globex, occurredAt: '2024-02-05T10:00:00Z', minutes: 12.5 },
    { companyId: IDS.globex, occurredAt: '2024-02-06T10:00:00Z', minutes: 3, credits: 1.5 },
    // Alpha ATS: Initech (minutes) one interview with two events; Umbrella (credits) two interviews.
    { companyId: IDS.initech, interviewId: IDS.i1, occurredAt: '2024-02-15T00:00:00Z', minutes: 10.25 },
    { companyId: IDS.initech, interviewId: IDS.i1, occurredAt: '2024-02-15T00:30:00Z', minutes: 2.5, costKey: 'ai_analysis' },
    { companyId: IDS.umbrella, occurredAt: '2024-02-16T00:00:00Z', minutes: 20, credits: 7.5 },
    { companyId: IDS.umbrella, occurredAt: '2024-02-17T00:00:00Z', minutes: 1, credits: 0.25, costKey: 'ai_analysis' },
    // Solo ATS: Wayne (minutes).
    { companyId: IDS.wayne, occurredAt: '2024-02-20T00:00:00Z', minutes: 1 },
  ],
};
