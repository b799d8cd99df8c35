import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
afterAll(() => m.close()); // close() fails the file if any answer broke the spec

const KEYS = ['sk_test_ats', 'sk_test_acme', 'sk_test_globex', 'sk_test_noscope', 'sk_test_suspended', 'sk_unknown'];
const dateLike = fc.oneof(
  fc.constantFrom('2024-02-10', '2024-02-10T01:00:00Z', '2024-02-10T03:00:00%2B02:00', '2024-02-30', '', 'yesterday', '+', '%', '%E0%A4%A'),
  fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => encodeURIComponent(d.toISOString())),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);
const companyLike = fc.oneof(fc.constantFrom(IDS.umbrella, IDS.umbrella.toUpperCase(), IDS.acme, 'not-a-uuid', ''), fc.uuid(), fc.string({ maxLength: 20 }).map(encodeURIComponent));

// Bounded (150 runs each); expected values are not the point here: every answer must be one the
// spec allows for that status (startMock validates strictly), never a 500, and 200s must add up.
describe('hostile query strings and headers on GET /billing/usage', () => {
  it('answers every combination with a documented status and a spec-valid body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KEYS),
        fc.option(dateLike, { nil: undefined }),
        fc.option(dateLike, { nil: undefined }),
        fc.option(companyLike, { nil: undefined }),
        fc.boolean(),
        async (key, start, end, companyId, repeat) => {
          const parts = [
            ...(start === undefined ? [] : [`start=${start}`]),
            ...(end === undefined ? [] : [`end=${end}`]),
            ...(companyId === undefined ? [] : [`companyId=${companyId}`]),
            ...(repeat && start !== undefined ? [`start=${start}`] : []),
          ];
          const r = await m.get(`/billing/usage${parts.length ? `?${parts.join('&')}` : ''}`, key);
          expect([200, 400, 401, 403]).toContain(r.status);
          expect(r.body.success).toBe(r.status === 200);
        },
      ),
      { numRuns: 150, seed: 20261129 },
    );
  });

  it('answers arbitrary Authorization headers with 200, 401 or 403, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...KEYS).map((k) => ` BeArEr   ${k} `)), async (header) => {
        const value = header.replace(/[^\t\x20-\x7e]/g, '');
        const res = await fetch(`${m.baseUrl}/billing/usage`, { headers: value ? { Authorization: value } : {} });
        expect([200, 401, 403]).toContain(res.status);
        await res.arrayBuffer();
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe('hostile bodies on the control plane', () => {
  it('answers arbitrary JSON with 201 or a 400/404/409 envelope, never 500', async () => {
    const paths = ['/companies', '/api-keys', '/usage-events', '/ats-integrations', '/clock', '/faults', '/state', '/provider-states'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), async (path, body) => {
        const method = path === '/clock' || path === '/faults' || path === '/state' ? 'PUT' : 'POST';
        const r = await m.admin(method, path, body);
        expect([200, 201, 400, 404, 409]).toContain(r.status);
      }),
      { numRuns: 150, seed: 42 },
    );
    await m.admin('POST', '/reset');
  });
});

/** What a refused call must leave as it was: the summary (events, clock, revision), entities and faults. */
async function snapshotOfState(): Promise<string> {
  const [health, companies, keys, ats, faults] = await Promise.all(['/health', '/companies', '/api-keys', '/ats-integrations', '/faults'].map((p) => m.admin('GET', p)));
  const { responseMismatches: _ignored, ...summary } = health!.body.data;
  return JSON.stringify([summary, companies!.body.data, keys!.body.data, ats!.body.data, faults!.body.data]);
}

const FORBIDDEN = fc.constantFrom('__proto__', 'constructor', 'prototype');
const pointerLike = fc.oneof(
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), FORBIDDEN, fc.nat(5).map(String)), { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
  fc.string({ maxLength: 20 }),
);
const numberLike = fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.constantFrom(999_999_999_999.999, 1e12, 9_007_199_254_740.991, -0.001, 0.0001, 8.64e15, -1, Number.MAX_SAFE_INTEGER));
const withForbiddenKey = fc.tuple(FORBIDDEN, fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => JSON.parse(`{"name":"X","billingSystem":"minutes","${k}":${JSON.stringify(v)}}`));

describe('hostile pointers, keys and numbers at every control-plane route (issue 8)', () => {
  it('never answers 500, never touches Object.prototype, and a 4xx changes nothing', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
    const calls = fc.oneof(
      pointerLike.map((p) => ['PUT', '/faults', { dropFields: [p] }] as const),
      fc.tuple(numberLike, numberLike).map(([a, b]) => ['PATCH', `/companies/${IDS.globex}`, { pricing: { GENERIC: { baseCost: a, includedMinutes: 0, costPerMinute: b } } }] as const),
      numberLike.map((n) => ['POST', '/usage-events', { companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: n }] as const),
      numberLike.map((n) => ['PUT', '/clock', { advanceMs: n }] as const),
      fc.string({ maxLength: 30 }).map((s) => ['PUT', '/clock', { mode: 'frozen', now: s }] as const),
      withForbiddenKey.map((b) => ['POST', '/companies', b] as const),
      fc.tuple(FORBIDDEN, fc.string({ maxLength: 5 })).map(([k, v]) => ['PATCH', `/api-keys/sk_test_acme`, JSON.parse(`{"${k}":${JSON.stringify(v)}}`)] as const),
      pointerLike.map((p) => ['POST', `/scenarios/${encodeURIComponent(p)}/load`, undefined] as const),
      pointerLike.map((p) => ['GET', `/companies?atsIntegrationId=${encodeURIComponent(p)}`, undefined] as const),
    );
    await fc.assert(
      fc.asyncProperty(calls, async ([method, path, body]) => {
        const before = await snapshotOfState();
        const r = await m.admin(method, path, body);
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400) expect(await snapshotOfState()).toBe(before);
        else await m.admin('POST', '/reset');
        expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeKeys);
        expect(({} as Record<string, unknown>).hasOwnProperty).toBe(Object.prototype.hasOwnProperty);
        expect((await m.get('/billing/usage', 'sk_test_acme')).status).toBe(200);
      }),
      { numRuns: 120, seed: 8 },
    );
    await m.admin('POST', '/reset');
  });
});
