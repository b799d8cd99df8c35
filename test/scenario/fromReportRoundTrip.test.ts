import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/index.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import { scenarioFromReport, type FromReportOptions } from '../../src/scenario/scenarioFromReport.ts';
import { validateUsageResponse } from '../../src/validation/index.ts';
import { namedExamples } from '../support/namedExamples.ts';
import { startMock, type TestMock } from '../support/startMock.ts';

// Issue 14: a report → from-report → the scenario loaded into the mock → the same query → the same report.
const DAY = 86_400_000;
const UMBRELLA = '44444444-4444-4444-8444-444444444444';
const JAN = { start: '2024-01-01', end: '2024-01-31' };

let mock: TestMock;
let seedAnswers: Record<string, { explicit: unknown; byDefault: unknown }>;
beforeAll(async () => {
  mock = await startMock('seed-examples');
  seedAnswers = {};
  for (const key of ['sk_example_minutes', 'sk_example_credits', 'sk_example_ats']) {
    const explicit = await mock.get('/billing/usage?start=2024-01-01&end=2024-01-31', key);
    const byDefault = await mock.get('/billing/usage', key);
    expect([explicit.status, byDefault.status]).toEqual([200, 200]);
    seedAnswers[key] = { explicit: explicit.body, byDefault: byDefault.body };
  }
});
afterAll(() => mock.close());

/** Runs from-report, checks the scenario against spec/scenario.schema.json, and loads it into the mock. */
async function load(report: unknown, options: Omit<FromReportOptions, 'validateReport'>): Promise<string> {
  const result = scenarioFromReport(report, { ...options, validateReport: validateUsageResponse });
  if (!result.ok) throw new Error(`from-report refused: ${JSON.stringify(result)}`);
  expect(validateScenario(result.scenario)).toEqual({ ok: true, scenario: result.scenario });
  const put = await mock.admin('PUT', '/state', result.scenario);
  if (put.status !== 200) throw new Error(`PUT /__admin/state answered ${put.status}: ${JSON.stringify(put.body)}`);
  return result.apiKey;
}

/** The `data` the mock gives `key` for `path`, after checking it answered 200. */
async function dataOf(path: string, key: string): Promise<unknown> {
  const r = await mock.get(path, key);
  expect(r.status).toBe(200);
  return r.body.data;
}

describe('from-report round trip: the spec\'s named examples', () => {
  // Each 200 example of GET /billing/usage, with the key that asked for it (its summary says which).
  const asked: Record<string, { keyType?: 'ats'; companyId?: string }> = {
    regularMinutes: {},
    regularCredits: {},
    atsMixed: { keyType: 'ats' },
    atsMinutesOnly: { keyType: 'ats' },
    atsWithCompanyId: { keyType: 'ats', companyId: UMBRELLA },
  };
  const examples = namedExamples('api').filter((e) => e.status === 200 && e.name.startsWith('GET /billing/usage 200 '));

  it('covers every 200 example of GET /billing/usage', () => {
    expect(examples.map((e) => e.name.split(' ').at(-1)).sort()).toEqual(Object.keys(asked).sort());
  });

  it.each(Object.keys(asked))('reproduces example %s for January and for the default period', async (name) => {
    const example = examples.find((e) => e.name.endsWith(` ${name}`))!.value as { data: unknown };
    const { companyId, keyType } = asked[name]!;
    const key = await load(example, { ...JAN, ...(keyType ? { keyType } : {}), ...(companyId ? { companyId } : {}) });
    const company = companyId ? `companyId=${companyId}` : '';
    expect(await dataOf(`/billing/usage?start=2024-01-01&end=2024-01-31${company ? `&${company}` : ''}`, key)).toEqual(example.data);
    expect(await dataOf(`/billing/usage${company ? `?${company}` : ''}`, key)).toEqual(example.data);
  });
});

