import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
beforeEach(async () => {
  expect((await m.admin('POST', '/reset')).status).toBe(200);
});
afterAll(() => m.close());

const NEW_CO = 'c0000000-0000-4000-8000-000000000001';

describe('control plane entities (DESIGN §6.1, §6.2)', () => {
  it('creates a company, its key and events, and the API reports them', async () => {
    const company = await m.admin('POST', '/companies', { id: NEW_CO, name: 'Newco', billingSystem: 'minutes' });
    expect(company.status).toBe(201);
    expect(company.body.data).toEqual({ id: NEW_CO, name: 'Newco', billingSystem: 'minutes' });
    const key = await m.admin('POST', '/api-keys', { key: 'sk_test_newco', type: 'regular', companyId: NEW_CO });
    expect(key.body.data).toEqual({ key: 'sk_test_newco', type: 'regular', companyId: NEW_CO, scopes: ['read:billing'], status: 'active' });
    const events = await m.admin('POST', '/usage-events', [
      { companyId: NEW_CO, occurredAt: '2024-02-20T10:00:00Z', minutes: 1.25 },
      { companyId: NEW_CO, occurredAt: '2024-02-21T10:00:00Z', minutes: 2.5, isTest: true },
    ]);
    expect(events.status).toBe(201);
    expect(events.body.data.count).toBe(2);
    expect(events.body.data.ids).toHaveLength(2);
    const stored = await m.admin('GET', `/usage-events?companyId=${NEW_CO}`);
    expect(stored.body.data.items[0]).toMatchObject({ id: events.body.data.ids[0], costKey: 'interview_minutes', agentFocus: 'GENERIC', isTest: false, minutes: 1.25 });
    const r = await m.get('/billing/usage', 'sk_test_newco');
    expect(r.body.data.totalMinutesUsed).toBe(1.25);
    expect(r.body.data.totalInterviews).toBe(1);
  });

  it('gives an ATS integration without companies an empty report with neither total (DESIGN §3.3, §3.5)', async () => {
    const integration = await m.admin('POST', '/ats-integrations', { name: 'Empty ATS' });
    expect(integration.status).toBe(201);
    await m.admin('POST', '/api-keys', { key: 'sk_test_empty_ats', type: 'ats', atsIntegrationId: integration.body.data.id });
    const r = await m.get('/billing/usage', 'sk_test_empty_ats');
    expect(r.body.data).toEqual({ companies: [], totalInterviews: 0, breakdownByCostKey: [] });
  });

  it('answers a one-event POST with the stored event and an array POST with the count and ids, not the events (DESIGN §6.6)', async () => {
    const one = await m.admin('POST', '/usage-events', { companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 2 });
    expect(one.status).toBe(201);
    expect(one.body.data).toMatchObject({ companyId: IDS.acme, minutes: 2, costKey: 'interview_minutes' });
    const ids = ['0a000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000002'];
    const many = await m.admin('POST', '/usage-events', ids.map((id) => ({ id, companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 2 })));
    expect(many.status).toBe(201);
    expect(many.body.data).toEqual({ count: 2, ids });
  });

  it('generates a sk_test_ key when none is given', async () => {
    const key = await m.admin('POST', '/api-keys', { type: 'ats', atsIntegrationId: IDS.alphaAts });
    expect(key.status).toBe(201);
    expect(key.body.data.key).toMatch(/^sk_test_[A-Za-z0-9]{32}$/);
    expect((await m.get('/billing/usage', key.body.data.key)).body.data.companies).toHaveLength(3);
  });

  it('stores nothing from a batch with one bad item and lists each bad item by index', async () => {
    const before = (await m.admin('GET', '/usage-events?limit=1')).body.data.total;
    const r = await m.admin('POST', '/usage-events', [
      { companyId: IDS.acme, occurredAt: '2024-02-20T10:00:00Z', minutes: 1 },
      { companyId: IDS.acme, occurredAt: '2024-02-20T10:00:00Z', minutes: 0.0001 },
      { companyId: '99999999-9999-4999-8999-999999999999', occurredAt: '2024-02-20T10:00:00Z', minutes: 1 },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_ERROR');
    expect(r.body.error.details.errors).toEqual([
      { index: 1, field: 'minutes', reason: expect.stringContaining('3 decimal places') },
      { index: 2, field: 'companyId', reason: expect.stringContaining('no company') },
    ]);
    expect((await m.admin('GET', '/usage-events?limit=1')).body.data.total).toBe(before);
  });

  it('prices a credits event by the rule when stored, and a later pricing change does not rewrite it', async () => {
    const first = await m.admin('POST', '/usage-events', { companyId: IDS.globex, occurredAt: '2024-02-20T00:00:00Z', minutes: 20 });
    expect(first.body.data.credits).toBe(5.5); // 2 + 0.35 × (20 − 10)
    await m.admin('PATCH', `/companies/${IDS.globex}`, { pricing: { GENERIC: { baseCost: 100, includedMinutes: 0, costPerMinute: 1 } } });
    const r = await m.get('/billing/usage', 'sk_test_globex');
    expect(r.body.data.totalCreditsUsed).toBe(9.875); // 4.375 before + 5.5
  });

  it('refuses a credits event without credits and without a rule for its agent focus', async () => {
    const r = await m.admin('POST', '/usage-events', { companyId: IDS.umbrella, occurredAt: '2024-02-20T00:00:00Z', minutes: 3, agentFocus: 'SCREENING' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.errors[0]).toMatchObject({ index: 0, field: 'credits' });
  });

  it('refuses to change the billing system of a company with events (409) but not of one without', async () => {
    expect((await m.admin('PATCH', `/companies/${IDS.acme}`, { billingSystem: 'credits' })).status).toBe(409);
    const stark = await m.admin('PATCH', `/companies/${IDS.stark}`, { billingSystem: 'credits' });
    expect(stark.status).toBe(200);
    expect(stark.body.data.billingSystem).toBe('credits');
  });

  it('deletes a company with its events and regular keys', async () => {
    const r = await m.admin('DELETE', `/companies/${IDS.globex}`);
    expect(r.body.data).toEqual({ deletedEvents: 2, deletedApiKeys: 1 });
    expect((await m.get('/billing/usage', 'sk_test_globex')).status).toBe(401);
    expect((await m.admin('GET', `/companies/${IDS.globex}`)).status).toBe(404);
  });

  it('revokes a key through PATCH', async () => {
    expect((await m.admin('PATCH', '/api-keys/sk_test_acme', { status: 'revoked' })).status).toBe(200);
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.error.code).toBe('INVALID_API_KEY');
  });

  it('answers 409 for a duplicate company id and 400 for an unknown ATS integration', async () => {
    expect((await m.admin('POST', '/companies', { id: IDS.acme, name: 'Again', billingSystem: 'minutes' })).status).toBe(409);
    const r = await m.admin('POST', '/companies', { name: 'Orphan', billingSystem: 'minutes', atsIntegrationId: '99999999-9999-4999-8999-999999999999' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('atsIntegrationId');
  });

  it('rejects unknown fields, __proto__ keys and broken JSON with 400', async () => {
    expect((await m.admin('POST', '/companies', { name: 'X', billingSystem: 'minutes', colour: 'red' })).status).toBe(400);
    expect((await m.admin('POST', '/companies', JSON.parse('{"name":"X","billingSystem":"minutes","__proto__":{"admin":true}}'))).status).toBe(400);
    const res = await fetch(`${m.baseUrl}/__admin/companies`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":' });
    expect(res.status).toBe(400);
  });

  it('answers 404 for an unknown admin path and 405 for a wrong method', async () => {
    expect((await m.admin('GET', '/nope')).status).toBe(404);
    const r = await m.admin('POST', '/health', {});
    expect(r.status).toBe(405);
    expect(r.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('control plane clock, scenarios and state (DESIGN §6.2, §6.4)', () => {
  it('freezes, advances and reports the clock; a negative advance is 400', async () => {
    const frozen = await m.admin('PUT', '/clock', { mode: 'frozen', now: '2024-02-10T01:30:00Z' });
    expect(frozen.body.data).toEqual({ mode: 'frozen', now: '2024-02-10T01:30:00.000Z', offsetMs: 0 });
    // Default period now ends at 01:30Z: only the 00:00Z and 01:00Z events of Acme count.
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.data.totalMinutesUsed).toBe(0.2);
    const advanced = await m.admin('PUT', '/clock', { advanceMs: 3_600_000 });
    expect(advanced.body.data.now).toBe('2024-02-10T02:30:00.000Z');
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.data.totalMinutesUsed).toBe(0.3);
    expect((await m.admin('PUT', '/clock', { advanceMs: -1 })).status).toBe(400);
  });

  it('returns to real time', async () => {
    const r = await m.admin('PUT', '/clock', { mode: 'real' });
    expect(r.body.data.mode).toBe('real');
    expect(Math.abs(Date.parse(r.body.data.now) - Date.now())).toBeLessThan(5_000);
  });

  it('loads a built-in scenario by name and refuses a path', async () => {
    const r = await m.admin('POST', '/scenarios/seed-examples/load');
    expect(r.status).toBe(200);
    expect(r.body.data.scenario).toBe('seed-examples');
    expect((await m.get('/billing/usage', 'sk_example_minutes')).body.data.totalMinutesUsed).toBe(245.5);
    expect((await m.admin('POST', '/scenarios/..%2Fpackage/load')).status).toBe(404);
    await m.state.execute({ type: 'replaceState', scenario: rulesScenario });
  });

  it('round-trips the whole state through GET and PUT /state', async () => {
    await m.admin('POST', '/usage-events', { companyId: IDS.acme, occurredAt: '2024-02-25T00:00:00Z', minutes: 7 });
    const before = await m.get('/billing/usage', 'sk_test_ats');
    const acmeBefore = await m.get('/billing/usage', 'sk_test_acme');
    const state = await m.admin('GET', '/state');
    expect(state.body.data.usageEvents).toHaveLength(13);
    expect((await m.admin('PUT', '/state', state.body.data)).status).toBe(200);
    expect((await m.get('/billing/usage', 'sk_test_ats')).body.data).toEqual(before.body.data);
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.data).toEqual(acmeBefore.body.data);
    await m.state.execute({ type: 'replaceState', scenario: rulesScenario });
  });

  it('refuses a PUT /state that breaks the schema, naming the field, and keeps the old state', async () => {
    const r = await m.admin('PUT', '/state', { ...rulesScenario, companies: [{ name: 'X', billingSystem: 'hours' }] });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('/companies/0/billingSystem');
    expect((await m.get('/billing/usage', 'sk_test_acme')).status).toBe(200);
  });

  it('resets to the loaded scenario', async () => {
    await m.admin('DELETE', '/usage-events');
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.data.totalInterviews).toBe(0);
    await m.admin('POST', '/reset');
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.data.totalInterviews).toBe(3);
  });
});

describe('faults (DESIGN §6.2)', () => {
  it('drops fields from answers to play a broken provider, then clears', async () => {
    await m.admin('PUT', '/faults', { path: '/billing/usage', apiKey: 'sk_test_acme', dropFields: ['/data/companies/0/billingSystem'] });
    const broken = await m.get('/billing/usage', 'sk_test_acme');
    expect('billingSystem' in broken.body.data.companies[0]).toBe(false);
    expect((await m.get('/billing/usage', 'sk_test_ats')).body.data.companies[0].billingSystem).toBe('minutes');
    await m.admin('DELETE', '/faults');
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.data.companies[0].billingSystem).toBe('minutes');
  });

  it('forces a 503 as the API would answer it: SERVICE_UNAVAILABLE with Retry-After (DESIGN §6.7)', async () => {
    await m.admin('PUT', '/faults', [{ status: 503 }]);
    const r = await m.get('/billing/usage', 'sk_test_acme');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('30');
    expect(r.body).toMatchObject({ success: false, data: null, error: { code: 'SERVICE_UNAVAILABLE', details: { retryAfter: 30 } } });
    await m.admin('DELETE', '/faults');
  });
});

describe('admin token (DESIGN §6.3)', () => {
  it('requires X-Admin-Token on every /__admin call when set', async () => {
    const guarded = await startMock(rulesScenario, { adminToken: 's3cret' });
    try {
      const denied = await guarded.admin('GET', '/health');
      expect(denied.status).toBe(401);
      expect(denied.body.error.code).toBe('ADMIN_TOKEN_REQUIRED');
      const ok = await fetch(`${guarded.baseUrl}/__admin/health`, { headers: { 'X-Admin-Token': 's3cret' } });
      expect(ok.status).toBe(200);
      expect((await guarded.get('/billing/usage', 'sk_test_acme')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
