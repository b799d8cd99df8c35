import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Scenario } from '../../mock/state/types.ts';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';
import { startMock, type TestMock } from '../support/startMock.ts';

const ATS = 'a0000000-0000-4000-8000-0000000000aa';
const MINUTES = 'c0000000-0000-4000-8000-0000000000a1';
const CREDITS = 'c0000000-0000-4000-8000-0000000000a2';

/**
 * About 100 000 events: two companies of one ATS integration, each 100 days × 400 interviews a day, a
 * quarter of them with a second event (2 × 100 × 400 × 1.25 = 100 000, give or take the random share).
 */
const large: Scenario = {
  name: 'large-round-trip',
  description: 'About 100 000 generated events over two companies of one ATS integration',
  clock: { mode: 'frozen', now: '2024-06-01T00:00:00Z' },
  seed: 11,
  atsIntegrations: [{ id: ATS, name: 'Big ATS' }],
  companies: [
    { id: MINUTES, name: 'Minutes Co', billingSystem: 'minutes', atsIntegrationId: ATS },
    { id: CREDITS, name: 'Credits Co', billingSystem: 'credits', atsIntegrationId: ATS, pricing: { GENERIC: { baseCost: 1, includedMinutes: 5, costPerMinute: 0.25 }, SCREENING: { baseCost: 0.5, includedMinutes: 0, costPerMinute: 0.125 }, LANGUAGE_TEST: { baseCost: 2, includedMinutes: 0, costPerMinute: 0.5 }, OUTREACH: { baseCost: 0, includedMinutes: 0, costPerMinute: 0.1 } } },
  ],
  apiKeys: [
    { key: 'sk_test_big_ats', type: 'ats', atsIntegrationId: ATS },
    { key: 'sk_test_big_minutes', type: 'regular', companyId: MINUTES },
    { key: 'sk_test_big_credits', type: 'regular', companyId: CREDITS },
  ],
  generators: [
    { companyId: MINUTES, days: 100, interviewsPerDay: { min: 400, max: 400 } },
    { companyId: CREDITS, days: 100, interviewsPerDay: { min: 400, max: 400 } },
  ],
};

const QUERIES = ['/billing/usage', '/billing/usage?start=2024-02-01&end=2024-05-01', '/billing/usage?start=2024-05-31T23:00:00%2B02:00'];
const KEYS = ['sk_test_big_ats', 'sk_test_big_minutes', 'sk_test_big_credits'];

let m: TestMock;
beforeAll(async () => {
  m = await startMock(large);
}, 60_000);
afterAll(() => m.close());

/** Every key's answer to every query, timestamps left out. */
async function reports(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const key of KEYS) for (const q of QUERIES) out.push((await m.get(q, key)).body.data);
  return out;
}

describe('large states (DESIGN §6.6)', () => {
  it('takes back its own GET /state export of about 100 000 events, envelope and all, and answers every key the same', async () => {
    const before = await reports();
    const exported = await fetch(`${m.baseUrl}/__admin/state`);
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const events = JSON.parse(text).data.usageEvents.length;
    expect(events).toBeGreaterThan(90_000);
    expect(events).toBeLessThan(110_000);
    const put = await fetch(`${m.baseUrl}/__admin/state`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: text });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { data: { events: number; scenario: string } }).data).toMatchObject({ events, scenario: 'large-round-trip' });
    expect(await reports()).toEqual(before);
  }, 60_000);

  it('answers HEAD /state with the headers only', async () => {
    const res = await fetch(`${m.baseUrl}/__admin/state`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it('loads a YAML scenario into the running mock with PUT /state and Content-Type application/yaml', async () => {
    const res = await fetch(`${m.baseUrl}/__admin/state`, { method: 'PUT', headers: { 'Content-Type': 'application/yaml' }, body: stringify({ ...rulesScenario, name: 'from-yaml' }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { scenario: string; events: number } }).data).toMatchObject({ scenario: 'from-yaml', events: 12 });
    // Acme: three 0.1-minute interviews and a 5-minute follow-up in the default period (rulesScenario).
    expect((await m.get('/billing/usage', 'sk_test_acme')).body.data.totalMinutesUsed).toBe(5.3);
    expect(IDS.acme).toBe((await m.get('/billing/usage', 'sk_test_acme')).body.data.companies[0].companyId);
  });

  it('names the line of a bad YAML scenario and keeps the state', async () => {
    const yaml = ['name: bad-yaml', 'description: a typo on line 5', 'atsIntegrations: []', 'companies:', '  - name: X', '    billingSystem: hours', 'apiKeys: []', ''].join('\n');
    const res = await fetch(`${m.baseUrl}/__admin/state`, { method: 'PUT', headers: { 'Content-Type': 'application/yaml' }, body: yaml });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { field: string; errors: Array<{ reason: string }> } } };
    expect(body.error.details.field).toBe('/companies/0/billingSystem');
    expect(body.error.details.errors[0]!.reason).toMatch(/^line 6: /);
    expect((await m.admin('GET', '/health')).body.data.scenario).toBe('from-yaml');
  });
});
