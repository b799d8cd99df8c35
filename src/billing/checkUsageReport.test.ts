import { describe, expect, it } from 'vitest';
import { checkUsageReport } from './checkUsageReport.ts';

const INITECH = '33333333-3333-4333-8333-333333333333';
const UMBRELLA = '44444444-4444-4444-8444-444444444444';

/** A correct mixed ATS body, worked out by hand from DESIGN §3.4–§3.5. */
function mixed() {
  return {
    success: true,
    data: {
      companies: [
        {
          companyId: INITECH,
          companyName: 'Initech',
          billingSystem: 'minutes',
          totalMinutesUsed: 13.5,
          totalInterviews: 2,
          breakdownByCostKey: [
            { costKey: 'interview_minutes', events: 2, minutesUsed: 10.5 },
            { costKey: 'transcription', events: 1, minutesUsed: 3 },
          ],
        },
        {
          companyId: UMBRELLA,
          companyName: 'Umbrella Staffing',
          billingSystem: 'credits',
          totalCreditsUsed: 7.25,
          totalInterviews: 1,
          breakdownByCostKey: [{ costKey: 'interview_minutes', events: 1, creditsUsed: 7.25 }],
        },
      ] as Array<Record<string, any>>,
      totalMinutesUsed: 13.5 as number | null | undefined,
      totalCreditsUsed: 7.25 as number | null | undefined,
      totalInterviews: 3,
      breakdownByCostKey: [
        { costKey: 'interview_minutes', events: 3, minutesUsed: 10.5, creditsUsed: 7.25 },
        { costKey: 'transcription', events: 1, minutesUsed: 3 },
      ] as Array<Record<string, any>>,
    },
    error: null as unknown,
    timestamp: '2024-01-31T10:30:00.000Z' as unknown,
  };
}

/** The rule numbers of the violations found. */
const rules = (body: unknown, ctx = {}) => checkUsageReport(body, ctx).map((v) => v.rule);

