import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';
import { startMock, type TestMock } from '../support/startMock.ts';

let wall = Date.parse('2026-12-01T09:00:00Z');
let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario, { sessions: { maxSessions: 3, ttlMs: 60_000, now: () => wall } });
});
afterAll(() => m.close());

/** A control-plane call in a session. */
async function inSession(session: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${m.baseUrl}/__admin${path}`, { method, headers: { 'X-Mock-Session': session, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as any };
}
const usage = (key: string, session?: string) => m.get('/billing/usage', key, session ? { 'X-Mock-Session': session } : {});

describe('sessions: one mock, many parallel test runs (DESIGN §11)', () => {
  it('a new session starts from the loaded scenario, and its changes stay in it', async () => {
    expect((await inSession('alpha', 'DELETE', `/companies/${IDS.acme}`)).status).toBe(200);
    expect((await usage('sk_test_acme', 'alpha')).status).toBe(401);
    // The default state and another session still have Acme: 0.1 × 3 + 5 = 5.3 minutes (rulesScenario).
    expect((await usage('sk_test_acme')).body.data.totalMinutesUsed).toBe(5.3);
    expect((await usage('sk_test_acme', 'beta')).body.data.totalMinutesUsed).toBe(5.3);
  });

  it('two sessions with different scenarios and clocks answer independently', async () => {
    const created = await m.admin('POST', '/sessions', { name: 'examples', scenario: 'seed-examples' });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: 'examples', scenario: 'seed-examples', events: 126 });
    await inSession('beta', 'PUT', '/clock', { mode: 'frozen', now: '2024-02-15T00:00:00Z' });
    expect((await inSession('beta', 'GET', '/clock')).body.data.now).toBe('2024-02-15T00:00:00.000Z');
    expect((await inSession('examples', 'GET', '/clock')).body.data.now).toBe('2024-01-31T10:30:00.000Z');
    expect((await m.admin('GET', '/clock')).body.data.now).toBe('2024-03-01T12:00:00.000Z');
    expect((await usage('sk_example_minutes', 'examples')).body.data.totalMinutesUsed).toBe(245.5);
    expect((await usage('sk_example_minutes')).status).toBe(401);
  });

  it('a fault in one session does not touch another', async () => {
    await inSession('beta', 'PUT', '/faults', { status: 503 });
    expect((await usage('sk_test_acme', 'beta')).status).toBe(503);
    expect((await usage('sk_test_acme')).status).toBe(200);
    expect((await usage('sk_test_ats', 'alpha')).status).toBe(200);
    await inSession('beta', 'DELETE', '/faults');
  });

  it('lists the sessions, and deleting one frees it: the next use starts afresh', async () => {
    expect((await m.admin('GET', '/sessions')).body.data.map((s: { name: string }) => s.name)).toEqual(['alpha', 'beta', 'examples']);
    const removed = await m.admin('DELETE', '/sessions/alpha');
    expect(removed.body.data).toMatchObject({ name: 'alpha', scenario: 'rules' });
    expect((await m.admin('DELETE', '/sessions/alpha')).status).toBe(404);
    expect((await usage('sk_test_acme', 'alpha')).body.data.totalMinutesUsed).toBe(5.3);
  });

  it('refuses a session past the cap with 429, on the control plane and on the API', async () => {
    const admin = await m.admin('POST', '/sessions', { name: 'delta' });
    expect(admin.status).toBe(429);
    expect(admin.body.error.code).toBe('TOO_MANY_SESSIONS');
    const api = await usage('sk_test_acme', 'delta');
    expect(api.status).toBe(429);
    expect(api.body.error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', details: { limit: 3, remaining: 0 } });
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses names that are not plain names, and "default" as a new session', async () => {
    for (const name of ['../x', 'a/b', '-x', 'x'.repeat(65)]) {
      const r = await usage('sk_test_acme', name);
      expect([r.status, r.body.error.details.field]).toEqual([400, 'X-Mock-Session']);
    }
    // An empty header names no session: the default state answers.
    expect((await usage('sk_test_acme', ' ')).status).toBe(200);
    expect((await m.admin('POST', '/sessions', { name: '../x' })).status).toBe(400);
    expect((await m.admin('POST', '/sessions', { name: 'default' })).status).toBe(409);
  });

  it('names the session in the request journal of that session', async () => {
    await usage('sk_test_solo', 'beta');
    const journal = await inSession('beta', 'GET', '/requests?limit=1');
    expect(journal.body.data.items[0]).toMatchObject({ path: '/billing/usage', session: 'beta', status: 200 });
    const main = await m.admin('GET', '/requests?limit=50');
    expect(main.body.data.items.every((e: { session: string | null }) => e.session === null)).toBe(true);
  });

  it('drops a session left idle for longer than the TTL (wall time)', async () => {
    wall += 61_000;
    expect((await m.admin('GET', '/sessions')).body.data).toEqual([]);
    expect((await m.admin('POST', '/sessions', { name: 'after-ttl' })).status).toBe(201);
  });
});