describe('from-report round trip: the seed-examples scenario\'s answers', () => {
  it.each(['sk_example_minutes', 'sk_example_credits', 'sk_example_ats'])('reproduces what %s gets for January', async (seedKey) => {
    const answer = seedAnswers[seedKey]!.explicit as { data: unknown };
    const key = await load(answer, JAN);
    expect(await dataOf('/billing/usage?start=2024-01-01&end=2024-01-31', key)).toEqual(answer.data);
  });

  it.each(['sk_example_minutes', 'sk_example_credits', 'sk_example_ats'])('reproduces what %s gets for the default period ending at 10:30', async (seedKey) => {
    const answer = seedAnswers[seedKey]!.byDefault as { data: unknown };
    const key = await load(answer, { start: '2024-01-01T10:30:00Z', end: '2024-01-31T10:30:00Z' });
    expect(await dataOf('/billing/usage', key)).toEqual(answer.data);
  });
});

describe('from-report round trip: hand-made reports', () => {
  it('reproduces 3 interviews over 9 events in two cost keys (totalInterviews below the events)', async () => {
    const buckets = [
      { costKey: 'ai_analysis', minutesUsed: 1.002, events: 4 },
      { costKey: 'interview_minutes', minutesUsed: 12.345, events: 5 },
    ];
    const company = { companyId: '0b6f4f3e-7c1a-4d2b-9a57-3f0c6e1d2a01', companyName: 'Multi Event', billingSystem: 'minutes', totalMinutesUsed: 13.347, totalInterviews: 3, breakdownByCostKey: buckets };
    const report = { companies: [company], totalMinutesUsed: 13.347, totalInterviews: 3, breakdownByCostKey: buckets };
    const key = await load(report, JAN);
    expect(await dataOf('/billing/usage?start=2024-01-01&end=2024-01-31', key)).toEqual(report);
  });

  it('reproduces a company with 0 events', async () => {
    const report = {
      companies: [{ companyId: '0b6f4f3e-7c1a-4d2b-9a57-3f0c6e1d2a02', companyName: 'Quiet', billingSystem: 'credits', totalCreditsUsed: 0, totalInterviews: 0, breakdownByCostKey: [] }],
      totalCreditsUsed: 0,
      totalInterviews: 0,
      breakdownByCostKey: [],
    };
    const key = await load(report, JAN);
    expect(await dataOf('/billing/usage?start=2024-01-01&end=2024-01-31', key)).toEqual(report);
  });

  it('reproduces an ATS key that manages no company', async () => {
    const report = { companies: [], totalInterviews: 0, breakdownByCostKey: [] };
    const key = await load(report, JAN);
    expect(await dataOf('/billing/usage', key)).toEqual(report);
  });
});

// ---- the property: random consistent states ----

const BASE = Date.parse('2024-03-01T00:00:00Z');
const ATS_ID = 'a0000000-0000-4000-8000-0000000000aa';
const INTERVIEWS = ['b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003'];

const companyArb = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom('Acme', 'acme', 'Beta', 'Zeta'), // repeated names: ties broken by id (§3.3)
  billingSystem: fc.constantFrom('minutes' as const, 'credits' as const),
  managed: fc.boolean(),
});
const eventArb = fc.record({
  company: fc.nat(),
  interview: fc.nat({ max: INTERVIEWS.length - 1 }), // shared across companies and cost keys
  costKey: fc.constantFrom('interview_minutes', 'ai_analysis', 'transcription'),
  atMs: fc.integer({ min: 0, max: 60 * DAY }),
  minutesMilli: fc.integer({ min: 0, max: 100_000 }),
  creditsMilli: fc.integer({ min: 0, max: 100_000 }),
  isTest: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
});
const stateArb = fc.record({
  companies: fc.uniqueArray(companyArb, { minLength: 1, maxLength: 4, selector: (c) => c.id }),
  events: fc.array(eventArb, { maxLength: 25 }),
  keyType: fc.constantFrom('regular' as const, 'ats' as const),
  keyCompany: fc.nat(),
  narrow: fc.boolean(), // an ATS key sends companyId (of a managed company, when there is one)
  startMs: fc.integer({ min: 0, max: 40 * DAY }),
  lengthMs: fc.oneof(fc.constant(30 * DAY), fc.integer({ min: 1000, max: 60 * DAY })),
});
type State = typeof stateArb extends fc.Arbitrary<infer T> ? T : never;

