import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';

// rulesScenario freezes the clock at 2024-03-01T12:00:00Z: every entry's `at` is that instant.
let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
beforeEach(async () => {
  expect((await m.admin('DELETE', '/requests')).status).toBe(200);
});
afterAll(() => m.close());

/** A usage call tagged with a request id, so the test can find it in the journal. */
const call = (requestId: string, path = '/billing/usage', key: string | null = 'sk_test_acme') => m.get(path, key ?? undefined, { 'X-Request-Id': requestId });
const journal = async (query = '') => {
  const r = await m.admin('GET', `/requests${query}`);
  expect(r.status).toBe(200);
  return r.body.data as { capacity: number; total: number; dropped: number; items: Array<Record<string, any>> };
};
const ids = (page: { items: Array<Record<string, any>> }) => page.items.map((e) => e.requestId);

describe('GET /__admin/requests: the request journal (DESIGN §12)', () => {
  it('records a usage call with method, path, raw query, key suffix, status, request id, the mock clock and no session', async () => {
    await call('j-1', '/billing/usage?start=2024-02-01&end=2024-03-01', 'sk_test_globex');
    const [entry] = (await journal()).items;
    expect(entry).toMatchObject({ at: '2024-03-01T12:00:00.000Z', method: 'GET', path: '/billing/usage', query: 'start=2024-02-01&end=2024-03-01', keySuffix: 'obex', status: 200, requestId: 'j-1', session: null });
    expect(Number.isInteger(entry!.ms) && entry!.ms >= 0).toBe(true);
  });

  it('lists the newest request first', async () => {
    for (const id of ['order-1', 'order-2', 'order-3']) await call(id);
    const page = await journal();
    expect(ids(page)).toEqual(['order-3', 'order-2', 'order-1']);
    expect(page.items[0]!.seq - page.items[2]!.seq).toBe(2);
  });

  it('never keeps the whole API key, only its last 4 characters', async () => {
    await call('secret-1', '/billing/usage', 'sk_test_globex');
    const r = await m.admin('GET', '/requests');
    expect(JSON.stringify(r.body)).not.toContain('sk_test_globex');
    expect(r.body.data.items[0].keySuffix).toBe('obex');
  });

  it('records a call without a key (401, keySuffix null) and one to an unknown path (404)', async () => {
    await call('no-key', '/billing/usage', null);
    await call('wrong-path', '/billing/usage/');
    expect((await journal()).items.map((e) => [e.requestId, e.path, e.status, e.keySuffix])).toEqual([
      ['wrong-path', '/billing/usage/', 404, 'acme'],
      ['no-key', '/billing/usage', 401, null],
    ]);
  });

  it('leaves out calls to the control plane', async () => {
    await m.admin('GET', '/health');
    await m.admin('GET', '/clock');
    expect((await journal()).total).toBe(0);
  });

  it('filters by exact path: /v1/billing/usage is another path', async () => {
    await call('plain', '/billing/usage');
    await call('v1', '/v1/billing/usage');
    expect(ids(await journal('?path=/v1/billing/usage'))).toEqual(['v1']);
    expect(ids(await journal('?path=/billing/usage'))).toEqual(['plain']);
  });

  it('filters by key, given whole, as the suffix it shows, or as the log writes it (…suffix)', async () => {
    await call('acme', '/billing/usage', 'sk_test_acme');
    await call('globex', '/billing/usage', 'sk_test_globex');
    expect(ids(await journal('?key=sk_test_globex'))).toEqual(['globex']);
    expect(ids(await journal('?key=obex'))).toEqual(['globex']);
    expect(ids(await journal(`?key=${encodeURIComponent('…acme')}`))).toEqual(['acme']);
    expect(ids(await journal('?key=sk_test_solo'))).toEqual([]);
  });

  it('filters by status', async () => {
    await call('ok', '/billing/usage', 'sk_test_acme');
    await call('revoked', '/billing/usage', 'sk_test_revoked');
    await call('suspended', '/billing/usage', 'sk_test_suspended');
    expect(ids(await journal('?status=401'))).toEqual(['revoked']);
    expect(ids(await journal('?status=403'))).toEqual(['suspended']);
  });

  it('filters by request id', async () => {
    await call('needle');
    await call('hay');
    expect(ids(await journal('?requestId=needle'))).toEqual(['needle']);
  });

  it('combines filters: every one must match', async () => {
    await call('acme-v1', '/v1/billing/usage', 'sk_test_acme');
    await call('globex-v1', '/v1/billing/usage', 'sk_test_globex');
    await call('acme-plain', '/billing/usage', 'sk_test_acme');
    expect(ids(await journal('?path=/v1/billing/usage&key=acme'))).toEqual(['acme-v1']);
  });

  it('returns the newest `limit` entries and counts every match in total', async () => {
    for (const id of ['l-1', 'l-2', 'l-3']) await call(id);
    const page = await journal('?limit=2');
    expect([ids(page), page.total]).toEqual([['l-3', 'l-2'], 3]);
  });

  it('refuses a repeated filter with 400 naming it and listing its values, as the API does (DESIGN §3.2)', async () => {
    const r = await m.admin('GET', '/requests?status=200&status=401');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'status', value: ['200', '401'] } });
  });

  it('refuses a malformed status, an empty path and an unknown parameter with 400 naming the field', async () => {
    const fields = [];
    for (const query of ['?status=abc', '?status=600', '?path=', '?Path=/billing/usage']) {
      const r = await m.admin('GET', `/requests${query}`);
      fields.push([r.status, r.body.error.details.field]);
    }
    expect(fields).toEqual([
      [400, 'status'],
      [400, 'status'],
      [400, 'path'],
      [400, 'Path'],
    ]);
  });
});

