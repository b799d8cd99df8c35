import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { rulesScenario } from '../support/rulesScenario.ts';

// Clock frozen at 2024-03-01T12:00:00Z = Unix 1709294400 s: the minute window resets at 1709294460,
// the hour window at 1709298000 (DESIGN §3.6: fixed windows aligned to the mock clock).
describe('rate limits with --rate-limit (DESIGN §3.6)', () => {
  let m: TestMock;
  beforeAll(async () => {
    m = await startMock(rulesScenario, { rateLimit: true });
  });
  afterAll(() => m.close());

  it('counts every request past step 3, answers 429 for the window exhausted first, then the hour window', async () => {
    // sk_test_tiny_plan: {perMinute: 2, perHour: 3}, and no read:billing scope (403s count too).
    const first = await m.get('/billing/usage', 'sk_test_tiny_plan');
    expect(first.status).toBe(403);
    expect(first.headers.get('x-ratelimit-limit-minute')).toBe('2');
    expect(first.headers.get('x-ratelimit-limit-hour')).toBe('3');
    expect(first.headers.get('x-ratelimit-remaining-minute')).toBe('1');
    expect(first.headers.get('x-ratelimit-remaining-hour')).toBe('2');
    expect(first.headers.get('x-ratelimit-reset-minute')).toBe('1709294460');
    expect(first.headers.get('x-ratelimit-reset-hour')).toBe('1709298000');

    const second = await m.get('/billing/usage', 'sk_test_tiny_plan');
    expect(second.status).toBe(403);
    expect(second.headers.get('x-ratelimit-remaining-minute')).toBe('0');

    const third = await m.get('/billing/usage', 'sk_test_tiny_plan');
    expect(third.status).toBe(429);
    expect(third.body.error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', details: { retryAfter: 60, limit: 2, remaining: 0, reset: 1709294460 } });
    expect(third.headers.get('retry-after')).toBe('60');

    expect((await m.admin('PUT', '/clock', { advanceMs: 60_000 })).status).toBe(200);
    const fourth = await m.get('/billing/usage', 'sk_test_tiny_plan');
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.details).toEqual({ retryAfter: 3540, limit: 3, remaining: 0, reset: 1709298000 });
    expect(fourth.headers.get('x-ratelimit-remaining-minute')).toBe('1');
    expect(fourth.headers.get('x-ratelimit-remaining-hour')).toBe('0');
  });

  it('does not count requests refused at steps 1–3', async () => {
    await m.admin('POST', '/reset');
    for (let i = 0; i < 3; i++) expect((await m.get('/billing/usage', 'sk_test_suspended')).status).toBe(403);
    const r = await m.get('/billing/usage', 'sk_test_acme');
    expect(r.headers.get('x-ratelimit-remaining-minute')).toBe('59');
    const suspended = await m.get('/billing/usage', 'sk_test_suspended');
    expect(suspended.headers.get('x-ratelimit-limit-minute')).toBeNull();
  });
});

describe('rate limits without --rate-limit', () => {
  let m: TestMock;
  beforeAll(async () => {
    m = await startMock(rulesScenario);
  });
  afterAll(() => m.close());

  it('sends the trial plan headers but never 429', async () => {
    let last;
    for (let i = 0; i < 31; i++) last = await m.get('/billing/usage', 'sk_test_trial');
    expect(last!.status).toBe(200);
    expect(last!.headers.get('x-ratelimit-limit-minute')).toBe('30');
    expect(last!.headers.get('x-ratelimit-limit-hour')).toBe('500');
    expect(last!.headers.get('x-ratelimit-remaining-minute')).toBe('0');
    expect(last!.headers.get('x-ratelimit-remaining-hour')).toBe('469');
  });
});
