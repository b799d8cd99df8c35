import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
afterAll(() => m.close());

// Expected values below are worked out by hand from test/support/rulesScenario.ts and DESIGN §3.3–§3.6.
describe('regular keys (DESIGN §3.3, §3.4)', () => {
  it('reports a minutes company exactly: 3 × 0.1 = 0.3, test events left out, one interview counted once', async () => {
    const r = await m.get('/billing/usage', 'sk_test_acme');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ success: true, error: null, timestamp: '2024-03-01T12:00:00.000Z' });
    expect(r.body.data).toEqual({
      companies: [
        {
          companyId: IDS.acme,
          companyName: 'Acme',
          billingSystem: 'minutes',
          totalInterviews: 3,
          totalMinutesUsed: 5.3,
          breakdownByCostKey: [
            { costKey: 'ai_analysis', events: 1, minutesUsed: 5 },
            { costKey: 'interview_minutes', events: 3, minutesUsed: 0.3 },
          ],
        },
      ],
      totalInterviews: 3,
      totalMinutesUsed: 5.3,
      breakdownByCostKey: [
        { costKey: 'ai_analysis', events: 1, minutesUsed: 5 },
        { costKey: 'interview_minutes', events: 3, minutesUsed: 0.3 },
      ],
    });
  });

  it('reports a credits company with rule-priced and explicit credits and no minutes fields', async () => {
    const r = await m.get('/billing/usage', 'sk_test_globex');
    const company = r.body.data.companies[0];
    expect(company).toEqual({
      companyId: IDS.globex,
      companyName: 'Globex',
      billingSystem: 'credits',
      totalInterviews: 2,
      totalCreditsUsed: 4.375,
      breakdownByCostKey: [{ costKey: 'interview_minutes', events: 2, creditsUsed: 4.375 }],
    });
    expect('totalMinutesUsed' in r.body.data).toBe(false);
    expect(r.body.data.totalCreditsUsed).toBe(4.375);
  });

  it('ignores companyId for a regular key, whatever its value', async () => {
    for (const q of ['not-a-uuid', IDS.initech, '']) {
      const r = await m.get(`/billing/usage?companyId=${q}`, 'sk_test_acme');
      expect(r.status).toBe(200);
      expect(r.body.data.companies.map((c: { companyName: string }) => c.companyName)).toEqual(['Acme']);
    }
  });

  it('serves /v1/billing/usage the same report', async () => {
    const a = await m.get('/billing/usage', 'sk_test_acme');
    const b = await m.get('/v1/billing/usage', 'sk_test_acme');
    expect(b.body.data).toEqual(a.body.data);
  });
});

describe('ATS keys (DESIGN §3.3, §3.5)', () => {
  it('lists every managed company sorted by name, zeros for one without usage, both totals and two-unit global buckets', async () => {
    const r = await m.get('/billing/usage', 'sk_test_ats');
    expect(r.body.data).toEqual({
      companies: [
        {
          companyId: IDS.initech,
          companyName: 'Initech',
          billingSystem: 'minutes',
          totalInterviews: 1,
          totalMinutesUsed: 12.75,
          breakdownByCostKey: [
            { costKey: 'ai_analysis', events: 1, minutesUsed: 2.5 },
            { costKey: 'interview_minutes', events: 1, minutesUsed: 10.25 },
          ],
        },
        { companyId: IDS.stark, companyName: 'Stark', billingSystem: 'minutes', totalInterviews: 0, totalMinutesUsed: 0, breakdownByCostKey: [] },
        {
          companyId: IDS.umbrella,
          companyName: 'Umbrella',
          billingSystem: 'credits',
          totalInterviews: 2,
          totalCreditsUsed: 7.75,
          breakdownByCostKey: [
            { costKey: 'ai_analysis', events: 1, creditsUsed: 0.25 },
            { costKey: 'interview_minutes', events: 1, creditsUsed: 7.5 },
          ],
        },
      ],
      totalInterviews: 3,
      totalMinutesUsed: 12.75,
      totalCreditsUsed: 7.75,
      breakdownByCostKey: [
        { costKey: 'ai_analysis', events: 2, minutesUsed: 2.5, creditsUsed: 0.25 },
        { costKey: 'interview_minutes', events: 2, minutesUsed: 10.25, creditsUsed: 7.5 },
      ],
    });
  });

  it('narrows to a credits company with companyId, compared case-insensitively, leaving out totalMinutesUsed', async () => {
    const r = await m.get(`/billing/usage?companyId=${IDS.umbrella.toUpperCase()}`, 'sk_test_ats');
    expect(r.status).toBe(200);
    expect(r.body.data.companies.map((c: { companyId: string }) => c.companyId)).toEqual([IDS.umbrella]);
    expect(r.body.data.totalCreditsUsed).toBe(7.75);
    expect('totalMinutesUsed' in r.body.data).toBe(false);
    expect(r.body.data.breakdownByCostKey).toEqual([
      { costKey: 'ai_analysis', events: 1, creditsUsed: 0.25 },
      { costKey: 'interview_minutes', events: 1, creditsUsed: 7.5 },
    ]);
  });

  it('has no totalCreditsUsed for a minutes-only ATS key', async () => {
    const r = await m.get('/billing/usage', 'sk_test_solo');
    expect(r.body.data.totalMinutesUsed).toBe(1);
    expect('totalCreditsUsed' in r.body.data).toBe(false);
  });

  it.each([
    ['a company of another ATS integration', IDS.wayne],
    ['a regular company', IDS.acme],
    ['an unknown id', '99999999-9999-4999-8999-999999999999'],
  ])('answers 403 COMPANY_ACCESS_DENIED for %s', async (_what, id) => {
    const r = await m.get(`/billing/usage?companyId=${id}`, 'sk_test_ats');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('COMPANY_ACCESS_DENIED');
  });

  it('answers 400 for an ATS companyId that is not a UUID', async () => {
    const r = await m.get('/billing/usage?companyId=not-a-uuid', 'sk_test_ats');
    expect(r.status).toBe(400);
    expect(r.body.error.details).toMatchObject({ field: 'companyId', value: 'not-a-uuid' });
  });
});

describe('ATS keys with --ats-require-company-id', () => {
  it('answers 400 naming companyId when an ATS key leaves it out', async () => {
    const strict = await startMock(rulesScenario, { atsRequireCompanyId: true });
    try {
      const r = await strict.get('/billing/usage', 'sk_test_ats');
      expect(r.status).toBe(400);
      expect(r.body.error.details).toMatchObject({ field: 'companyId', value: null });
      expect((await strict.get(`/billing/usage?companyId=${IDS.initech}`, 'sk_test_ats')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
