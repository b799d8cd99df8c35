import { describe, expect, it } from 'vitest';
import { runProviderCheck, type ProviderCheckReport } from '../../src/conformance/runProviderCheck.ts';
import { ATS, BETA, FIXTURE_KEYS as KEYS, FIXTURE_MINUTES, REGULAR } from '../support/fixtureCompanies.ts';
import { fixtureReport, startFixtureProvider, type FixtureOptions } from '../support/startFixtureProvider.ts';

const FIXED = { now: () => Date.parse('2024-06-15T09:30:00.000Z'), randomHex: (n: number) => 'ab'.repeat(n), sleep: async () => {} };

/** Runs the checker with the regular and the ATS key against a fixture provider with `fault`. */
async function check(options: Omit<FixtureOptions, 'keys'> = {}, strict = false): Promise<ProviderCheckReport> {
  const provider = await startFixtureProvider({ keys: KEYS, ...options });
  try {
    return await runProviderCheck({ baseUrl: provider.baseUrl, apiKeys: [REGULAR], atsKeys: [ATS], strict, ...FIXED });
  } finally {
    await provider.close();
  }
}

/** The failing requests: label and the rule of each failure, in order. */
const failures = (report: ProviderCheckReport) =>
  report.results.filter((r) => r.verdict === 'fail').map((r) => ({ label: r.label, rules: r.problems.filter((p) => p.severity === 'failure').map((p) => p.rule) }));

