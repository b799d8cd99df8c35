import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { startPrism, type TestPrism } from '../support/startPrism.ts';

let mock: TestMock;
let prism: TestPrism;

beforeAll(async () => {
  mock = await startMock('seed-examples');
  prism = await startPrism(['mock', 'spec/openapi.yaml']);
}, 60_000);

afterAll(async () => {
  await prism?.close();
  await mock?.close();
});

/** Prism answers a request that fails the spec with 422, or 400 when the operation describes a 400 but no 422. */
const REFUSED_BY_PRISM = [400, 422];

async function prismStatus(query: string): Promise<number> {
  const res = await fetch(`${prism.baseUrl}/billing/usage?${query}`, { headers: { Authorization: 'Bearer sk_example_minutes' } });
  await res.arrayBuffer();
  return res.status;
}

// `prism mock spec/openapi.yaml` knows only the spec; where it refuses what the mock refuses, the
// spec states DESIGN §3.2's grammar for `start` and `end` rather than a looser one (issue 15).
describe('Prism mocking spec/openapi.yaml reads start and end as the mock does', () => {
  it('refuses an hour-only offset (start=2024-01-10T10:00:00%2B09), which the mock answers with 400', async () => {
    const query = 'start=2024-01-10T10:00:00%2B09';
    expect(REFUSED_BY_PRISM).toContain(await prismStatus(query));
    expect((await mock.get(`/billing/usage?${query}`, 'sk_example_minutes')).status).toBe(400);
  });

  it.each([
    ['an offset without colon', 'start=2024-01-10T10:00:00%2B0930'],
    ['a space instead of T', 'start=2024-01-10%2010:00:00Z'],
    ['second 60', 'start=2024-01-10T23:59:60Z'],
    ['30 February', 'end=2024-02-30'],
  ])('refuses %s (%s), as the mock does', async (_name, query) => {
    expect(REFUSED_BY_PRISM).toContain(await prismStatus(query));
    expect((await mock.get(`/billing/usage?${query}`, 'sk_example_minutes')).status).toBe(400);
  });

  it.each([
    ['a ±HH:MM offset', 'start=2024-01-10T10:00:00%2B09:00'],
    ['a date-time without offset, read as UTC', 'start=2024-01-10T10:00:00'],
    ['lower-case t and z without seconds', 'start=2024-01-10t10:00z'],
  ])('accepts %s (%s), as the mock does', async (_name, query) => {
    expect(await prismStatus(query)).toBe(200);
    expect((await mock.get(`/billing/usage?${query}`, 'sk_example_minutes')).status).toBe(200);
  });
});
