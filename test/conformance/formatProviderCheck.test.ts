import { describe, expect, it } from 'vitest';
import { formatProviderCheck } from '../../src/conformance/formatProviderCheck.ts';
import { runProviderCheck, type RequestResult } from '../../src/conformance/runProviderCheck.ts';
import { ATS, BETA, FIXTURE_KEYS, FIXTURE_MINUTES, REGULAR } from '../support/fixtureCompanies.ts';
import { fixtureReport, startFixtureProvider, type FixtureOptions } from '../support/startFixtureProvider.ts';

/**
 * Five faults, one request each: a 200 without a key; a 401 without WWW-Authenticate; a second company
 * for the regular key's date-only range; float noise for Beta Talent by companyId; `details.field`
 * "start" for start after end.
 */
const fault: FixtureOptions['fault'] = (req, correct) => {
  if (req.key === undefined) return { ...correct, status: 200, body: fixtureReport([FIXTURE_MINUTES]) };
  if (correct.status === 401) return { ...correct, headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'r-401' } };
  if (req.key === REGULAR && req.query.get('start') === '2024-05-01') return { ...correct, body: fixtureReport([FIXTURE_MINUTES, BETA]) };
  if (req.key === ATS && req.query.get('companyId') === BETA.companyId) return { ...correct, body: fixtureReport([BETA], 'float') };
  if (correct.status === 400 && req.query.get('end') === '2024-06-14') (correct.body as { error: { details: { field: string } } }).error.details.field = 'start';
  return correct;
};

describe('formatProviderCheck', () => {
  it('prints the table, one line per problem and the summary, exactly as worked out by hand', async () => {
    const provider = await startFixtureProvider({ keys: FIXTURE_KEYS, fault });
    let text: string;
    try {
      const report = await runProviderCheck({
        baseUrl: provider.baseUrl,
        apiKeys: [REGULAR],
        atsKeys: [ATS],
        now: () => Date.parse('2024-06-15T09:30:00.000Z'),
        randomHex: (n) => 'c4'.repeat(n),
        sleep: async () => {},
      });
      text = formatProviderCheck(report);
    } finally {
      await provider.close();
    }
    const expected = [
      `check ${provider.baseUrl}: 16 requests planned, 16 sent (at most 60 per run)`,
      '',
      '#    request                         key                    status  verdict  first problem',
      'R01  no API key                      -                      200     FAIL     status: expected HTTP 401 (no API key), got 200',
      'R02  unknown API key                 sk_invalid_…c4c4       401     warn     headers WWW-Authenticate: missing on a 401 (RFC 6750 asks for it; the docs do not promise it)',
      'R03  default period                  regular sk_live_…0001  200     pass',
      'R04  date-only range                 regular sk_live_…0001  200     FAIL     rule 9 /data/companies: a regular key must get exactly one company, got 2',
      'R05  date-time range, +02:00 offset  regular sk_live_…0001  200     pass',
      'R06  period ending now               regular sk_live_…0001  200     pass',
      'R07  default period                  ats sk_live_…0002      200     pass',
      'R08  date-only range                 ats sk_live_…0002      200     pass',
      'R09  date-time range, +02:00 offset  ats sk_live_…0002      200     pass',
      'R10  period ending now               ats sk_live_…0002      200     pass',
      'R11  companyId of Alpha Hiring       ats sk_live_…0002      200     pass',
      'R12  companyId of Beta Talent        ats sk_live_…0002      200     FAIL     rule 13 /data/companies/0/totalMinutesUsed: totalMinutesUsed is 0.30000000000000004: quantities car…',
      'R13  unmanaged companyId             ats sk_live_…0002      403     pass',
      'R14  start after end                 regular sk_live_…0001  400     warn     spec /error/details/field: is "start"; this toolkit names "end" (DESIGN §3.2; not promised by the d…',
      'R15  start=yesterday                 regular sk_live_…0001  400     pass',
      'R16  repeated start                  regular sk_live_…0001  400     pass',
      '',
      'Problems (requests, severity, rule, where, what):',
      'R01  FAIL  status   -                                   expected HTTP 401 (no API key), got 200',
      'R04  FAIL  rule 9   /data/companies                     a regular key must get exactly one company, got 2',
      'R12  FAIL  rule 13  /data/companies/0/totalMinutesUsed  totalMinutesUsed is 0.30000000000000004: quantities carry at most 3 decimal places (sum them as integer thousandths)',
      'R12  FAIL  rule 13  /data/totalMinutesUsed              totalMinutesUsed is 0.30000000000000004: quantities carry at most 3 decimal places (sum them as integer thousandths)',
      'R02  warn  headers  WWW-Authenticate                    missing on a 401 (RFC 6750 asks for it; the docs do not promise it)',
      'R14  warn  spec     /error/details/field                is "start"; this toolkit names "end" (DESIGN §3.2; not promised by the docs)',
      '',
      'check: FAILED: 11 passed, 2 passed with warnings, 3 failed, 0 skipped (of 16 requests)',
    ];
    expect(text.split('\n')).toEqual([...expected, '']);
    const problemLines = expected.slice(expected.indexOf('Problems (requests, severity, rule, where, what):') + 1, -2);
    expect(new Set(problemLines).size).toBe(problemLines.length);
    for (const line of problemLines) {
      const rule = /^R\d\d {2}(?:FAIL|warn) {2}(rule (\d+)|spec|status|headers)/.exec(line);
      expect(rule, line).not.toBeNull();
      if (rule![2]) expect(Number(rule![2])).toBeGreaterThanOrEqual(1);
      if (rule![2]) expect(Number(rule![2])).toBeLessThanOrEqual(13);
    }
  });

  it('lists the same problem on several requests once, folding runs of request ids', () => {
    const missing = { severity: 'failure' as const, rule: 4 as const, pointer: '/data/totalCreditsUsed', message: 'totalCreditsUsed is missing (a company bills in credits)' };
    const row = (n: number, failing: boolean): RequestResult => ({
      id: `R0${n}`, label: `request ${n}`, key: 'ats sk_test_…ixed', url: 'http://p/billing/usage', expectedStatus: 200, status: 200,
      verdict: failing ? 'fail' : 'pass', problems: failing ? [missing] : [],
    });
    const text = formatProviderCheck({ baseUrl: 'http://p', ok: false, maxRequests: 60, sent: 6, results: [1, 2, 3, 4, 5, 6].map((n) => row(n, n !== 5)) });
    expect(text.split('\n').slice(-5, -3)).toEqual([
      'Problems (requests, severity, rule, where, what):',
      'R01-R04,R06  FAIL  rule 4  /data/totalCreditsUsed  totalCreditsUsed is missing (a company bills in credits)',
    ]);
  });
});
