import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_SCENARIO } from '../../mock/state/providerStates.ts';
import { startMock, type TestMock } from '../../test/support/startMock.ts';
import { loadPacts } from './loadPacts.ts';
import { KEY_ROLES } from './roles.ts';
import { verifyPacts } from './verifyPacts.ts';

const PACT_DIR = new URL('../pacts/', import.meta.url).pathname;
/** The mock knows the demo keys, so each role's "real" key is the demo key itself. */
const DEMO_KEYS = Object.fromEntries(KEY_ROLES.map((r) => [r.envVar, r.demoKey]));

let mock: TestMock;
beforeAll(async () => {
  mock = await startMock(CONTRACT_SCENARIO);
});
afterAll(async () => {
  await mock.close();
});

describe('the committed pact against the mock', () => {
  it('verifies every interaction, each state set through POST /__admin/provider-states', async () => {
    const pacts = await loadPacts({ pactDir: PACT_DIR });
    const all = pacts.flatMap((p) => p.interactions.map((i) => i.description)).sort();
    const report = await verifyPacts({ providerBaseUrl: mock.baseUrl, pacts, env: DEMO_KEYS, providerStatesSetupUrl: `${mock.baseUrl}/__admin/provider-states` });
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.verified.sort()).toEqual(all);
    expect(report.ok).toBe(true);
    expect(all).toHaveLength(11);
  }, 60_000);

  it('runs two verifications in parallel against one mock, each in its own session, and leaves the default state alone (DESIGN §11)', async () => {
    const pacts = await loadPacts({ pactDir: PACT_DIR });
    expect((await mock.admin('POST', '/scenarios/empty-period/load')).status).toBe(200);
    const verify = (session: string) => verifyPacts({ providerBaseUrl: mock.baseUrl, pacts, env: DEMO_KEYS, providerStatesSetupUrl: `${mock.baseUrl}/__admin/provider-states`, session });
    const [a, b] = await Promise.all([verify('pact-a'), verify('pact-b')]);
    expect([a.failed, b.failed]).toEqual([[], []]);
    expect([a.verified.length, b.verified.length]).toEqual([11, 11]);
    // Every state change went to its session: the default state still holds what was loaded into it.
    expect((await mock.admin('GET', '/health')).body.data.scenario).toBe('empty-period');
    const sessions = (await mock.admin('GET', '/sessions')).body.data.map((s: { name: string; scenario: string }) => [s.name, s.scenario]);
    expect(sessions).toEqual([
      ['pact-a', 'pact-provider-states'],
      ['pact-b', 'pact-provider-states'],
    ]);
  }, 60_000);
});
