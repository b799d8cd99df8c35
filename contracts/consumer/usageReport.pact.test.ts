import { MatchersV3 } from '@pact-foundation/pact';
import { afterAll, describe, expect, it } from 'vitest';
import { createBillingClient } from '../../src/client/index.ts';
import { createBillingPact } from './createBillingPact.ts';
import { bearer, costKey, creditsCompany, JSON_CONTENT_TYPE, minutesCompany, successEnvelope, uuid, zero } from './usageMatchers.ts';

const { arrayContaining, fromProviderState, integer, number, eachLike } = MatchersV3;
const { pact, cleanup } = createBillingPact();
afterAll(cleanup);

/** The client the dashboard uses, pointed at Pact's mock server. */
const clientFor = (baseUrl: string, apiKey?: string) => createBillingClient({ baseUrl, ...(apiKey === undefined ? {} : { apiKey }) });

describe('GET /billing/usage: usage reports (consumer billing-dashboard)', () => {
  it('shows the last 30 days of a minutes-billed company', async () => {
    await pact
      .addInteraction()
      .given('a regular key of a minutes-billed company with usage in the last 30 days')
      .uponReceiving('a request for the last 30 days with a regular key of a minutes-billed company')
      .withRequest('GET', '/billing/usage', (req) => req.headers(bearer('sk_test_regular_minutes')))
      .willRespondWith(200, (res) =>
        res.headers(JSON_CONTENT_TYPE).jsonBody(
          successEnvelope({
            companies: [minutesCompany()],
            totalMinutesUsed: number(245.5),
            totalInterviews: integer(42),
            breakdownByCostKey: eachLike({ costKey: costKey(), events: integer(42), minutesUsed: number(245.5) }),
          }),
        ),
      )
      .executeTest(async (server) => {
        const { data, error } = await clientFor(server.url, 'sk_test_regular_minutes').getUsage();
        expect(error).toBeUndefined();
        expect(data?.companies).toHaveLength(1);
        expect(data?.companies[0]?.billingSystem).toBe('minutes');
        expect(data?.totalMinutesUsed).toBe(245.5);
      });
  });

  it('shows the last 30 days of a credits-billed company', async () => {
    await pact
      .addInteraction()
      .given('a regular key of a credits-billed company with usage in the last 30 days')
      .uponReceiving('a request for the last 30 days with a regular key of a credits-billed company')
      .withRequest('GET', '/billing/usage', (req) => req.headers(bearer('sk_test_regular_credits')))
      .willRespondWith(200, (res) =>
        res.headers(JSON_CONTENT_TYPE).jsonBody(
          successEnvelope({
            companies: [creditsCompany()],
            totalCreditsUsed: number(612.5),
            totalInterviews: integer(42),
            breakdownByCostKey: eachLike({ costKey: costKey(), events: integer(42), creditsUsed: number(612.5) }),
          }),
        ),
      )
      .executeTest(async (server) => {
        const { data } = await clientFor(server.url, 'sk_test_regular_credits').getUsage();
        expect(data?.companies[0]?.billingSystem).toBe('credits');
        expect(data?.totalCreditsUsed).toBe(612.5);
        expect(data?.totalMinutesUsed).toBeUndefined();
      });
  });

  it('shows an ATS integration billed in both systems, with both totals and a two-unit bucket', async () => {
    await pact
      .addInteraction()
      .given('an ATS key managing a minutes-billed company and a credits-billed company, both with usage in the last 30 days')
      .uponReceiving('a request for the last 30 days with an ATS key managing companies billed in minutes and in credits')
      .withRequest('GET', '/billing/usage', (req) => req.headers(bearer('sk_test_ats_mixed')))
      .willRespondWith(200, (res) =>
        res.headers(JSON_CONTENT_TYPE).jsonBody(
          successEnvelope({
            companies: arrayContaining(minutesCompany(uuid('33333333-3333-4333-8333-333333333333')), creditsCompany(uuid('44444444-4444-4444-8444-444444444444'))),
            totalMinutesUsed: number(120),
            totalCreditsUsed: number(60.5),
            totalInterviews: integer(30),
            breakdownByCostKey: arrayContaining({ costKey: costKey(), events: integer(30), minutesUsed: number(120), creditsUsed: number(60.5) }),
          }),
        ),
      )
      .executeTest(async (server) => {
        const { data } = await clientFor(server.url, 'sk_test_ats_mixed').getUsage();
        expect(data?.companies.map((c) => c.billingSystem).sort()).toEqual(['credits', 'minutes']);
        expect(data?.totalMinutesUsed).toBe(120);
        expect(data?.totalCreditsUsed).toBe(60.5);
        expect(data?.breakdownByCostKey[0]).toMatchObject({ minutesUsed: 120, creditsUsed: 60.5 });
      });
  });

  it('narrows an ATS report to one managed company with companyId', async () => {
    await pact
      .addInteraction()
      .given('an ATS key managing a minutes-billed company with usage in the last 30 days')
      .uponReceiving('a request for one managed company by companyId with an ATS key')
      .withRequest('GET', '/billing/usage', (req) =>
        req.headers(bearer('sk_test_ats_mixed')).query({ companyId: fromProviderState('${companyId}', 'd2f5c8a1-6b3e-4c7d-9e0f-1a2b3c4d5e6f') }),
      )
      .willRespondWith(200, (res) =>
        res.headers(JSON_CONTENT_TYPE).jsonBody(
          successEnvelope({
            companies: [minutesCompany(uuid('d2f5c8a1-6b3e-4c7d-9e0f-1a2b3c4d5e6f'))],
            totalMinutesUsed: number(120),
            totalInterviews: integer(20),
            breakdownByCostKey: eachLike({ costKey: costKey(), events: integer(20), minutesUsed: number(120) }),
          }),
        ),
      )
      .executeTest(async (server) => {
        const companyId = 'd2f5c8a1-6b3e-4c7d-9e0f-1a2b3c4d5e6f';
        const { data } = await clientFor(server.url, 'sk_test_ats_mixed').getUsage({ companyId });
        expect(data?.companies).toHaveLength(1);
        expect(data?.companies[0]?.companyId).toBe(companyId);
      });
  });

  it('asks for an explicit period with start and end', async () => {
    const start = new Date('2024-01-01T00:00:00.000Z');
    const end = new Date('2024-01-31T00:00:00.000Z');
    await pact
      .addInteraction()
      .given('a regular key of a credits-billed company with usage in a known period')
      .uponReceiving('a request for an explicit period (start and end) with a regular key of a credits-billed company')
      .withRequest('GET', '/billing/usage', (req) =>
        req.headers(bearer('sk_test_regular_credits')).query({
          start: fromProviderState('${start}', start.toISOString()),
          end: fromProviderState('${end}', end.toISOString()),
        }),
      )
      .willRespondWith(200, (res) =>
        res.headers(JSON_CONTENT_TYPE).jsonBody(
          successEnvelope({
            companies: [creditsCompany()],
            totalCreditsUsed: number(612.5),
            totalInterviews: integer(42),
            breakdownByCostKey: eachLike({ costKey: costKey(), events: integer(42), creditsUsed: number(612.5) }),
          }),
        ),
      )
      .executeTest(async (server) => {
        const { data } = await clientFor(server.url, 'sk_test_regular_credits').getUsage({ start, end });
        expect(data?.companies[0]?.billingSystem).toBe('credits');
      });
  });

  it('shows a company with no usage in the period as zero totals and an empty breakdown', async () => {
    await pact
      .addInteraction()
      .given('a regular key of a minutes-billed company with no usage in January 2001')
      .uponReceiving('a request for January 2001 with a regular key of a minutes-billed company')
      .withRequest('GET', '/billing/usage', (req) => req.headers(bearer('sk_test_regular_minutes')).query({ start: '2001-01-01', end: '2001-02-01' }))
      .willRespondWith(200, (res) =>
        res.headers(JSON_CONTENT_TYPE).jsonBody(
          successEnvelope({
            companies: [
              {
                companyId: uuid('11111111-1111-4111-8111-111111111111'),
                companyName: MatchersV3.string('Your Company'),
                billingSystem: 'minutes',
                totalMinutesUsed: zero(),
                totalInterviews: 0,
                breakdownByCostKey: [],
              },
            ],
            totalMinutesUsed: zero(),
            totalInterviews: 0,
            breakdownByCostKey: [],
          }),
        ),
      )
      .executeTest(async (server) => {
        const { data } = await clientFor(server.url, 'sk_test_regular_minutes').getUsage({ start: '2001-01-01', end: '2001-02-01' });
        expect(data?.totalInterviews).toBe(0);
        expect(data?.companies[0]?.breakdownByCostKey).toEqual([]);
      });
  });
});
