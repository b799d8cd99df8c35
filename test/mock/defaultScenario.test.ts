import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { DEMO } from '../support/demoCompanyIds.ts';

const { ACME, GLOBEX, INITECH, UMBRELLA, HOOLI, STARK, WAYNE } = DEMO;

let m: TestMock;
beforeAll(async () => {
  // A fixed clock makes the generated data the same on every run (DESIGN §4: deterministic per seed and UTC day).
  m = await startMock('default', { now: '2026-11-29T15:00:00Z' });
});
afterAll(() => m.close());

const ids = (body: any) => body.data.companies.map((c: any) => [c.companyId, c.companyName, c.billingSystem]);

// DESIGN §4: each demo key gets the status and shape it should.
describe('scenario default', () => {
  it('sk_test_regular_minutes sees Acme Minutes s.r.o. in minutes, with usage in the last 30 days', async () => {
    const r = await m.get('/billing/usage', 'sk_test_regular_minutes');
    expect(r.status).toBe(200);
    expect(ids(r.body)).toEqual([[ACME, 'Acme Minutes s.r.o.', 'minutes']]);
    expect(r.body.data.totalMinutesUsed).toBeGreaterThan(0);
    expect('totalCreditsUsed' in r.body.data).toBe(false);
    expect(r.body.data.breakdownByCostKey.length).toBeGreaterThanOrEqual(2);
  });

  it('sk_test_regular_credits sees Globex Credits a.s. in credits', async () => {
    const r = await m.get('/billing/usage', 'sk_test_regular_credits');
    expect(ids(r.body)).toEqual([[GLOBEX, 'Globex Credits a.s.', 'credits']]);
    expect(r.body.data.totalCreditsUsed).toBeGreaterThan(0);
    expect('totalMinutesUsed' in r.body.data).toBe(false);
  });

  it('sk_test_ats_mixed sees its four companies sorted by name, Stark with no usage, and a two-unit interview_minutes bucket', async () => {
    const r = await m.get('/billing/usage', 'sk_test_ats_mixed');
    expect(ids(r.body)).toEqual([
      [HOOLI, 'Hooli Talent', 'minutes'],
      [INITECH, 'Initech', 'minutes'],
      [STARK, 'Stark Recruiting', 'minutes'],
      [UMBRELLA, 'Umbrella Staffing', 'credits'],
    ]);
    const stark = r.body.data.companies[2];
    expect(stark).toEqual({ companyId: STARK, companyName: 'Stark Recruiting', billingSystem: 'minutes', totalInterviews: 0, totalMinutesUsed: 0, breakdownByCostKey: [] });
    const bucket = r.body.data.breakdownByCostKey.find((b: any) => b.costKey === 'interview_minutes');
    expect(bucket.minutesUsed).toBeGreaterThan(0);
    expect(bucket.creditsUsed).toBeGreaterThan(0);
    expect(r.body.data.totalMinutesUsed).toBeGreaterThan(0);
    expect(r.body.data.totalCreditsUsed).toBeGreaterThan(0);
  });

  it('Initech and Umbrella Staffing have a second cost key and interviews with more than one event', async () => {
    for (const id of [INITECH, UMBRELLA]) {
      const c = (await m.get(`/billing/usage?companyId=${id}`, 'sk_test_ats_mixed')).body.data.companies[0];
      const events = c.breakdownByCostKey.reduce((n: number, b: any) => n + b.events, 0);
      expect(c.breakdownByCostKey.length).toBeGreaterThanOrEqual(2);
      expect(c.totalInterviews).toBeLessThan(events);
    }
  });

  it('sk_test_ats_minutes_only sees Wayne Hiring and no credits total', async () => {
    const r = await m.get('/billing/usage', 'sk_test_ats_minutes_only');
    expect(ids(r.body)).toEqual([[WAYNE, 'Wayne Hiring', 'minutes']]);
    expect('totalCreditsUsed' in r.body.data).toBe(false);
  });

  it.each([
    ['sk_test_no_billing_scope', 403, 'INSUFFICIENT_SCOPE'],
    ['sk_test_revoked', 401, 'INVALID_API_KEY'],
    ['sk_test_expired', 401, 'INVALID_API_KEY'],
    ['sk_test_suspended', 403, 'API_KEY_SUSPENDED'],
  ])('%s answers %i %s', async (key, status, code) => {
    const r = await m.get('/billing/usage', key);
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
  });

  it('generates the same data for the same seed and UTC day', async () => {
    const again = await startMock('default', { now: '2026-11-29T15:00:00Z' });
    try {
      const a = await m.get('/billing/usage?end=2026-11-29', 'sk_test_ats_mixed');
      const b = await again.get('/billing/usage?end=2026-11-29', 'sk_test_ats_mixed');
      expect(b.body.data).toEqual(a.body.data);
    } finally {
      await again.close();
    }
  });
});
