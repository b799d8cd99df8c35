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

const eventCount = async () => (await m.admin('GET', '/usage-events?limit=1')).body.data.total as number;

describe('the control plane refuses hostile input clearly and keeps serving', () => {
  it('refuses a clock advance past the largest date, and the mock keeps answering', async () => {
    const r = await m.admin('PUT', '/clock', { advanceMs: 8.64e15 });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toMatchObject({ field: 'advanceMs' });
    expect((await m.get('/billing/usage', 'sk_test_acme')).status).toBe(200);
  });

  it('names advanceMs, not mode, when an advance is negative', async () => {
    const r = await m.admin('PUT', '/clock', { advanceMs: -1 });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('advanceMs');
  });

  it('removes optional fields with null in a PATCH', async () => {
    const company = await m.admin('PATCH', `/companies/${IDS.initech}`, { atsIntegrationId: null });
    expect(company.status).toBe(200);
    expect('atsIntegrationId' in company.body.data).toBe(false);
    expect((await m.get('/billing/usage', 'sk_test_ats')).body.data.companies.map((c: any) => c.companyName)).toEqual(['Stark', 'Umbrella']);
    const key = await m.admin('PATCH', '/api-keys/sk_test_expired', { expiresAt: null });
    expect(key.status).toBe(200);
    expect((await m.get('/billing/usage', 'sk_test_expired')).status).toBe(200);
  });

  it('refuses credits on an event of a minutes company', async () => {
    const r = await m.admin('POST', '/usage-events', { companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 1, credits: 5 });
    expect(r.status).toBe(400);
    expect(r.body.error.details.errors).toEqual([{ index: 0, field: 'credits', reason: expect.stringContaining('bills in minutes') }]);
  });

  it('lists schema problems of a batch per item and stores nothing', async () => {
    const before = await eventCount();
    const r = await m.admin('POST', '/usage-events', [{ companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 1 }, null, { companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z' }]);
    expect(r.status).toBe(400);
    expect(r.body.error.details.errors.map((e: any) => [e.index, e.field])).toEqual([
      [1, ''],
      [2, 'minutes'],
    ]);
    expect(await eventCount()).toBe(before);
    expect((await m.admin('POST', '/usage-events', [])).status).toBe(400);
  });

  it('lists every bad item of a batch at once, whether the schema or the billing rules refuse it', async () => {
    const r = await m.admin('POST', '/usage-events', [
      { companyId: IDS.acme, occurredAt: 'bad', minutes: 1 },
      { companyId: '12345678-1234-4234-8234-123456789012', occurredAt: '2024-02-20T00:00:00Z', minutes: 1 },
      { companyId: IDS.umbrella, occurredAt: '2024-02-20T00:00:00Z', minutes: 1 },
      { companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 1.0001 },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.error.details.errors.map((e: any) => [e.index, e.field])).toEqual([
      [0, 'occurredAt'],
      [1, 'companyId'],
      [2, 'credits'],
      [3, 'minutes'],
    ]);
  });

  it('refuses an unknown parameter on DELETE /usage-events instead of deleting everything', async () => {
    const before = await eventCount();
    const r = await m.admin('DELETE', '/usage-events?companyid=' + IDS.acme);
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('companyid');
    expect((await m.admin('DELETE', '/usage-events?companyId=nope')).status).toBe(400);
    expect((await m.admin('GET', '/usage-events?companyId=nope')).status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it('answers 415 naming Content-Type when a body comes with another type (DESIGN §6.3)', async () => {
    const res = await fetch(`${m.baseUrl}/__admin/companies`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"name":"X","billingSystem":"minutes"}' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).error.details.field).toBe('Content-Type');
  });

  it('reads a null body as JSON and refuses it by the schema', async () => {
    const res = await fetch(`${m.baseUrl}/__admin/companies`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'null' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).not.toContain('not valid JSON');
  });

  it('lists HEAD in Allow on a 405, and not OPTIONS: the control plane answers no preflight (DESIGN §6.3)', async () => {
    const res = await fetch(`${m.baseUrl}/__admin/health`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers bad percent-encoding in a path parameter with 400 VALIDATION_ERROR', async () => {
    const r = await m.admin('GET', '/companies/%ZZ');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('refuses, at once, generators that would make millions of events', async () => {
    const bomb = { ...rulesScenario, usageEvents: [], generators: [{ companyId: IDS.acme, days: 3660, interviewsPerDay: { min: 1000000, max: 1000000 } }] };
    const r = await m.admin('PUT', '/state', bomb);
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('/generators');
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.data.totalMinutesUsed).toBe(5.3);
  });
});

describe('the clock survives a state round trip (DESIGN §6.4)', () => {
  it('keeps the offset of an advanced real clock', async () => {
    await m.admin('PUT', '/clock', { mode: 'real' });
    await m.admin('PUT', '/clock', { advanceMs: 86_400_000 });
    const state = (await m.admin('GET', '/state')).body.data;
    expect(state.clock).toEqual({ mode: 'real', offsetMs: 86_400_000 });
    await m.admin('PUT', '/state', state);
    const clock = (await m.admin('GET', '/clock')).body.data;
    expect(clock.offsetMs).toBe(86_400_000);
    expect(Math.abs(Date.parse(clock.now) - (Date.now() + 86_400_000))).toBeLessThan(5_000);
  });

  it('keeps a saved frozen instant even when the mock was started with --now', async () => {
    const pinned = await startMock(rulesScenario, { now: '2024-03-01T12:00:00Z' });
    try {
      const state = (await pinned.admin('GET', '/state')).body.data;
      await pinned.admin('PUT', '/state', { ...state, clock: { mode: 'frozen', now: '2024-02-10T01:30:00Z' } });
      expect((await pinned.admin('GET', '/clock')).body.data.now).toBe('2024-02-10T01:30:00.000Z');
    } finally {
      await pinned.close();
    }
  });

  it('goes back to the --now instant on a reset to the scenario the mock was started with', async () => {
    const pinned = await startMock(rulesScenario, { now: '2024-03-01T12:00:00Z' });
    try {
      await pinned.admin('PUT', '/clock', { advanceMs: 3_600_000 });
      expect((await pinned.admin('GET', '/clock')).body.data.now).toBe('2024-03-01T13:00:00.000Z');
      expect((await pinned.admin('POST', '/reset')).status).toBe(200);
      expect((await pinned.admin('GET', '/clock')).body.data.now).toBe('2024-03-01T12:00:00.000Z');
    } finally {
      await pinned.close();
    }
  });
});
