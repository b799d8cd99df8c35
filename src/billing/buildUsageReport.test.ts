import { describe, expect, it } from 'vitest';
import { buildUsageReport } from './buildUsageReport.ts';
import type { Company, Tally } from './types.ts';

const initech: Company = { id: '33333333-3333-4333-8333-333333333333', name: 'Initech', billingSystem: 'minutes' };
const umbrella: Company = { id: '44444444-4444-4444-8444-444444444444', name: 'Umbrella Staffing', billingSystem: 'credits' };
const stark: Company = { id: '66666666-6666-4666-8666-666666666666', name: 'Stark Recruiting', billingSystem: 'minutes' };
const EMPTY: Tally = { buckets: [], interviews: 0 };

/** Tallies looked up by company id; unknown ones are empty. */
function tallies(byId: Record<string, Tally>): (c: Company) => Tally {
  return (c) => byId[c.id] ?? EMPTY;
}

describe('buildUsageReport', () => {
  it('reports a mixed ATS key with both totals and a global bucket carrying both units', () => {
    const report = buildUsageReport(
      [umbrella, stark, initech],
      tallies({
        [initech.id]: {
          buckets: [
            { costKey: 'interview_minutes', events: 2, milli: 10_500 },
            { costKey: 'transcription', events: 1, milli: 3_000 },
          ],
          interviews: 2,
        },
        [umbrella.id]: { buckets: [{ costKey: 'interview_minutes', events: 1, milli: 7_250 }], interviews: 1 },
      }),
    );
    expect(report).toStrictEqual({
      companies: [
        {
          companyId: initech.id,
          companyName: 'Initech',
          billingSystem: 'minutes',
          totalMinutesUsed: 13.5,
          totalInterviews: 2,
          breakdownByCostKey: [
            { costKey: 'interview_minutes', events: 2, minutesUsed: 10.5 },
            { costKey: 'transcription', events: 1, minutesUsed: 3 },
          ],
        },
        { companyId: stark.id, companyName: 'Stark Recruiting', billingSystem: 'minutes', totalMinutesUsed: 0, totalInterviews: 0, breakdownByCostKey: [] },
        {
          companyId: umbrella.id,
          companyName: 'Umbrella Staffing',
          billingSystem: 'credits',
          totalCreditsUsed: 7.25,
          totalInterviews: 1,
          breakdownByCostKey: [{ costKey: 'interview_minutes', events: 1, creditsUsed: 7.25 }],
        },
      ],
      totalMinutesUsed: 13.5,
      totalCreditsUsed: 7.25,
      totalInterviews: 3,
      breakdownByCostKey: [
        { costKey: 'interview_minutes', events: 3, minutesUsed: 10.5, creditsUsed: 7.25 },
        { costKey: 'transcription', events: 1, minutesUsed: 3 },
      ],
    });
  });

  it('leaves the totalCreditsUsed key out entirely for minutes-only companies', () => {
    const report = buildUsageReport([initech], tallies({}));
    expect('totalCreditsUsed' in report).toBe(false);
    expect(JSON.stringify(report)).not.toContain('Credits');
  });

  it('leaves minutesUsed out of a credits company bucket', () => {
    const report = buildUsageReport([umbrella], tallies({ [umbrella.id]: { buckets: [{ costKey: 'k', events: 1, milli: 1 }], interviews: 1 } }));
    expect('minutesUsed' in report.breakdownByCostKey[0]!).toBe(false);
    expect('minutesUsed' in (report.companies[0]!.breakdownByCostKey[0] as object)).toBe(false);
  });

  it('reports no totals and no companies for an empty list', () => {
    expect(JSON.stringify(buildUsageReport([], tallies({})))).toBe('{"companies":[],"totalInterviews":0,"breakdownByCostKey":[]}');
  });

  it('reports totalCreditsUsed 0 for a credits company without usage', () => {
    expect(buildUsageReport([umbrella], tallies({})).totalCreditsUsed).toBe(0);
  });

  it('sums three events of 0.1 minutes to exactly 0.3', () => {
    const tally: Tally = { buckets: [{ costKey: 'a', events: 1, milli: 100 }, { costKey: 'b', events: 2, milli: 200 }], interviews: 3 };
    expect(buildUsageReport([initech], tallies({ [initech.id]: tally })).totalMinutesUsed).toBe(0.3);
  });

  it('sums 0.1 + 0.2 minutes across two companies to exactly 0.3', () => {
    const report = buildUsageReport(
      [initech, stark],
      tallies({
        [initech.id]: { buckets: [{ costKey: 'a', events: 1, milli: 100 }], interviews: 1 },
        [stark.id]: { buckets: [{ costKey: 'a', events: 1, milli: 200 }], interviews: 1 },
      }),
    );
    expect([report.totalMinutesUsed, report.breakdownByCostKey[0]?.minutesUsed]).toEqual([0.3, 0.3]);
  });

  it('sorts companies by name in code-unit order, upper case first', () => {
    const alpha: Company = { id: 'b', name: 'alpha', billingSystem: 'minutes' };
    const zeta: Company = { id: 'a', name: 'Zeta', billingSystem: 'minutes' };
    expect(buildUsageReport([alpha, zeta], tallies({})).companies.map((c) => c.companyName)).toEqual(['Zeta', 'alpha']);
  });

  it('sorts companies with the same name by id', () => {
    const second: Company = { id: 'bbb', name: 'Same', billingSystem: 'minutes' };
    const first: Company = { id: 'aaa', name: 'Same', billingSystem: 'credits' };
    expect(buildUsageReport([second, first], tallies({})).companies.map((c) => c.companyId)).toEqual(['aaa', 'bbb']);
  });

  it('sums totalInterviews over the companies', () => {
    const report = buildUsageReport(
      [initech, stark],
      tallies({
        [initech.id]: { buckets: [{ costKey: 'a', events: 4, milli: 1 }], interviews: 3 },
        [stark.id]: { buckets: [{ costKey: 'b', events: 2, milli: 1 }], interviews: 2 },
      }),
    );
    expect(report.totalInterviews).toBe(5);
  });
});