describe('runProviderCheck against fixture providers', () => {
  it('passes a correct provider whose data differs from the mock, sending the 16 requests of the matrix', async () => {
    const report = await check();
    expect(failures(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => r.label)).toEqual([
      'no API key', 'unknown API key',
      'default period', 'date-only range', 'date-time range, +02:00 offset', 'period ending now',
      'default period', 'date-only range', 'date-time range, +02:00 offset', 'period ending now',
      'companyId of Alpha Hiring', 'companyId of Beta Talent', 'unmanaged companyId',
      'start after end', 'start=yesterday', 'repeated start',
    ]);
    expect(report.sent).toBe(16);
  });

  it('sends the dates of the matrix worked out from the clock, with + encoded as %2B', async () => {
    const report = await check();
    const urls = report.results.slice(3, 6).map((r) => r.url.replace(/^.*\/billing\/usage/, ''));
    expect(urls).toEqual([
      '?start=2024-05-01&end=2024-06-01',
      '?start=2024-06-08T00:00:00%2B02:00&end=2024-06-15T00:00:00%2B02:00',
      '?start=2024-06-08T09:30:00.000Z&end=2024-06-15T09:30:00.000Z',
    ]);
    expect(report.results.slice(13).map((r) => r.url.replace(/^.*\/billing\/usage/, ''))).toEqual(['?start=2024-06-15&end=2024-06-14', '?start=yesterday', '?start=2024-06-13&start=2024-06-14']);
  });

  it('fails the no-key request of a provider that answers 200 without a key', async () => {
    const report = await check({ fault: (req, correct, keys) => (req.key === undefined ? { ...correct, status: 200, body: fixtureReport(keys[REGULAR]!.companies) } : correct) });
    expect(failures(report)).toEqual([{ label: 'no API key', rules: ['status'] }]);
    expect(report.results[0]!.problems[0]!.message).toBe('expected HTTP 401 (no API key), got 200');
  });

  it('fails both 401 requests of a provider that answers a bare { message } body, naming each missing envelope field', async () => {
    const report = await check({ fault: (_req, correct) => (correct.status === 401 ? { ...correct, body: { message: 'Unauthorized' } } : correct) });
    expect(failures(report)).toEqual([
      { label: 'no API key', rules: ['spec', 'spec', 'spec', 'spec'] },
      { label: 'unknown API key', rules: ['spec', 'spec', 'spec', 'spec'] },
    ]);
    expect(report.results[1]!.problems.map((p) => p.pointer)).toEqual(['/data', '/error', '/success', '/timestamp']);
  });

  it('fails start=yesterday on a provider that answers it with 200', async () => {
    const report = await check({ fault: (req, correct, keys) => (req.query.get('start') === 'yesterday' ? { ...correct, status: 200, body: fixtureReport(keys[REGULAR]!.companies) } : correct) });
    expect(failures(report)).toEqual([{ label: 'start=yesterday', rules: ['status'] }]);
  });

  it('fails a null unit field under --strict as §8 rule 11 on every regular-key 200', async () => {
    const withNull: FixtureOptions['fault'] = (req, correct) => {
      if (req.key === REGULAR && correct.status === 200) (correct.body as any).data.companies[0].totalCreditsUsed = null;
      return correct;
    };
    const report = await check({ fault: withNull }, true);
    expect(failures(report).map((f) => f.label)).toEqual(['default period', 'date-only range', 'date-time range, +02:00 offset', 'period ending now']);
    expect(report.results[2]!.problems).toEqual([expect.objectContaining({ severity: 'failure', rule: 11, pointer: '/data/companies/0/totalCreditsUsed' })]);
  });

  it('only warns about a null unit field without --strict', async () => {
    const report = await check({
      fault: (req, correct) => {
        if (req.key === REGULAR && correct.status === 200) (correct.body as any).data.companies[0].totalCreditsUsed = null;
        return correct;
      },
    });
    expect(report.ok).toBe(true);
    expect(report.results[2]!.verdict).toBe('warn');
    expect(report.results[2]!.problems).toEqual([expect.objectContaining({ severity: 'warning', rule: 'spec', pointer: '/data/companies/0/totalCreditsUsed' })]);
  });

  it('fails a company total that is not the sum of its buckets as §8 rule 3', async () => {
    const report = await check({
      fault: (req, correct) => {
        // The company total is off by 0.155; the top-level total repeats it, so only the company's sum is wrong.
        if (req.key === REGULAR && correct.status === 200) Object.assign((correct.body as any).data, { totalMinutesUsed: 13 }).companies[0].totalMinutesUsed = 13;
        return correct;
      },
    });
    expect(failures(report)).toHaveLength(4);
    expect(report.results[2]!.problems).toEqual([expect.objectContaining({ rule: 3, pointer: '/data/companies/0/totalMinutesUsed', message: "totalMinutesUsed is 13 but its buckets' minutesUsed sum to 12.845" })]);
  });

  it('fails float noise (0.1 + 0.2 summed as floats) as §8 rule 13 on every answer that lists Beta Talent', async () => {
    const report = await check({ sum: 'float' });
    expect(failures(report)).toEqual([
      { label: 'default period', rules: [13, 13] },
      { label: 'date-only range', rules: [13, 13] },
      { label: 'date-time range, +02:00 offset', rules: [13, 13] },
      { label: 'period ending now', rules: [13, 13] },
      { label: 'companyId of Beta Talent', rules: [13, 13] },
    ]);
    // Beta Talent's total and the top-level minutes total (Beta is the only minutes company); its buckets are 0.1 and 0.2 as sent.
    expect(report.results[6]!.problems.map((p) => p.pointer)).toEqual(['/data/companies/1/totalMinutesUsed', '/data/totalMinutesUsed']);
    expect(report.results[11]!.problems.map((p) => p.pointer)).toEqual(['/data/companies/0/totalMinutesUsed', '/data/totalMinutesUsed']);
  });

  it('fails a report without the top-level totalCreditsUsed as §8 rule 4', async () => {
    const report = await check({
      fault: (req, correct) => {
        if (req.key === ATS && correct.status === 200) delete (correct.body as any).data.totalCreditsUsed;
        return correct;
      },
    });
    expect(failures(report)).toEqual([
      { label: 'default period', rules: [4] },
      { label: 'date-only range', rules: [4] },
      { label: 'date-time range, +02:00 offset', rules: [4] },
      { label: 'period ending now', rules: [4] },
      { label: 'companyId of Alpha Hiring', rules: [4] },
    ]);
  });

  it('fails an ATS provider that ignores companyId: §8 rule 9 for each managed company, status for the unmanaged one', async () => {
    const report = await check({
      fault: (req, correct, keys) => (req.key === ATS && req.query.has('companyId') ? { ...correct, status: 200, body: fixtureReport(keys[ATS]!.companies) } : correct),
    });
    expect(failures(report)).toEqual([
      { label: 'companyId of Alpha Hiring', rules: [9] },
      { label: 'companyId of Beta Talent', rules: [9] },
      { label: 'unmanaged companyId', rules: ['status'] },
    ]);
  });

  it('fails a regular key that gets two companies as §8 rule 9', async () => {
    const report = await check({
      fault: (req, correct) => (req.key === REGULAR && correct.status === 200 ? { ...correct, body: fixtureReport([FIXTURE_MINUTES, BETA]) } : correct),
    });
    expect(failures(report)).toEqual([
      { label: 'default period', rules: [9] },
      { label: 'date-only range', rules: [9] },
      { label: 'date-time range, +02:00 offset', rules: [9] },
      { label: 'period ending now', rules: [9] },
    ]);
  });

  it('reports a provider that is not there as unreachable, sending nothing more', async () => {
    const provider = await startFixtureProvider({ keys: KEYS });
    await provider.close();
    const report = await runProviderCheck({ baseUrl: provider.baseUrl, apiKeys: [REGULAR], atsKeys: [], ...FIXED });
    expect(report).toMatchObject({ ok: false, unreachable: 'ECONNREFUSED', sent: 1, results: [] });
  });
});
