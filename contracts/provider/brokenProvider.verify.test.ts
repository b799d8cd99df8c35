import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_SCENARIO } from '../../mock/state/providerStates.ts';
import { startMock, type TestMock } from '../../test/support/startMock.ts';
import { loadPacts } from './loadPacts.ts';
import type { PactDocument } from './planVerification.ts';
import { KEY_ROLES } from './roles.ts';
import { verifyPacts } from './verifyPacts.ts';

const PACT_DIR = new URL('../pacts/', import.meta.url).pathname;
const KEYS = Object.fromEntries(KEY_ROLES.map((r) => [r.envVar, r.demoKey]));

let mock: TestMock;
let pacts: PactDocument[];
beforeAll(async () => {
  mock = await startMock(CONTRACT_SCENARIO);
  pacts = await loadPacts({ pactDir: PACT_DIR });
});
afterAll(async () => {
  await mock.close();
});

describe('verification against a deliberately broken provider', () => {
  it('fails when the mock drops billingSystem for the credits key, naming exactly the interactions of that key', async () => {
    // Each state is set through the control plane, then the fault goes in (loading a state clears faults).
    const states = [...new Set(pacts.flatMap((p) => p.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name))))];
    const stateHandlers = Object.fromEntries(
      states.map((state) => [
        state,
        async () => {
          const values = await (await fetch(`${mock.baseUrl}/__admin/provider-states`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ state, action: 'setup' }) })).json();
          const fault = { path: '/billing/usage', apiKey: 'sk_test_regular_credits', dropFields: ['/data/companies/0/billingSystem'] };
          const put = await fetch(`${mock.baseUrl}/__admin/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([fault]) });
          if (!put.ok) throw new Error(`PUT /__admin/faults answered ${put.status}`);
          return values as Record<string, unknown>;
        },
      ]),
    );
    const report = await verifyPacts({ providerBaseUrl: mock.baseUrl, pacts, env: KEYS, stateHandlers });
    expect(report.ok).toBe(false);
    expect(report.failed.map((f) => f.description).sort()).toEqual([
      'a request for an explicit period (start and end) with a regular key of a credits-billed company',
      'a request for the last 30 days with a regular key of a credits-billed company',
    ]);
    for (const f of report.failed) expect(f.mismatches.join('\n')).toMatch(/billingSystem/);
    expect(report.verified).toHaveLength(9);
  }, 60_000);

  it('fails when a provider answers 200 without a key, naming the missing-key interaction', async () => {
    // A fixture provider that serves a plausible report to anyone, key or not.
    const body = { success: true, data: { companies: [], totalInterviews: 0, breakdownByCostKey: [] }, error: null, timestamp: '2024-01-31T10:30:00Z' };
    const server: Server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const onlyMissingKey = pacts.map((p) => ({ ...p, interactions: p.interactions.filter((i) => i.description === 'a request without an Authorization header') }));
      const report = await verifyPacts({ providerBaseUrl: baseUrl, pacts: onlyMissingKey, env: KEYS, stateHandlers: { 'the billing API requires an API key': async () => ({}) } });
      expect(report.ok).toBe(false);
      expect(report.failed).toHaveLength(1);
      expect(report.failed[0]!.description).toBe('a request without an Authorization header');
      expect(report.failed[0]!.mismatches.join('\n')).toMatch(/401/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);
});
