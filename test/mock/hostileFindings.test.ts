import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';
import { startMock, type TestMock } from '../support/startMock.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
afterAll(() => m.close());
beforeEach(async () => {
  await m.admin('DELETE', '/faults');
});

/** Sends raw bytes and resolves with the whole answer text (the mock closes the connection). */
function raw(text: string | Buffer): Promise<string> {
  const { port } = new URL(m.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
    let out = '';
    socket.on('data', (d) => (out += d));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('finding 1: fault pointers cannot reach a prototype (DESIGN §6.3, §6.7)', () => {
  it.each(['/__proto__/hasOwnProperty', '/constructor/prototype/toString', '/data/prototype'])('refuses dropFields %s with 400 and the API keeps answering', async (pointer) => {
    const r = await m.admin('PUT', '/faults', { dropFields: [pointer] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_ERROR');
    expect(Object.prototype.hasOwnProperty.call({ a: 1 }, 'a')).toBe(true);
    expect((await m.get('/billing/usage', 'sk_test_acme')).status).toBe(200);
    expect((await m.admin('GET', '/faults')).body.data).toEqual([]);
  });

  it('removes an array element instead of leaving null in its place', async () => {
    await m.admin('PUT', '/faults', { apiKey: 'sk_test_ats', dropFields: ['/data/companies/0'] });
    const r = await m.get('/billing/usage', 'sk_test_ats');
    // Alpha ATS has Initech, Stark and Umbrella (sorted by name): dropping item 0 leaves Stark and Umbrella.
    expect(r.body.data.companies.map((c: { companyName: string }) => c.companyName)).toEqual(['Stark', 'Umbrella']);
  });
});

describe('finding 2: no other web page drives the control plane (DESIGN §6.3)', () => {
  it('answers a CORS preflight to /__admin with 403 and no Access-Control-Allow-Origin', async () => {
    const res = await fetch(`${m.baseUrl}/__admin/api-keys`, { method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'PUT' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('CORS_NOT_ALLOWED');
  });

  it('refuses a read from another origin, and sends no CORS header on any /__admin answer', async () => {
    const foreign = await fetch(`${m.baseUrl}/__admin/api-keys`, { headers: { Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    const own = await fetch(`${m.baseUrl}/__admin/api-keys`);
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body-less POST /__admin/reset without Content-Type (415) and one from another origin (403), and changes nothing', async () => {
    await m.admin('DELETE', `/companies/${IDS.wayne}`);
    const bare = await fetch(`${m.baseUrl}/__admin/reset`, { method: 'POST' });
    expect(bare.status).toBe(415);
    const plain = await fetch(`${m.baseUrl}/__admin/scenarios/default/load`, { method: 'POST', headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
    const foreign = await fetch(`${m.baseUrl}/__admin/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' } });
    expect(foreign.status).toBe(403);
    expect((await m.admin('GET', `/companies/${IDS.wayne}`)).status).toBe(404);
    expect((await m.admin('POST', '/reset')).status).toBe(200);
  });

  it('refuses a Host that is not loopback (DNS rebinding) with 403 HOST_NOT_ALLOWED', async () => {
    const answer = await raw('GET /__admin/api-keys HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).toContain('"code":"HOST_NOT_ALLOWED"');
    expect(answer).not.toContain('sk_test_acme');
  });

  it('accepts a name given to --allowed-hosts', async () => {
    const allowed = await startMock(rulesScenario, { allowedHosts: ['mock.test'] });
    try {
      const { port } = new URL(allowed.baseUrl);
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end('GET /__admin/health HTTP/1.1\r\nHost: mock.test:4010\r\nConnection: close\r\n\r\n'));
        let out = '';
        socket.on('data', (d) => (out += d));
        socket.on('close', () => resolve(out));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      await allowed.close();
    }
  });
});

describe('finding 3: a forced status answers what the real API would (DESIGN §6.7)', () => {
  it('429 carries Retry-After, the six rate-limit headers and details', async () => {
    await m.admin('PUT', '/faults', { status: 429 });
    const r = await m.get('/billing/usage', 'sk_test_acme');
    expect(r.status).toBe(429);
    // Frozen clock 2024-03-01T12:00:00Z = 1709294400 s: the minute window resets at 1709294460, in 60 s.
    expect(r.headers.get('retry-after')).toBe('60');
    expect(r.headers.get('x-ratelimit-limit-minute')).toBe('60');
    expect(r.headers.get('x-ratelimit-remaining-minute')).toBe('0');
    expect(r.headers.get('x-ratelimit-reset-minute')).toBe('1709294460');
    expect(r.body.error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', details: { retryAfter: 60, limit: 60, remaining: 0, reset: 1709294460 } });
  });

  it('401 is INVALID_API_KEY with WWW-Authenticate, or the code the fault names', async () => {
    await m.admin('PUT', '/faults', { status: 401 });
    const r = await m.get('/billing/usage', 'sk_test_acme');
    expect([r.status, r.body.error.code, r.headers.get('www-authenticate')]).toEqual([401, 'INVALID_API_KEY', 'Bearer realm="instaview"']);
    await m.admin('PUT', '/faults', { status: 403, code: 'API_KEY_SUSPENDED' });
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.error.code).toBe('API_KEY_SUSPENDED');
  });

  it('refuses a status the spec does not describe for the API, and a code that does not go with the status', async () => {
    expect((await m.admin('PUT', '/faults', { status: 418 })).status).toBe(400);
    // The strict response check of this test mock would turn a mismatching forced answer into a 500.
    await m.admin('PUT', '/faults', { status: 404 });
    expect((await m.get('/billing/usage', 'sk_test_acme')).status).toBe(404);
  });
});

describe('finding 4: numbers and instants at the edges (DESIGN §6.8)', () => {
  it('refuses a pricing rule above 999 999 999 999.999 with 400 naming the field', async () => {
    const r = await m.admin('PATCH', `/companies/${IDS.globex}`, { pricing: { GENERIC: { baseCost: 0, includedMinutes: 0, costPerMinute: 9_007_199_254_740 } } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('pricing/GENERIC/costPerMinute');
  });

  it('refuses a price a rule would compute past 9 007 199 254 740.991 credits, naming credits', async () => {
    await m.admin('PATCH', `/companies/${IDS.globex}`, { pricing: { GENERIC: { baseCost: 0, includedMinutes: 0, costPerMinute: 999_999_999_999.999 } } });
    const r = await m.admin('POST', '/usage-events', { companyId: IDS.globex, occurredAt: '2024-02-20T00:00:00Z', minutes: 10_000 });
    expect(r.status).toBe(400);
    expect(r.body.error.details.errors[0]).toMatchObject({ index: 0, field: 'credits' });
    await m.admin('POST', '/reset');
  });

  it('keeps 0.001 + 0.001 + 0.001 at 0.003', async () => {
    const small = Array.from({ length: 3 }, () => ({ companyId: IDS.wayne, occurredAt: '2024-02-21T00:00:00Z', minutes: 0.001 }));
    expect((await m.admin('POST', '/usage-events', small)).status).toBe(201);
    // Wayne had 1 minute on 2024-02-20; the three new events add 0.003.
    expect((await m.get('/billing/usage', 'sk_test_solo')).body.data.totalMinutesUsed).toBe(1.003);
    await m.admin('POST', '/reset');
  });
  it('a refused PUT /state changes nothing, the clock included', async () => {
    const r = await m.admin('PUT', '/state', { ...rulesScenario, clock: { mode: 'frozen', now: '2030-01-01T00:00:00Z' }, companies: [{ ...rulesScenario.companies[5]!, pricing: { GENERIC: { baseCost: 1e13, includedMinutes: 0, costPerMinute: 0 } } }] });
    expect(r.status).toBe(400);
    expect((await m.admin('GET', '/clock')).body.data.now).toBe('2024-03-01T12:00:00.000Z');
  });

  it('refuses a clock advanced past year 9999', async () => {
    const r = await m.admin('PUT', '/clock', { advanceMs: 8.64e15 });
    expect(r.status).toBe(400);
    expect((await m.admin('GET', '/clock')).body.data.now).toBe('2024-03-01T12:00:00.000Z');
  });
});

describe('finding 6: what Node answers by itself carries the envelope (DESIGN §3.6)', () => {
  it('answers a 40 KiB query with 414 URI_TOO_LONG, not 431', async () => {
    const answer = await raw(`GET /billing/usage?x=${'a'.repeat(40 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 414 /);
    expect(answer).toContain('"code":"URI_TOO_LONG"');
    expect(answer).toMatch(/X-Request-Id: [0-9a-f-]{36}/);
  });

  it('answers oversized headers with 431 and the envelope', async () => {
    const answer = await raw(`GET /billing/usage HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'b'.repeat(40 * 1024)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('"success":false');
  });

  it('answers an unknown Expect header with 417 in the envelope', async () => {
    const answer = await raw('GET /billing/usage HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: teapot\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 417 /);
    expect(answer).toContain('"code":"BAD_REQUEST"');
    expect(answer).toMatch(/X-Request-Id: /i);
  });
});

describe('finding 7: browser apps with tracing headers pass the CORS preflight (DESIGN §3.6)', () => {
  it('allows every header a preflight asks for', async () => {
    const res = await fetch(`${m.baseUrl}/billing/usage`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,traceparent,sentry-trace,baggage' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,traceparent,sentry-trace,baggage');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('finding 9: Prefer picks an answer per request, as in Prism (DESIGN §6.7)', () => {
  it('Prefer: code=429 forces the rate-limited answer', async () => {
    const r = await m.get('/billing/usage', 'sk_test_acme', { Prefer: 'code=429' });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
  });

  it('Prefer: example=atsMixed answers the spec example with status 200', async () => {
    const r = await m.get('/billing/usage', 'sk_test_acme', { Prefer: 'example=atsMixed' });
    expect(r.status).toBe(200);
    // The spec's atsMixed example: Hooli Talent, Initech, Stark Recruiting (minutes) and Umbrella Staffing (credits).
    expect(r.body.data.companies.map((c: { billingSystem: string }) => c.billingSystem)).toEqual(['minutes', 'minutes', 'minutes', 'credits']);
    expect(r.headers.get('x-ratelimit-limit-minute')).toBe('60');
  });

  it('an unknown example or code is a 400 naming Prefer', async () => {
    const r = await m.get('/billing/usage', 'sk_test_acme', { Prefer: 'example=nope' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('Prefer');
    expect((await m.get('/billing/usage', 'sk_test_acme', { Prefer: 'code=418' })).status).toBe(400);
  });
});

describe('finding 5: answers to long admin queries match the spec, so nothing piles up (issue 8)', () => {
  it('answers 300 × GET /__admin/health?x=<8 193 characters> with a spec-valid 414, counting no mismatch', async () => {
    const long = 'x'.repeat(8193);
    for (let i = 0; i < 300; i++) {
      const res = await fetch(`${m.baseUrl}/__admin/health?x=${long}`);
      expect(res.status).toBe(414);
      await res.arrayBuffer();
    }
    expect((await m.admin('GET', '/health')).body.data.responseMismatches).toBe(0);
  });
});

/** The raw text of a usage answer, to see the numbers as sent (a parsed double would hide a rounded one). */
async function usageText(key: string): Promise<string> {
  const res = await fetch(`${m.baseUrl}/billing/usage`, { headers: { Authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  return res.text();
}

const MAX = 999_999_999_999.999;
const big = (companyId: string, extra: Record<string, unknown> = {}) => ({ companyId, occurredAt: '2024-02-21T00:00:00Z', minutes: MAX, ...extra });

describe('every sum the API can report stays exact, and only those sums are bounded (DESIGN §6.8)', () => {
  // Below 2^43 thousandths-of-a-unit neighbouring doubles are < 0.001 apart, so a total with 3 decimals
  // prints as itself; the bound is 8 796 093 022 207.999 (decision 0014).
  afterAll(() => m.admin('POST', '/reset'));
  beforeEach(() => m.admin('POST', '/reset'));

  it('a company reaches 8 000 000 000 000.992 exactly; one more maximal event is refused naming the company', async () => {
    // Wayne (Solo ATS, its only company) has 1 minute; 8 × 999 999 999 999.999 = 7 999 999 999 999.992.
    expect((await m.admin('POST', '/usage-events', Array.from({ length: 8 }, () => big(IDS.wayne)))).status).toBe(201);
    expect(await usageText('sk_test_solo')).toContain('"totalMinutesUsed":8000000000000.992');
    // + 999 999 999 999.999 = 9 000 000 000 000.991 > 8 796 093 022 207.999 (it would print as 9000000000000.99).
    const refused = await m.admin('POST', '/usage-events', [big(IDS.wayne, { minutes: 1 }), big(IDS.wayne)]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual([
      { index: 1, field: 'minutes', reason: `the minutes of company ${IDS.wayne} would sum to more than 8796093022207.999, beyond what a JSON number carries exactly to 3 decimals (DESIGN §6.8)` },
    ]);
    expect(await usageText('sk_test_solo')).toContain('"totalMinutesUsed":8000000000000.992'); // nothing of the refused batch
  });

  it('another company, a test event and the other unit are not held back by a full company', async () => {
    expect((await m.admin('POST', '/usage-events', Array.from({ length: 8 }, () => big(IDS.wayne)))).status).toBe(201);
    // Acme is a regular company: its reports never include Wayne's minutes.
    expect((await m.admin('POST', '/usage-events', big(IDS.acme))).status).toBe(201);
    // A test event is never counted (§3.4), so it adds to no sum.
    expect((await m.admin('POST', '/usage-events', big(IDS.wayne, { isTest: true }))).status).toBe(201);
    // Acme: 0.1 × 3 + 5 = 5.3 minutes before, + 999 999 999 999.999.
    expect(await usageText('sk_test_acme')).toContain('"totalMinutesUsed":1000000000005.299');
  });

  it("an ATS integration's total is bounded over its companies, per unit", async () => {
    // Alpha ATS minutes: Initech 12.75 + Stark 0. Initech + 5 maximal events = 5 000 000 000 012.745.
    expect((await m.admin('POST', '/usage-events', Array.from({ length: 5 }, () => big(IDS.initech)))).status).toBe(201);
    // Stark's own total stays small, but Alpha's would reach 9 000 000 000 012.741 at the 4th event (index 3).
    const refused = await m.admin('POST', '/usage-events', Array.from({ length: 4 }, () => big(IDS.stark)));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual([
      { index: 3, field: 'minutes', reason: `the minutes of ATS integration ${IDS.alphaAts} would sum to more than 8796093022207.999, beyond what a JSON number carries exactly to 3 decimals (DESIGN §6.8)` },
    ]);
    expect((await m.admin('POST', '/usage-events', Array.from({ length: 3 }, () => big(IDS.stark)))).status).toBe(201);
    // Alpha: 5 000 000 000 012.745 + 2 999 999 999 999.997 = 8 000 000 000 012.742 minutes, exact.
    expect(await usageText('sk_test_ats')).toContain('"totalMinutesUsed":8000000000012.742');
    // One batch, two units: Stark + 700 000 000 000 takes Alpha's minutes to 8 700 000 000 012.742 (room
    // left), and Umbrella bills in credits, where Alpha has 7.75: each unit is bounded on its own.
    const mixed = [big(IDS.stark, { minutes: 700_000_000_000 }), big(IDS.umbrella, { minutes: 1, credits: MAX })];
    expect((await m.admin('POST', '/usage-events', mixed)).status).toBe(201);
    const text = await usageText('sk_test_ats');
    expect(text).toContain('"totalMinutesUsed":8700000000012.742');
    expect(text).toContain('"totalCreditsUsed":1000000000007.749');
  });

  it('refuses moving a company into an ATS integration whose total it would push past the bound, and changes nothing', async () => {
    expect((await m.admin('POST', '/usage-events', Array.from({ length: 8 }, () => big(IDS.initech)))).status).toBe(201);
    expect((await m.admin('POST', '/usage-events', big(IDS.acme))).status).toBe(201);
    // Alpha minutes 12.75 + 7 999 999 999 999.992 = 8 000 000 000 012.742, + Acme 1 000 000 000 005.299 > 8 796 093 022 207.999.
    const refused = await m.admin('PATCH', `/companies/${IDS.acme}`, { atsIntegrationId: IDS.alphaAts });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.field).toBe('atsIntegrationId');
    expect((await m.admin('GET', `/companies/${IDS.acme}`)).body.data.atsIntegrationId).toBeUndefined();
    // Into Solo ATS (Wayne: 1 minute) it fits.
    expect((await m.admin('PATCH', `/companies/${IDS.acme}`, { atsIntegrationId: IDS.soloAts })).status).toBe(200);
  });
});

describe('a fault forces only what the real API would answer (DESIGN §6.7)', () => {
  it.each([
    [403, 'RATE_LIMIT_EXCEEDED', 'INSUFFICIENT_SCOPE, API_KEY_SUSPENDED, COMPANY_ACCESS_DENIED'],
    [400, 'INVALID_API_KEY', 'VALIDATION_ERROR'],
    [429, 'INTERNAL_ERROR', 'RATE_LIMIT_EXCEEDED'],
    [401, 'COMPANY_ACCESS_DENIED', 'INVALID_API_KEY, MISSING_API_KEY'],
  ])('refuses status %i with code %s, and keeps the faults as they were', async (status, code, allowed) => {
    await m.admin('PUT', '/faults', { status: 503 });
    const r = await m.admin('PUT', '/faults', { status, code });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_ERROR');
    expect(r.body.error.details.field).toBe('/code');
    expect(r.body.error.details.reason).toContain(`status ${status}: ${allowed}`);
    expect((await m.admin('GET', '/faults')).body.data).toMatchObject([{ status: 503 }]);
  });

  it('names the fault of a list whose code does not fit its status', async () => {
    const r = await m.admin('PUT', '/faults', [{ status: 500 }, { status: 403, code: 'NOT_A_CODE' }]);
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('/1/code');
    const fits = await m.admin('PUT', '/faults', [{ status: 500 }, { status: 403, code: 'COMPANY_ACCESS_DENIED' }]);
    expect(fits.status).toBe(200);
    const answer = await m.get('/billing/usage', 'sk_test_acme');
    expect(answer.status).toBe(500); // the first matching fault wins
  });
});

describe('the control plane follows the API rules and its own clock', () => {
  it('refuses an event list whose start is not before its end, as the API does (DESIGN §3.2)', async () => {
    for (const q of ['start=2024-02-01&end=2024-01-31', 'start=2024-02-01T00:00:00Z&end=2024-02-01T00:00:00Z']) {
      const r = await m.admin('GET', `/usage-events?${q}`);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'end' } });
    }
    expect((await m.admin('GET', '/usage-events?start=2024-02-01&end=2024-02-02')).status).toBe(200);
  });

  it('stamps an answer that set the clock with the new clock (DESIGN §3.6, §6.4)', async () => {
    const r = await m.admin('PUT', '/clock', { mode: 'frozen', now: '2030-06-01T00:00:00Z' });
    expect(r.body.data.now).toBe('2030-06-01T00:00:00.000Z');
    expect(r.body.timestamp).toBe('2030-06-01T00:00:00.000Z');
    const reset = await m.admin('POST', '/reset');
    expect(reset.body.timestamp).toBe('2024-03-01T12:00:00.000Z');
  });
});
