import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtInScenarioPath, listBuiltInScenarios } from '../../src/scenario/listBuiltInScenarios.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';
import { BUNDLED_SCENARIO_NAMES, bundledScenarioCatalog, createBillingMock } from '../../mock/msw/index.ts';
import { createBillingClient } from '../../src/client/index.ts';

const MINUTES_KEY = 'sk_example_minutes';
/** seed-examples' minutes company (mock/scenarios/seed-examples.yaml). */
const YOUR_COMPANY = '0b6f4f3e-7c1a-4d2b-9a57-3f0c6e1d2a01';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** GETs a usage URL with the minutes key; status and parsed body. */
async function usage(url: string, key = MINUTES_KEY): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
  return { status: res.status, body: await res.json() };
}

describe('createBillingMock', () => {
  it('answers the docs example on any origin by default, through the typed client (DESIGN §5)', async () => {
    const mock = await createBillingMock({ scenario: 'seed-examples' });
    server.use(...mock.handlers);
    const client = createBillingClient({ baseUrl: 'https://api.instaview.sk/v1', apiKey: MINUTES_KEY });
    const { data } = await client.getUsage();
    expect(data?.totalMinutesUsed).toBe(245.5);
    expect(data?.totalInterviews).toBe(42);
    expect(data?.companies.map((c) => c.companyName)).toEqual(['Your Company']);
  });

  it('answers only under its baseUrl when given one', async () => {
    const mock = await createBillingMock({ scenario: 'seed-examples', baseUrl: 'http://localhost:4010' });
    server.use(...mock.handlers);
    expect((await usage('http://localhost:4010/billing/usage')).status).toBe(200);
    await expect(fetch('http://elsewhere.test/billing/usage')).rejects.toThrow();
  });

  it('leaves /billing/usage/ unmatched: routing is strict, as the HTTP mock’s (DESIGN §3.6)', async () => {
    const mock = await createBillingMock({ scenario: 'seed-examples' });
    server.use(...mock.handlers);
    await expect(fetch('http://api.test/billing/usage/')).rejects.toThrow();
  });

  it('adds an event through its methods: 245.5 + 10.25 minutes = 255.75, one more interview', async () => {
    const mock = await createBillingMock({ scenario: 'seed-examples' });
    server.use(...mock.handlers);
    const added = await mock.addUsageEvents({ companyId: YOUR_COMPANY, occurredAt: '2024-01-30T09:00:00Z', minutes: 10.25 });
    expect(added).toMatchObject({ ok: true, value: { count: 1 } });
    const { body } = await usage('http://api.test/billing/usage');
    expect(body.data.totalMinutesUsed).toBe(255.75);
    expect(body.data.totalInterviews).toBe(43);
  });

  it('refuses a bad event as a value, changing nothing', async () => {
    const mock = await createBillingMock({ scenario: 'seed-examples' });
    const refused = await mock.addUsageEvents({ companyId: YOUR_COMPANY, occurredAt: '2024-01-30T09:00:00Z', minutes: 1.2345 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('VALIDATION_ERROR');
    expect(mock.summary().events).toBe(42 + 42 + 42);
  });

  it('moves the clock: advanced 30 days past 2024-01-31T10:30:00Z, the default period holds no January event', async () => {
    const mock = await createBillingMock({ scenario: 'seed-examples' });
    server.use(...mock.handlers);
    const moved = await mock.setClock({ advanceMs: 30 * 86_400_000 });
    expect(moved).toEqual({ ok: true, value: { mode: 'frozen', now: '2024-03-01T10:30:00.000Z', offsetMs: 0 } });
    const { body } = await usage('http://api.test/billing/usage');
    expect(body.data.totalMinutesUsed).toBe(0);
    expect(body.timestamp).toBe('2024-03-01T10:30:00.000Z');
  });

  it('forces a 503 with a fault, and clears it on reset', async () => {
    const mock = await createBillingMock({ scenario: 'seed-examples' });
    server.use(...mock.handlers);
    expect((await mock.setFaults({ path: '/billing/usage', status: 503 })).ok).toBe(true);
    const faulted = await fetch('http://api.test/billing/usage', { headers: { Authorization: `Bearer ${MINUTES_KEY}` } });
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('retry-after')).toBe('30');
    await mock.reset();
    expect(mock.faults()).toEqual([]);
    expect((await usage('http://api.test/billing/usage')).status).toBe(200);
  });

  it('loads another built-in scenario by name, and names the known ones for an unknown name', async () => {
    const mock = await createBillingMock({ scenario: 'seed-examples' });
    expect(await mock.loadScenario('edge-cases')).toMatchObject({ ok: true, value: { scenario: 'edge-cases' } });
    const unknown = await mock.loadScenario('nope');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'RESOURCE_NOT_FOUND' } });
    expect(mock.scenarios()).toEqual(['ats-mixed-large', 'default', 'edge-cases', 'empty-period', 'seed-examples']);
  });

  it('freezes the clock at `now`', async () => {
    const mock = await createBillingMock({ scenario: 'empty-period', now: new Date('2024-02-01T00:00:00Z') });
    expect(mock.clock()).toEqual({ mode: 'frozen', now: '2024-02-01T00:00:00.000Z', offsetMs: 0 });
  });

  it('rejects an unknown scenario name, naming the built-in ones', async () => {
    await expect(createBillingMock({ scenario: 'nope' })).rejects.toThrow('createBillingMock: No built-in scenario "nope". Known: ats-mixed-large, default, edge-cases, empty-period, seed-examples.');
  });

  it('rejects a `now` that is not an instant', async () => {
    await expect(createBillingMock({ scenario: 'seed-examples', now: 'yesterday' })).rejects.toThrow(/createBillingMock: now "yesterday"/);
  });
});

describe('the built-in scenarios carried as data', () => {
  it.each(BUNDLED_SCENARIO_NAMES)('%s is the document of mock/scenarios/%s.yaml', (name) => {
    const file = loadScenarioFile(builtInScenarioPath(name)!);
    expect(file.ok).toBe(true);
    expect(bundledScenarioCatalog().load(name)).toEqual({ ok: true, scenario: (file as { scenario: unknown }).scenario });
  });

  it('are every built-in scenario file', () => {
    expect(BUNDLED_SCENARIO_NAMES).toEqual(listBuiltInScenarios());
    expect(BUNDLED_SCENARIO_NAMES).toEqual(['ats-mixed-large', 'default', 'edge-cases', 'empty-period', 'seed-examples']);
  });

  it('hands out a fresh copy on each load and refuses a name that is not a built-in one', () => {
    const first = bundledScenarioCatalog().load('seed-examples');
    if (!first.ok) throw new Error(first.message);
    first.scenario.companies.length = 0;
    const second = bundledScenarioCatalog().load('seed-examples');
    expect(second.ok && second.scenario.companies.length).toBe(4);
    for (const name of ['__proto__', 'constructor', '../default', 'default.yaml']) {
      expect(bundledScenarioCatalog().load(name)).toEqual({ ok: false, message: `No built-in scenario "${name}". Known: ats-mixed-large, default, edge-cases, empty-period, seed-examples.` });
    }
  });
});
