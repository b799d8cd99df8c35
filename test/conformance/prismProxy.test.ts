import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { startPrism, type TestPrism } from '../support/startPrism.ts';

let mock: TestMock;
let prism: TestPrism;
let proxyUrl: string;

beforeAll(async () => {
  mock = await startMock('seed-examples');
  prism = await startPrism(['proxy', 'spec/openapi.yaml', mock.baseUrl]);
  proxyUrl = prism.baseUrl;
}, 60_000);

afterAll(async () => {
  await prism?.close();
  await mock?.close();
});

// Stoplight Prism's validation proxy checks each request and answer against spec/openapi.yaml and
// reports violations in the `sl-violations` header: an independent second opinion on the mock.
describe('Prism validation proxy in front of the mock', () => {
  it.each([
    ['sk_example_minutes', '', 200],
    ['sk_example_credits', '?start=2024-01-01&end=2024-01-31', 200],
    ['sk_example_ats', '', 200],
    ['sk_unknown', '', 401],
  ])('finds no violation in the answer for %s%s (HTTP %i)', async (key, query, status) => {
    const res = await fetch(`${proxyUrl}/billing/usage${query}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(status);
    const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]') as Array<{ location: string[] }>;
    expect(violations.filter((v) => v.location[0] === 'response')).toEqual([]);
  });

  it('flags the request, not the answer, when the caller sends an impossible date', async () => {
    const res = await fetch(`${proxyUrl}/billing/usage?start=2024-02-30`, { headers: { Authorization: 'Bearer sk_example_minutes' } });
    const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]') as Array<{ location: string[] }>;
    expect(violations.map((v) => v.location.join('.'))).toContain('request.query.start');
    expect(violations.filter((v) => v.location[0] === 'response')).toEqual([]);
  });

  it('does report a violation when the mock is made to break the spec', async () => {
    await mock.admin('PUT', '/faults', { path: '/billing/usage', dropFields: ['/data/companies/0/billingSystem'] });
    const res = await fetch(`${proxyUrl}/billing/usage`, { headers: { Authorization: 'Bearer sk_example_minutes' } });
    expect(res.headers.get('sl-violations')).toContain('billingSystem');
    await mock.admin('DELETE', '/faults');
  });
});
