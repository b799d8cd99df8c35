import { MatchersV3 } from '@pact-foundation/pact';
import { afterAll, describe, expect, it } from 'vitest';
import { createBillingClient } from '../../src/client/index.ts';
import { createBillingPact } from './createBillingPact.ts';
import { bearer, errorEnvelope, JSON_CONTENT_TYPE } from './usageMatchers.ts';

const { string } = MatchersV3;
const { pact, cleanup } = createBillingPact();
afterAll(cleanup);

/** A key no provider issues: the "invalid key" role needs no environment variable. */
const NEVER_ISSUED_KEY = 'sk_test_never_issued_0000000000000000';
/** A well-formed UUID no ATS integration manages (DESIGN §3.1 step 7: unknown ids included). */
const UNMANAGED_COMPANY_ID = '9f0c6a52-0000-4000-8000-00000000c0de';

const clientFor = (baseUrl: string, apiKey?: string) => createBillingClient({ baseUrl, ...(apiKey === undefined ? {} : { apiKey }) });

describe('GET /billing/usage: refusals (consumer billing-dashboard)', () => {
  it('is told to send a key when the Authorization header is missing', async () => {
    await pact
      .addInteraction()
      .given('the billing API requires an API key')
      .uponReceiving('a request without an Authorization header')
      .withRequest('GET', '/billing/usage')
      .willRespondWith(401, (res) => res.headers(JSON_CONTENT_TYPE).jsonBody(errorEnvelope('MISSING_API_KEY')))
      .executeTest(async (server) => {
        const { error } = await clientFor(server.url).getUsage();
        expect(error).toMatchObject({ status: 401, code: 'MISSING_API_KEY' });
      });
  });

  it('is told the key is invalid when the provider never issued it', async () => {
    await pact
      .addInteraction()
      .given('an API key that was never issued')
      .uponReceiving('a request with an API key that was never issued')
      .withRequest('GET', '/billing/usage', (req) => req.headers(bearer(NEVER_ISSUED_KEY)))
      .willRespondWith(401, (res) => res.headers(JSON_CONTENT_TYPE).jsonBody(errorEnvelope('INVALID_API_KEY')))
      .executeTest(async (server) => {
        const { error } = await clientFor(server.url, NEVER_ISSUED_KEY).getUsage();
        expect(error).toMatchObject({ status: 401, code: 'INVALID_API_KEY' });
      });
  });

  it('is told which scope is missing when the key cannot read billing', async () => {
    await pact
      .addInteraction()
      .given('a regular key without the read:billing scope')
      .uponReceiving('a request with a key that lacks the read:billing scope')
      .withRequest('GET', '/billing/usage', (req) => req.headers(bearer('sk_test_no_billing_scope')))
      .willRespondWith(403, (res) => res.headers(JSON_CONTENT_TYPE).jsonBody(errorEnvelope('INSUFFICIENT_SCOPE', { requiredScope: 'read:billing' })))
      .executeTest(async (server) => {
        const { error } = await clientFor(server.url, 'sk_test_no_billing_scope').getUsage();
        expect(error).toMatchObject({ status: 403, code: 'INSUFFICIENT_SCOPE', details: { requiredScope: 'read:billing' } });
      });
  });

  it('is told which parameter is wrong when start is not a date', async () => {
    await pact
      .addInteraction()
      .given('a regular key of a minutes-billed company')
      .uponReceiving('a request whose start is not a date')
      .withRequest('GET', '/billing/usage', (req) => req.headers(bearer('sk_test_regular_minutes')).query({ start: 'yesterday' }))
      .willRespondWith(400, (res) =>
        res.headers(JSON_CONTENT_TYPE).jsonBody(errorEnvelope('VALIDATION_ERROR', { field: 'start', value: 'yesterday', reason: string('not a date or an RFC 3339 date-time') })),
      )
      .executeTest(async (server) => {
        const { error } = await clientFor(server.url, 'sk_test_regular_minutes').getUsage({ start: 'yesterday' });
        expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR', details: { field: 'start' } });
      });
  });

  it('is refused a company its ATS key does not manage', async () => {
    await pact
      .addInteraction()
      .given('an ATS key that does not manage the requested company')
      .uponReceiving('a request for a company the ATS key does not manage')
      .withRequest('GET', '/billing/usage', (req) => req.headers(bearer('sk_test_ats_mixed')).query({ companyId: UNMANAGED_COMPANY_ID }))
      .willRespondWith(403, (res) => res.headers(JSON_CONTENT_TYPE).jsonBody(errorEnvelope('COMPANY_ACCESS_DENIED')))
      .executeTest(async (server) => {
        const { error } = await clientFor(server.url, 'sk_test_ats_mixed').getUsage({ companyId: UNMANAGED_COMPANY_ID });
        expect(error).toMatchObject({ status: 403, code: 'COMPANY_ACCESS_DENIED' });
      });
  });
});