describe('checkUsageReport', () => {
  it('finds nothing wrong with a correct mixed ATS body', () => {
    expect(checkUsageReport(mixed(), { keyType: 'ats' })).toEqual([]);
  });
  it('finds nothing wrong with an empty ATS body', () => {
    const body = { success: true, data: { companies: [], totalInterviews: 0, breakdownByCostKey: [] }, error: null, timestamp: '2024-01-31T10:30:00Z' };
    expect(checkUsageReport(body)).toEqual([]);
  });
  it('accepts buckets 0.1 + 0.2 summing to a total of 0.3 within tolerance', () => {
    const body = mixed();
    body.data.companies[0]!.breakdownByCostKey = [
      { costKey: 'interview_minutes', events: 2, minutesUsed: 0.1 },
      { costKey: 'transcription', events: 1, minutesUsed: 0.2 },
    ];
    body.data.companies[0]!.totalMinutesUsed = 0.3;
    body.data.totalMinutesUsed = 0.3;
    body.data.breakdownByCostKey = [
      { costKey: 'interview_minutes', events: 3, minutesUsed: 0.1, creditsUsed: 7.25 },
      { costKey: 'transcription', events: 1, minutesUsed: 0.2 },
    ];
    expect(checkUsageReport(body)).toEqual([]);
  });
  it('reports rule 12 (the envelope), not a throw, for a body that is not an object', () => {
    expect(checkUsageReport('hello')).toEqual([expect.objectContaining({ rule: 12, pointer: '' })]);
  });
  it('reports rule 12 at /data when data is not an object', () => {
    const body = { ...mixed(), data: null };
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 12, pointer: '/data' })]);
  });
  it('reports rule 9 at /data/companies when companies is missing', () => {
    const body = mixed();
    delete (body.data as Partial<typeof body.data>).companies;
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 9, pointer: '/data/companies' })]);
  });
  it('reports rule 1 for a company that is not an object', () => {
    const body = mixed();
    body.data.companies.push('Hooli' as unknown as Record<string, unknown>);
    expect(checkUsageReport(body)).toContainEqual(expect.objectContaining({ rule: 1, pointer: '/data/companies/2' }));
  });
  it('reports rule 3 when a company breakdown is not an array', () => {
    const body = mixed();
    body.data.companies[1]!.breakdownByCostKey = {};
    expect(checkUsageReport(body)).toContainEqual(expect.objectContaining({ rule: 3, pointer: '/data/companies/1/breakdownByCostKey' }));
  });
  it('reports rule 8 for a bucket without a costKey', () => {
    const body = mixed();
    delete body.data.companies[0]!.breakdownByCostKey[1].costKey;
    expect(checkUsageReport(body)).toContainEqual(expect.objectContaining({ rule: 8, pointer: '/data/companies/0/breakdownByCostKey/1' }));
  });
  it('reports rule 6 when the top-level breakdown is missing', () => {
    const body = mixed();
    delete (body.data as Partial<typeof body.data>).breakdownByCostKey;
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 6, pointer: '/data/breakdownByCostKey' })]);
  });
  it('never reports a rule outside 1-13, whatever the body', () => {
    const odd: unknown[] = [null, 42, [], {}, { data: {} }, { data: { companies: [1, null, { billingSystem: 'minutes' }], breakdownByCostKey: [7] } }];
    for (const body of odd) for (const v of checkUsageReport(body, { keyType: 'regular', strict: true })) expect(v.rule).toBeGreaterThanOrEqual(1);
  });
  it('reports rule 1 for an unknown billingSystem', () => {
    const body = mixed();
    body.data.companies[0]!.billingSystem = 'hours';
    expect(checkUsageReport(body)).toContainEqual(expect.objectContaining({ rule: 1, pointer: '/data/companies/0/billingSystem' }));
  });
  it('reports a company without billingSystem under rule 1 only, not as top-level totals that do not add up, and still checks its buckets', () => {
    const body = mixed();
    delete body.data.companies[1]!.billingSystem;
    delete body.data.companies[1]!.breakdownByCostKey[0].events;
    expect(checkUsageReport(body).map((v) => [v.rule, v.pointer])).toEqual([
      [1, '/data/companies/1/billingSystem'],
      [7, '/data/companies/1/breakdownByCostKey/0/events'],
    ]);
  });
  it('reports rule 2 for a credits field on a minutes company bucket', () => {
    const body = mixed();
    body.data.companies[0]!.breakdownByCostKey[1].creditsUsed = 1;
    expect(checkUsageReport(body)).toEqual([
      expect.objectContaining({ rule: 2, pointer: '/data/companies/0/breakdownByCostKey/1/creditsUsed' }),
    ]);
  });
  it('reports rule 2 for a credits company without totalCreditsUsed', () => {
    const body = mixed();
    delete body.data.companies[1]!.totalCreditsUsed;
    expect(checkUsageReport(body)).toContainEqual(expect.objectContaining({ rule: 2, pointer: '/data/companies/1/totalCreditsUsed' }));
  });
  it('reports rule 3 when a company total is not the sum of its buckets', () => {
    const body = mixed();
    body.data.companies[0]!.totalMinutesUsed = 13.4;
    body.data.totalMinutesUsed = 13.4;
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 3, pointer: '/data/companies/0/totalMinutesUsed' })]);
  });
  it('reports rule 4 when a mixed body lacks totalCreditsUsed', () => {
    const body = mixed();
    delete body.data.totalCreditsUsed;
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 4, pointer: '/data/totalCreditsUsed' })]);
  });
  it('reports rule 4 when totalMinutesUsed is not the sum of the minutes companies', () => {
    const body = mixed();
    body.data.totalMinutesUsed = 20;
    expect(rules(body)).toEqual([4]);
  });
  it('reports rule 4 for totalCreditsUsed when no company bills in credits', () => {
    const body = mixed();
    body.data.companies.pop();
    body.data.totalInterviews = 2;
    body.data.breakdownByCostKey[0] = { costKey: 'interview_minutes', events: 2, minutesUsed: 10.5 };
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 4, pointer: '/data/totalCreditsUsed' })]);
  });
  it('reports rule 5 when totalInterviews is not the companies sum', () => {
    const body = mixed();
    body.data.totalInterviews = 4;
    expect(rules(body)).toEqual([5]);
  });
  it('reports rule 6 when a global bucket misses the credits of a credits company', () => {
    const body = mixed();
    delete body.data.breakdownByCostKey[0]!.creditsUsed;
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 6, pointer: '/data/breakdownByCostKey/0/creditsUsed' })]);
  });
  it('reports rule 6 when global events are not the sum', () => {
    const body = mixed();
    body.data.breakdownByCostKey[1]!.events = 2;
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 6, pointer: '/data/breakdownByCostKey/1/events' })]);
  });
  it('reports rule 6 when a company cost key is missing from the global breakdown', () => {
    const body = mixed();
    body.data.breakdownByCostKey.pop();
    expect(rules(body)).toEqual([6]);
  });
  it('reports rule 7 for a fractional events count', () => {
    const body = mixed();
    body.data.companies[0]!.breakdownByCostKey[1].events = 1.5;
    expect(checkUsageReport(body)).toContainEqual(expect.objectContaining({ rule: 7, pointer: '/data/companies/0/breakdownByCostKey/1/events' }));
  });
  it('reports rule 7 for a negative quantity', () => {
    const body = mixed();
    body.data.companies[0]!.breakdownByCostKey[1].minutesUsed = -3;
    expect(checkUsageReport(body)).toContainEqual(expect.objectContaining({ rule: 7, pointer: '/data/companies/0/breakdownByCostKey/1/minutesUsed' }));
  });
  it('reports rule 8 for a cost key listed twice in a company breakdown', () => {
    const body = mixed();
    body.data.companies[0]!.breakdownByCostKey[1].costKey = 'interview_minutes';
    expect(checkUsageReport(body)).toContainEqual(expect.objectContaining({ rule: 8, pointer: '/data/companies/0/breakdownByCostKey/1/costKey' }));
  });
  it('reports rule 9 when a regular key gets two companies', () => {
    expect(rules(mixed(), { keyType: 'regular' })).toEqual([9]);
  });
  it('reports rule 9 when companyId on an ATS key gets another company', () => {
    expect(rules(mixed(), { keyType: 'ats', companyId: INITECH })).toEqual([9]);
  });
  it('compares the requested companyId case-insensitively', () => {
    const body = mixed();
    body.data.companies.pop();
    body.data.totalInterviews = 2;
    delete body.data.totalCreditsUsed;
    body.data.breakdownByCostKey[0] = { costKey: 'interview_minutes', events: 2, minutesUsed: 10.5 };
    expect(checkUsageReport(body, { keyType: 'ats', companyId: INITECH.toUpperCase() })).toEqual([]);
  });
  it('reports rule 10 when a company has more interviews than events', () => {
    const body = mixed();
    body.data.companies[1]!.totalInterviews = 2;
    body.data.totalInterviews = 4;
    expect(rules(body)).toEqual([10]);
  });
  it('reports rule 11 for a null totalCreditsUsed on a minutes company in strict mode', () => {
    const body = mixed();
    body.data.companies[0]!.totalCreditsUsed = null;
    expect(checkUsageReport(body, { strict: true })).toEqual([expect.objectContaining({ rule: 11, pointer: '/data/companies/0/totalCreditsUsed' })]);
  });
  it('tolerates a null totalCreditsUsed on a minutes company outside strict mode', () => {
    const body = mixed();
    body.data.companies[0]!.totalCreditsUsed = null;
    expect(checkUsageReport(body)).toEqual([]);
  });
  it('reports rule 13 for a company total of 0.30000000000000004 (0.1 + 0.2 summed as floats)', () => {
    const body = mixed();
    body.data.companies[0]!.breakdownByCostKey = [
      { costKey: 'interview_minutes', events: 2, minutesUsed: 0.1 },
      { costKey: 'transcription', events: 1, minutesUsed: 0.2 },
    ];
    body.data.companies[0]!.totalMinutesUsed = 0.30000000000000004;
    body.data.totalMinutesUsed = 0.3;
    body.data.breakdownByCostKey = [
      { costKey: 'interview_minutes', events: 3, minutesUsed: 0.1, creditsUsed: 7.25 },
      { costKey: 'transcription', events: 1, minutesUsed: 0.2 },
    ];
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 13, pointer: '/data/companies/0/totalMinutesUsed' })]);
  });
  it('reports rule 13 for a bucket quantity with 4 decimal places', () => {
    const body = mixed();
    body.data.companies[1]!.breakdownByCostKey[0].creditsUsed = 7.2501;
    body.data.companies[1]!.totalCreditsUsed = 7.2501;
    body.data.totalCreditsUsed = 7.2501;
    body.data.breakdownByCostKey[0]!.creditsUsed = 7.2501;
    expect(checkUsageReport(body).map((v) => [v.rule, v.pointer])).toEqual([
      [13, '/data/companies/1/totalCreditsUsed'],
      [13, '/data/companies/1/breakdownByCostKey/0/creditsUsed'],
      [13, '/data/totalCreditsUsed'],
      [13, '/data/breakdownByCostKey/0/creditsUsed'],
    ]);
  });
  it('accepts 1.005, which has exactly 3 decimal places', () => {
    const body = mixed();
    body.data.companies[1]!.breakdownByCostKey[0].creditsUsed = 1.005;
    body.data.companies[1]!.totalCreditsUsed = 1.005;
    body.data.totalCreditsUsed = 1.005;
    body.data.breakdownByCostKey[0]!.creditsUsed = 1.005;
    expect(checkUsageReport(body)).toEqual([]);
  });
  it('reports rule 12 when success is false', () => {
    const body = { ...mixed(), success: false };
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 12, pointer: '/success' })]);
  });
  it('reports rule 12 when error is not null', () => {
    const body = mixed();
    body.error = { code: 'X' };
    expect(rules(body)).toEqual([12]);
  });
  it('reports rule 12 for a timestamp that is not an ISO 8601 instant', () => {
    const body = mixed();
    body.timestamp = '2024-01-31 10:30';
    expect(checkUsageReport(body)).toEqual([expect.objectContaining({ rule: 12, pointer: '/timestamp' })]);
  });
});
