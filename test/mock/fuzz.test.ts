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