/** The random state as a scenario, its key, and the query to ask. */
function toScenario(s: State): { scenario: Scenario; key: string; path: string; defaultPath?: string; companyId?: string } {
  const regularCompany = s.companies[s.keyCompany % s.companies.length]!;
  const managed = s.companies.filter((c) => c.managed);
  const companyId = s.keyType === 'ats' && s.narrow && managed.length > 0 ? managed[s.keyCompany % managed.length]!.id : undefined;
  const scenario: Scenario = {
    name: 'random-state',
    description: 'A random consistent state (from-report round trip)',
    clock: { mode: 'frozen', now: new Date(BASE + 100 * DAY).toISOString() },
    atsIntegrations: [{ id: ATS_ID, name: 'Random ATS' }],
    companies: s.companies.map((c) => ({ id: c.id, name: c.name, billingSystem: c.billingSystem, ...(c.managed ? { atsIntegrationId: ATS_ID } : {}) })),
    apiKeys: [s.keyType === 'ats' ? { key: 'sk_test_random', type: 'ats', atsIntegrationId: ATS_ID } : { key: 'sk_test_random', type: 'regular', companyId: regularCompany.id }],
    usageEvents: s.events.map((e) => {
      const company = s.companies[e.company % s.companies.length]!;
      return {
        companyId: company.id,
        interviewId: INTERVIEWS[e.interview]!,
        costKey: e.costKey,
        occurredAt: new Date(BASE + e.atMs).toISOString(),
        minutes: e.minutesMilli / 1000,
        ...(company.billingSystem === 'credits' ? { credits: e.creditsMilli / 1000 } : {}),
        isTest: e.isTest,
      };
    }),
  };
  const start = new Date(BASE + s.startMs).toISOString();
  const end = new Date(BASE + s.startMs + s.lengthMs).toISOString();
  const narrow = companyId === undefined ? '' : `&companyId=${companyId}`;
  return {
    scenario,
    key: 'sk_test_random',
    path: `/billing/usage?start=${start}&end=${end}${narrow}`,
    ...(companyId === undefined ? {} : { companyId }),
    ...(s.lengthMs === 30 * DAY ? { defaultPath: `/billing/usage${narrow ? `?${narrow.slice(1)}` : ''}` } : {}),
  };
}

describe('from-report round trip: random consistent states (property)', () => {
  it('gives the same report back for random states, periods and keys of both kinds and both billing systems', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(stateArb, async (s) => {
        const { scenario, key, path, defaultPath, companyId } = toScenario(s);
        expect((await mock.admin('PUT', '/state', scenario)).status).toBe(200);
        const original = await mock.get(path, key);
        expect(original.status).toBe(200);
        const [start, end] = [new URL(path, 'http://x').searchParams.get('start')!, new URL(path, 'http://x').searchParams.get('end')!];
        // The mock's clock is frozen 100 days after BASE; the reproduction freezes it at `end`.
        const reproKey = await load(original.body, { start, end, keyType: s.keyType, ...(companyId ? { companyId } : {}) });
        expect(await dataOf(path, reproKey)).toEqual(original.body.data);
        if (defaultPath) expect(await dataOf(defaultPath, reproKey)).toEqual(original.body.data);
        for (const c of original.body.data.companies) seen.add(`${s.keyType} ${c.billingSystem}`);
      }),
      { seed: 14, numRuns: 100 },
    );
    // The runs covered both kinds of key and both billing systems.
    expect([...seen].sort()).toEqual(['ats credits', 'ats minutes', 'regular credits', 'regular minutes']);
  });
});
