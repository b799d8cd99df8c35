import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateUsageResponse } from '../validation/index.ts';
import { scenarioFromReport, type FromReportOptions } from './scenarioFromReport.ts';
import { validateScenario } from './validateScenario.ts';

const ACME = '11111111-1111-4111-8111-111111111111';
const GLOBEX = '22222222-2222-4222-8222-222222222222';
const JAN = { start: '2024-01-01', end: '2024-01-31', validateReport: validateUsageResponse } satisfies FromReportOptions;
const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Acme (minutes): 1 interview, 2 ai_analysis events (0.5 min) and 3 interview_minutes events (10 min). */
function oneInterviewFiveEvents() {
  const buckets = [
    { costKey: 'ai_analysis', minutesUsed: 0.5, events: 2 },
    { costKey: 'interview_minutes', minutesUsed: 10, events: 3 },
  ];
  return {
    companies: [{ companyId: ACME, companyName: 'Acme', billingSystem: 'minutes', totalMinutesUsed: 10.5, totalInterviews: 1, breakdownByCostKey: buckets }],
    totalMinutesUsed: 10.5,
    totalInterviews: 1,
    breakdownByCostKey: buckets,
  };
}

/** Globex (credits), 2 interviews, one bucket of 3 events and 0.001 credits. */
function creditsReport() {
  const bucket = { costKey: 'interview_minutes', creditsUsed: 0.001, events: 3 };
  return {
    companies: [{ companyId: GLOBEX, companyName: 'Globex', billingSystem: 'credits', totalCreditsUsed: 0.001, totalInterviews: 2, breakdownByCostKey: [bucket] }],
    totalCreditsUsed: 0.001,
    totalInterviews: 2,
    breakdownByCostKey: [bucket],
  };
}

/** A two-company ATS report: Acme (minutes, 1 event of 2 minutes) and Globex (credits, no usage). */
function atsReport() {
  return {
    companies: [
      { companyId: ACME, companyName: 'Acme', billingSystem: 'minutes', totalMinutesUsed: 2, totalInterviews: 1, breakdownByCostKey: [{ costKey: 'interview_minutes', minutesUsed: 2, events: 1 }] },
      { companyId: GLOBEX, companyName: 'Globex', billingSystem: 'credits', totalCreditsUsed: 0, totalInterviews: 0, breakdownByCostKey: [] },
    ],
    totalMinutesUsed: 2,
    totalCreditsUsed: 0,
    totalInterviews: 1,
    breakdownByCostKey: [{ costKey: 'interview_minutes', minutesUsed: 2, events: 1 }],
  };
}

function build(input: unknown, options: Partial<FromReportOptions> = {}) {
  const result = scenarioFromReport(input, { ...JAN, ...options });
  if (!result.ok) throw new Error(`expected a scenario, got ${JSON.stringify(result)}`);
  return result;
}

