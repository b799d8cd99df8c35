import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock('seed-examples');
});
afterAll(() => m.close());

// DESIGN §5: the docs' examples, reproduced exactly, with and without the explicit range.
describe.each(['', '?start=2024-01-01&end=2024-01-31'])('scenario seed-examples, query "%s"', (query) => {
  it('gives sk_example_minutes 245.5 minutes over 42 interviews and 42 events', async () => {
    const r = await m.get(`/billing/usage${query}`, 'sk_example_minutes');
    expect(r.status).toBe(200);
    expect(r.body.timestamp).toBe('2024-01-31T10:30:00.000Z');
    const { companyId, ...company } = r.body.data.companies[0];
    expect(companyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(company).toEqual({
      companyName: 'Your Company',
      billingSystem: 'minutes',
      totalMinutesUsed: 245.5,
      totalInterviews: 42,
      breakdownByCostKey: [{ costKey: 'interview_minutes', minutesUsed: 245.5, events: 42 }],
    });
    expect(r.body.data).toMatchObject({ totalMinutesUsed: 245.5, totalInterviews: 42, breakdownByCostKey: [{ costKey: 'interview_minutes', minutesUsed: 245.5, events: 42 }] });
    expect('totalCreditsUsed' in r.body.data).toBe(false);
  });

  it('gives sk_example_credits 612.5 credits over 42 interviews and 42 events', async () => {
    const r = await m.get(`/billing/usage${query}`, 'sk_example_credits');
    const { companyId: _id, ...company } = r.body.data.companies[0];
    expect(company).toEqual({
      companyName: 'Your Company',
      billingSystem: 'credits',
      totalCreditsUsed: 612.5,
      totalInterviews: 42,
      breakdownByCostKey: [{ costKey: 'interview_minutes', creditsUsed: 612.5, events: 42 }],
    });
    expect(r.body.data).toMatchObject({ totalCreditsUsed: 612.5, totalInterviews: 42 });
    expect('totalMinutesUsed' in r.body.data).toBe(false);
  });

  it('gives sk_example_ats Client Company A (120, 20) and B (80.5, 22), totals 200.5 and 42', async () => {
    const r = await m.get(`/billing/usage${query}`, 'sk_example_ats');
    const companies = r.body.data.companies.map((c: any) => [c.companyName, c.billingSystem, c.totalMinutesUsed, c.totalInterviews, c.breakdownByCostKey]);
    expect(companies).toEqual([
      ['Client Company A', 'minutes', 120, 20, [{ costKey: 'interview_minutes', minutesUsed: 120, events: 20 }]],
      ['Client Company B', 'minutes', 80.5, 22, [{ costKey: 'interview_minutes', minutesUsed: 80.5, events: 22 }]],
    ]);
    expect(r.body.data).toMatchObject({ totalMinutesUsed: 200.5, totalInterviews: 42, breakdownByCostKey: [{ costKey: 'interview_minutes', minutesUsed: 200.5, events: 42 }] });
    expect('totalCreditsUsed' in r.body.data).toBe(false);
  });
});
