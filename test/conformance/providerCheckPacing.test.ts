import { describe, expect, it } from 'vitest';
import { runProviderCheck } from '../../src/conformance/runProviderCheck.ts';
import { FIXTURE_KEYS, REGULAR } from '../support/fixtureCompanies.ts';
import { errorBody, startFixtureProvider, type FixtureCompany, type FixtureOptions } from '../support/startFixtureProvider.ts';

const NOW = Date.parse('2024-06-15T09:30:00.000Z');
const NOW_S = NOW / 1000;

/** Runs the checker with the regular fixture key only, recording every wait instead of waiting. */
async function checkRegular(fault: FixtureOptions['fault']) {
  const sleeps: number[] = [];
  const provider = await startFixtureProvider({ keys: FIXTURE_KEYS, fault });
  try {
    const report = await runProviderCheck({ baseUrl: provider.baseUrl, apiKeys: [REGULAR], atsKeys: [], now: () => NOW, randomHex: (n) => '00'.repeat(n), sleep: async (ms) => void sleeps.push(ms) });
    return { report, sleeps, seen: provider.requests.length };
  } finally {
    await provider.close();
  }
}

describe('runProviderCheck spacing and cap', () => {
  it('waits for the minute window (Reset-Minute + 0.5 s) before each request after Remaining-Minute reached 0', async () => {
    const { report, sleeps } = await checkRegular((req, correct) =>
      req.key === REGULAR ? { ...correct, headers: { ...correct.headers, 'X-RateLimit-Remaining-Minute': '0', 'X-RateLimit-Reset-Minute': String(NOW_S + 30) } } : correct,
    );
    // 7 requests with the key (4 periods, 3 invalid queries): every one after the first waits 30 s + 0.5 s.
    expect(sleeps).toEqual([30_500, 30_500, 30_500, 30_500, 30_500, 30_500]);
    expect(report.ok).toBe(true);
  });

  it("skips the key's remaining requests when its hourly limit is used up for longer than the longest wait", async () => {
    const { report, sleeps, seen } = await checkRegular((req, correct) =>
      req.key === REGULAR ? { ...correct, headers: { ...correct.headers, 'X-RateLimit-Remaining-Hour': '0', 'X-RateLimit-Reset-Hour': String(NOW_S + 3600) } } : correct,
    );
    expect(sleeps).toEqual([]);
    expect(seen).toBe(3);
    expect(report.results.map((r) => r.verdict)).toEqual(['pass', 'pass', 'pass', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip']);
    expect(report.results[3]!.skippedBecause).toBe("the key's hourly rate limit is used up until 2024-06-15T10:30:00.000Z");
  });

  it('retries a 429 once after Retry-After and judges the second answer, with a warning', async () => {
    let limited = false;
    const { report, sleeps, seen } = await checkRegular((req, correct) => {
      if (req.key !== REGULAR || limited) return correct;
      limited = true;
      return { status: 429, headers: { ...correct.headers, 'Retry-After': '2' }, body: errorBody('RATE_LIMIT_EXCEEDED', 'Slow down.', { retryAfter: 2, limit: 60, remaining: 0, reset: NOW_S + 2 }) };
    });
    expect(sleeps).toEqual([2000]);
    expect(seen).toBe(10);
    expect(report.results[2]).toMatchObject({ label: 'default period', status: 200, verdict: 'warn', problems: [{ severity: 'warning', rule: 'status', message: 'the first answer was 429; retried once after 2 s' }] });
  });

  it('never sends more than 60 requests: an ATS key with 80 companies gets 50 of them by companyId, the other 30 in one skipped row', async () => {
    const companies: FixtureCompany[] = Array.from({ length: 80 }, (_, i) => ({
      companyId: `c0c0c0c0-0000-4000-8000-${String(i).padStart(12, '0')}`,
      companyName: `Company ${String(i).padStart(2, '0')}`,
      billingSystem: 'minutes',
      totalInterviews: 0,
      buckets: [],
    }));
    const provider = await startFixtureProvider({ keys: { sk_live_bigAts000000000000000000000001: { kind: 'ats', companies } } });
    try {
      const report = await runProviderCheck({ baseUrl: provider.baseUrl, apiKeys: [], atsKeys: ['sk_live_bigAts000000000000000000000001'], now: () => NOW, sleep: async () => {} });
      // 10 fixed requests (2 keyless, 4 periods, 1 unmanaged, 3 invalid) leave 50 for companies.
      expect(report.sent).toBe(60);
      expect(provider.requests).toHaveLength(60);
      expect(report.results.filter((r) => r.label.startsWith('companyId of Company'))).toHaveLength(50);
      expect(report.results.filter((r) => r.verdict === 'skip').map((r) => r.label)).toEqual(['companyId of 30 more companies']);
      expect(report.ok).toBe(true);
    } finally {
      await provider.close();
    }
  });
});