describe('scenarioFromReport: the events it writes', () => {
  it('gives one interview its 5 events over 2 cost keys, each bucket split exactly', () => {
    const events = build(oneInterviewFiveEvents()).scenario.usageEvents!;
    expect(new Set(events.map((e) => e.interviewId)).size).toBe(1);
    // 0.5 over 2 → 0.25 + 0.25; 10 over 3 → 3.334 + 3.333 + 3.333
    expect(events.map((e) => [e.costKey, e.minutes])).toEqual([
      ['ai_analysis', 0.25],
      ['ai_analysis', 0.25],
      ['interview_minutes', 3.334],
      ['interview_minutes', 3.333],
      ['interview_minutes', 3.333],
    ]);
  });

  it('deals 9 events to 3 interviews, 3 each, an interview spanning both cost keys', () => {
    const report = oneInterviewFiveEvents();
    report.companies[0]!.totalInterviews = 3;
    report.totalInterviews = 3;
    report.companies[0]!.breakdownByCostKey[0]!.events = 6; // 6 ai_analysis + 3 interview_minutes
    report.breakdownByCostKey = report.companies[0]!.breakdownByCostKey;
    const events = build(report).scenario.usageEvents!;
    const perInterview = new Map<string, string[]>();
    for (const e of events) perInterview.set(e.interviewId!, [...(perInterview.get(e.interviewId!) ?? []), e.costKey!]);
    expect([...perInterview.values()].map((keys) => keys.length)).toEqual([3, 3, 3]);
    // positions 0–5 ai_analysis, 6–8 interview_minutes; interview i gets positions i, i+3, i+6
    expect([...perInterview.values()][0]).toEqual(['ai_analysis', 'ai_analysis', 'interview_minutes']);
  });

  it('places the events inside [start, end), at distinct instants, and freezes the clock at end', () => {
    const { scenario } = build(oneInterviewFiveEvents());
    const times = scenario.usageEvents!.map((e) => Date.parse(e.occurredAt));
    // 30 days in 5 slices of 6 days: the middles are days 3, 9, 15, 21, 27 after Jan 1.
    expect(scenario.usageEvents!.map((e) => e.occurredAt)).toEqual(['2024-01-04T00:00:00.000Z', '2024-01-10T00:00:00.000Z', '2024-01-16T00:00:00.000Z', '2024-01-22T00:00:00.000Z', '2024-01-28T00:00:00.000Z']);
    expect(new Set(times).size).toBe(5);
    expect(scenario.clock).toEqual({ mode: 'frozen', now: '2024-01-31T00:00:00.000Z' });
  });

  it('gives a credits company explicit credits (0.001 over 3 events: 0.001, 0, 0) and 0 minutes', () => {
    const events = build(creditsReport()).scenario.usageEvents!;
    expect(events.map((e) => [e.credits, e.minutes])).toEqual([
      [0.001, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(new Set(events.map((e) => e.interviewId)).size).toBe(2);
  });

  it('writes no test events', () => {
    expect(build(oneInterviewFiveEvents()).scenario.usageEvents!.every((e) => e.isTest === undefined || e.isTest === false)).toBe(true);
  });
});

describe('scenarioFromReport: companies and the key', () => {
  it('gives a one-company report a regular key on that company', () => {
    const { scenario, apiKey, keyType } = build(oneInterviewFiveEvents());
    expect([apiKey, keyType]).toEqual(['sk_test_repro', 'regular']);
    expect(scenario.apiKeys).toEqual([{ key: 'sk_test_repro', type: 'regular', companyId: ACME }]);
    expect(scenario.atsIntegrations).toEqual([]);
    expect(scenario.companies).toEqual([{ id: ACME, name: 'Acme', billingSystem: 'minutes' }]);
  });

  it('gives a two-company report one ATS integration managing both and an ATS key on it', () => {
    const { scenario, keyType } = build(atsReport());
    const ats = scenario.atsIntegrations[0]!;
    expect(keyType).toBe('ats');
    expect(scenario.apiKeys).toEqual([{ key: 'sk_test_repro', type: 'ats', atsIntegrationId: ats.id }]);
    expect(scenario.companies).toEqual([
      { id: ACME, name: 'Acme', billingSystem: 'minutes', atsIntegrationId: ats.id },
      { id: GLOBEX, name: 'Globex', billingSystem: 'credits', atsIntegrationId: ats.id },
    ]);
  });

  it('gives a one-company report an ATS key when told the key was an ATS key', () => {
    const { scenario } = build(creditsReport(), { keyType: 'ats' });
    expect(scenario.apiKeys[0]!.type).toBe('ats');
    expect(scenario.companies[0]!.atsIntegrationId).toBe(scenario.atsIntegrations[0]!.id);
  });

  it('reads the whole envelope and only its data alike, and gives the same scenario twice', () => {
    const fromData = build(atsReport()).scenario;
    const fromEnvelope = build({ success: true, data: atsReport(), error: null, timestamp: '2024-02-02T08:00:00Z' }).scenario;
    expect(fromEnvelope).toEqual(fromData);
    expect(build(atsReport()).scenario).toEqual(fromData);
  });

  it('draws version-4 UUIDs for the ATS integration, events and interviews', () => {
    const { scenario } = build(atsReport());
    const ids = [scenario.atsIntegrations[0]!.id, ...scenario.usageEvents!.flatMap((e) => [e.id, e.interviewId])];
    expect(ids.every((id) => V4.test(id!))).toBe(true);
  });

  it('writes scenarios that spec/scenario.schema.json accepts', () => {
    for (const report of [oneInterviewFiveEvents(), creditsReport(), atsReport()]) expect(validateScenario(build(report).scenario).ok).toBe(true);
  });
});

describe('scenarioFromReport: refusals', () => {
  it('refuses the reference page first example with §8 rules 2, 3, 4, 5, 6 and 10', () => {
    // The first JSON block of the API reference page, as published.
    const example = {
      companies: [
        {
          companyId: '123e4567-e89b-12d3-a456-426614174000',
          companyName: 'Acme Corporation',
          billingSystem: 'credits',
          totalInterviews: 12,
          breakdownByCostKey: [{ costKey: 'interview_minutes', events: 10, minutesUsed: 120, creditsUsed: 60.5 }],
          totalMinutesUsed: 250,
          totalCreditsUsed: 125.5,
        },
      ],
      totalInterviews: 80,
      breakdownByCostKey: [{ costKey: 'interview_minutes', events: 10, minutesUsed: 120, creditsUsed: 60.5 }],
      totalMinutesUsed: 1200,
      totalCreditsUsed: 3000.5,
    };
    const result = scenarioFromReport(example, JAN);
    if (result.ok || result.reason !== 'unreproducible') throw new Error('expected a refusal');
    expect([...new Set(result.problems.flatMap((p) => (p.rule === undefined ? [] : [p.rule])))].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 10]);
    // Pointers are into the input as given (only data here), not into an envelope.
    expect(result.problems).toContainEqual(expect.objectContaining({ rule: 10, pointer: '/companies/0/totalInterviews' }));
  });

  it('refuses a quantity with 4 decimals under §8 rule 13', () => {
    const report = creditsReport();
    report.companies[0]!.totalCreditsUsed = 0.0015;
    report.companies[0]!.breakdownByCostKey[0]!.creditsUsed = 0.0015;
    report.totalCreditsUsed = 0.0015;
    const result = scenarioFromReport(report, JAN);
    expect(!result.ok && result.reason === 'unreproducible' && result.problems.filter((p) => p.rule === 13).map((p) => p.pointer)).toEqual([
      '/companies/0/totalCreditsUsed',
      '/companies/0/breakdownByCostKey/0/creditsUsed',
      '/totalCreditsUsed',
      '/breakdownByCostKey/0/creditsUsed',
    ]);
  });

  it('refuses a bucket with 0 events, which no provider lists', () => {
    const report = atsReport();
    report.companies[1]!.breakdownByCostKey = [{ costKey: 'ai_analysis', creditsUsed: 0, events: 0 } as never];
    report.breakdownByCostKey.unshift({ costKey: 'ai_analysis', creditsUsed: 0, events: 0 } as never);
    const result = scenarioFromReport(report, JAN);
    expect(!result.ok && result.reason === 'unreproducible' && result.problems.map((p) => [p.source, p.pointer])).toEqual([['§3.4', '/companies/1/breakdownByCostKey/0/events']]);
  });

  it('refuses totalInterviews 0 beside events, since every event has an interview', () => {
    const report = creditsReport();
    report.companies[0]!.totalInterviews = 0;
    report.totalInterviews = 0;
    const result = scenarioFromReport(report, JAN);
    expect(!result.ok && result.reason === 'unreproducible' && result.problems.map((p) => [p.source, p.pointer])).toEqual([['§3.4', '/companies/0/totalInterviews']]);
  });

  it('refuses a company listed twice', () => {
    const report = atsReport();
    report.companies[1]!.companyId = ACME.toUpperCase();
    const result = scenarioFromReport(report, JAN);
    expect(!result.ok && result.reason === 'unreproducible' && result.problems.map((p) => p.pointer)).toEqual(['/companies/1/companyId']);
  });

  it('refuses two companies for a key said to be regular, under §8 rule 9', () => {
    const result = scenarioFromReport(atsReport(), { ...JAN, keyType: 'regular' });
    expect(!result.ok && result.reason === 'unreproducible' && result.problems.map((p) => p.rule)).toEqual([9]);
  });
});

describe('scenarioFromReport: usage errors', () => {
  it('names a start the API would refuse', () => {
    const result = scenarioFromReport(creditsReport(), { ...JAN, start: '2024-02-30' });
    expect(result).toEqual({ ok: false, reason: 'usage', message: 'start "2024-02-30" day 30 does not exist in 2024-02 (it has 29 days)' });
  });

  it('refuses an end that is not after start', () => {
    const result = scenarioFromReport(creditsReport(), { ...JAN, end: '2024-01-01T00:00:00Z' });
    expect(!result.ok && result.reason).toBe('usage');
  });

  it('refuses a period too short for 3 events at distinct milliseconds', () => {
    const result = scenarioFromReport(creditsReport(), { ...JAN, start: '2024-01-01T00:00:00.000Z', end: '2024-01-01T00:00:00.002Z' });
    expect(!result.ok && result.reason === 'usage' && result.message).toMatch(/2 ms long, too short for the 3 events of Globex/);
  });

  it('says an error answer is not a usage report', () => {
    const result = scenarioFromReport({ success: false, data: null, error: { code: 'INVALID_API_KEY', message: 'Invalid API key' }, timestamp: '2024-01-31T00:00:00Z' }, JAN);
    expect(result).toEqual({ ok: false, reason: 'usage', message: 'the input is an error answer (INVALID_API_KEY: Invalid API key), not a usage report' });
  });

  it('says a JSON array is not a usage answer', () => {
    const result = scenarioFromReport([1, 2], JAN);
    expect(!result.ok && result.reason).toBe('usage');
  });
});

describe('scenarioFromReport: warnings', () => {
  it('warns that companies out of §3.3 order come back sorted', () => {
    const report = atsReport();
    report.companies.reverse();
    expect(build(report).warnings).toEqual(['the report does not list its companies by companyName, then companyId (DESIGN §3.3); the mock will, so its answer differs in order only']);
  });

  it('has no warnings for a report in §3.3–§3.5 order', () => {
    expect(build(atsReport()).warnings).toEqual([]);
  });
});

describe('scenarioFromReport: runs in a browser', () => {
  /** Every module specifier imported (not type-only) by a source file and, through relative paths, by what it imports. */
  function importsOf(entry: string): { files: string[]; packages: Set<string> } {
    const files: string[] = [];
    const packages = new Set<string>();
    const todo = [entry];
    while (todo.length > 0 && files.length < 200) {
      const file = todo.pop()!;
      if (files.includes(file)) continue;
      files.push(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
        if (m[1]!.startsWith('.')) todo.push(resolve(dirname(file), m[1]!));
        else packages.add(m[1]!);
      }
    }
    return { files, packages };
  }

  it('imports no node: module, directly or through its own files', () => {
    const { files, packages } = importsOf(fileURLToPath(new URL('./scenarioFromReport.ts', import.meta.url)));
    expect(files.length).toBeGreaterThan(5);
    expect([...packages].sort()).toEqual(['@faker-js/faker/locale/base']);
  });
});