describe('DELETE /__admin/requests', () => {
  it('clears the journal and says how many entries it forgot; entry numbers go on', async () => {
    await call('before-1');
    await call('before-2');
    const seqBefore = (await journal()).items[0]!.seq;
    const cleared = await m.admin('DELETE', '/requests');
    expect([cleared.status, cleared.body.data]).toEqual([200, { cleared: 2 }]);
    expect((await journal()).total).toBe(0);
    await call('after');
    expect((await journal()).items[0]!.seq).toBe(seqBefore + 1);
  });

  it('needs Content-Type: application/json like every state-changing call, and then clears nothing (DESIGN §6.3)', async () => {
    await call('kept');
    const res = await fetch(`${m.baseUrl}/__admin/requests`, { method: 'DELETE' });
    expect(res.status).toBe(415);
    expect(ids(await journal())).toEqual(['kept']);
  });

  it('refuses a parameter, since it clears everything', async () => {
    await call('kept');
    const r = await m.admin('DELETE', '/requests?requestId=kept');
    expect([r.status, r.body.error.details.field]).toEqual([400, 'requestId']);
    expect(ids(await journal())).toEqual(['kept']);
  });
});

describe('the journal cap', () => {
  let small: TestMock;
  beforeAll(async () => {
    small = await startMock(rulesScenario, { journalCapacity: 5 });
  });
  afterAll(() => small.close());

  it('keeps only the newest entries and counts those it dropped: cap 5, 8 requests → q8…q4, 3 dropped', async () => {
    for (let i = 1; i <= 8; i++) await small.get('/billing/usage', 'sk_test_acme', { 'X-Request-Id': `q${i}` });
    const page = (await small.admin('GET', '/requests')).body.data;
    expect({ capacity: page.capacity, total: page.total, dropped: page.dropped, ids: ids(page) }).toEqual({ capacity: 5, total: 5, dropped: 3, ids: ['q8', 'q7', 'q6', 'q5', 'q4'] });
  });
});

describe('GET /__admin/usage-events/counts', () => {
  it('counts the stored events in all and per company, test events included: Acme 5, Globex 2, Initech 2, Umbrella 2, Wayne 1, Stark 0', async () => {
    await m.admin('POST', '/reset');
    const data = (await m.admin('GET', '/usage-events/counts')).body.data;
    const byId = Object.fromEntries(data.companies.map((c: { companyId: string; events: number }) => [c.companyId, c.events]));
    expect({ total: data.total, byId }).toEqual({ total: 12, byId: { [IDS.acme]: 5, [IDS.globex]: 2, [IDS.initech]: 2, [IDS.umbrella]: 2, [IDS.wayne]: 1, [IDS.stark]: 0 } });
  });
});
