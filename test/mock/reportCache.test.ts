import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';
import { startMock, type TestMock } from '../support/startMock.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
afterAll(() => m.close());

describe('reports kept as text are never stale (issue 11)', () => {
  it('answers the same report again, then follows every change that alters it', async () => {
    const first = (await m.get('/billing/usage', 'sk_test_ats')).body.data;
    expect((await m.get('/billing/usage', 'sk_test_ats')).body.data).toEqual(first);
    // A new Initech event of 2.5 minutes: Initech had 10.25 + 2.5 = 12.75, now 15.25 (rulesScenario).
    await m.admin('POST', '/usage-events', { companyId: IDS.initech, occurredAt: '2024-02-20T00:00:00Z', minutes: 2.5 });
    const after = (await m.get('/billing/usage', 'sk_test_ats')).body.data;
    expect(after.companies.find((c: { companyId: string }) => c.companyId === IDS.initech).totalMinutesUsed).toBe(15.25);
    // A rename changes no tally, only the name (and the order, names sort the companies).
    await m.admin('PATCH', `/companies/${IDS.initech}`, { name: 'Zeta Initech' });
    const renamed = (await m.get('/billing/usage', 'sk_test_ats')).body.data;
    expect(renamed.companies.map((c: { companyName: string }) => c.companyName)).toEqual(['Stark', 'Umbrella', 'Zeta Initech']);
    await m.admin('POST', '/reset');
    expect((await m.get('/billing/usage', 'sk_test_ats')).body.data).toEqual(first);
  });
});
