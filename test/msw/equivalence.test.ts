import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIO_NAMES, createBillingMock, type BillingMock } from '../../mock/msw/index.ts';
import { startMock, type TestMock } from '../support/startMock.ts';

/** Where the MSW handlers answer in this test; the HTTP mock listens on 127.0.0.1 and is passed through. */
const MSW_BASE = 'http://msw.test';
/** The clock both mocks freeze at when the scenario's own clock runs in real time (`default`): same clock, same answers. */
const FROZEN_NOW = '2024-06-15T12:00:00Z';
/** Headers whose values must agree (DESIGN §3.1, §3.6); `X-Request-Id` is compared only when the caller sends one. */
const COMPARED_HEADERS = [
  'content-type',
  'www-authenticate',
  'retry-after',
  'allow',
  'x-ratelimit-limit-minute',
  'x-ratelimit-limit-hour',
  'x-ratelimit-remaining-minute',
  'x-ratelimit-remaining-hour',
  'x-ratelimit-reset-minute',
  'x-ratelimit-reset-hour',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
];
const UNMANAGED = '12345678-1234-4234-8234-123456789abc';

/** One request, sent alike to both mocks: path with query, method, headers. */
interface Probe {
  path: string;
  method?: string;
  headers?: Record<string, string>;
}

/** Status, headers that matter and body without `timestamp`: what must be equal. */
async function observe(base: string, probe: Probe) {
  const res = await fetch(`${base}${probe.path}`, { method: probe.method ?? 'GET', headers: probe.headers ?? {} });
  const text = await res.text();
  const body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
  if (body) delete body.timestamp;
  const headers = Object.fromEntries(COMPARED_HEADERS.map((h) => [h, res.headers.get(h)]));
  const echoed = probe.headers?.['X-Request-Id'] === undefined ? 'not compared' : res.headers.get('x-request-id');
  return { status: res.status, headers, echoed, body };
}

/** The requests of one key: default period, explicit ranges, companyId cases, errors, other methods, Prefer. */
function probesFor(mock: BillingMock, key: string): Probe[] {
  const auth = { Authorization: `Bearer ${key}` };
  const stored = mock.state.store.apiKey(key);
  const companyIds = stored?.type === 'ats' ? mock.state.store.companies({ atsIntegrationId: stored.atsIntegrationId! }).map((c) => c.id) : [];
  const companyQueries = stored?.type === 'ats' ? [...companyIds, UNMANAGED, 'not-a-uuid'] : [UNMANAGED];
  return [
    { path: '/billing/usage', headers: auth },
    { path: '/v1/billing/usage?start=2024-01-01&end=2024-01-31', headers: auth },
    { path: '/billing/usage?start=2023-11-01T00:00:00%2B02:00&end=2024-06-15T00:00:00Z', headers: { ...auth, 'X-Request-Id': 'probe-1' } },
    { path: '/billing/usage?start=2024-01-15', headers: auth },
    ...companyQueries.map((id) => ({ path: `/billing/usage?companyId=${id}&start=2024-01-01&end=2024-03-01`, headers: auth })),
    { path: '/billing/usage?start=yesterday', headers: auth },
    { path: '/billing/usage?start=2024-02-01&end=2024-01-01', headers: auth },
    { path: '/billing/usage?start=2024-01-01&start=2024-01-02', headers: auth },
    { path: '/billing/usage?start=2024-01-01T00:00:00+02:00', headers: auth },
    { path: '/billing/usage', method: 'HEAD', headers: auth },
    { path: '/billing/usage', method: 'DELETE', headers: auth },
    { path: '/billing/usage', headers: { ...auth, Prefer: 'code=429' } },
    { path: '/billing/usage', headers: { ...auth, Prefer: 'example=atsMixed' } },
  ];
}

/** Requests that do not depend on a key. */
const KEYLESS: Probe[] = [
  { path: '/billing/usage' },
  { path: '/billing/usage', headers: { Authorization: 'Bearer sk_invalid_0123abcd' } },
  { path: '/billing/usage', headers: { Authorization: 'Basic dXNlcjpwYXNz' } },
  { path: '/billing/usage', headers: { Authorization: 'Bearer   ' } },
  { path: '/billing/usage', method: 'POST' },
  { path: '/billing/usage', method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,traceparent' } },
  { path: `/billing/usage?pad=${'x'.repeat(9000)}` },
];

const scenarios = BUNDLED_SCENARIO_NAMES.filter((name) => name !== 'ats-mixed-large');

describe('the MSW handlers answer exactly as the HTTP mock (DESIGN §10)', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => server.close());

  it('covers every built-in scenario but ats-mixed-large', () => {
    expect(scenarios).toEqual(['default', 'edge-cases', 'empty-period', 'seed-examples']);
  });

  describe.each(scenarios)('scenario %s', (name) => {
    let http: TestMock;
    let msw: BillingMock;
    beforeAll(async () => {
      const realClock = name === 'default';
      msw = await createBillingMock({ scenario: name, baseUrl: MSW_BASE, ...(realClock ? { now: FROZEN_NOW } : {}) });
      http = await startMock(name, realClock ? { now: FROZEN_NOW } : {});
      server.resetHandlers(...msw.handlers);
    });
    afterAll(async () => {
      await http?.close();
    });

    it('gives the same status, body and headers to every key and query, in the same order', async () => {
      const keys = msw.state.store.apiKeys().map((k) => k.key);
      expect(keys.length).toBeGreaterThan(2);
      const probes = [...KEYLESS, ...keys.flatMap((key) => probesFor(msw, key))];
      const statuses = new Set<number>();
      for (const probe of probes) {
        const fromHttp = await observe(http.baseUrl, probe);
        const fromMsw = await observe(MSW_BASE, probe);
        expect({ probe, ...fromMsw }).toEqual({ probe, ...fromHttp });
        statuses.add(fromHttp.status);
      }
      // The probes reach every kind of answer: report, preflight, query error, auth errors, 405, 414, forced 429.
      expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 204, 400, 401, 403, 405, 414, 429]));
    });

    it('reports the same usage after the same control-plane change on both', async () => {
      const [key] = msw.state.store.apiKeys().filter((k) => k.type === 'regular' && k.status === 'active' && !k.expiresAt && k.scopes.includes('read:billing'));
      const company = key!.companyId!;
      const event = { companyId: company, occurredAt: '2024-01-20T08:00:00Z', minutes: 12.345, credits: 1.5 };
      const billing = msw.state.store.company(company)!.billingSystem;
      const input = billing === 'minutes' ? { companyId: company, occurredAt: event.occurredAt, minutes: event.minutes } : event;
      expect((await msw.addUsageEvents(input)).ok).toBe(true);
      expect((await http.admin('POST', '/usage-events', input)).status).toBe(201);
      const probe = { path: '/billing/usage?start=2024-01-01&end=2024-02-01', headers: { Authorization: `Bearer ${key!.key}` } };
      const fromMsw = await observe(MSW_BASE, probe);
      expect(fromMsw.status).toBe(200);
      expect(fromMsw).toEqual(await observe(http.baseUrl, probe));
    });
  });
});
