import { describe, expect, it } from 'vitest';
import { builtInScenarioPath, formatScenarioErrors, loadScenarioFile } from '../../src/scenario/index.ts';

const result = loadScenarioFile(builtInScenarioPath('seed-examples')!);
if (!result.ok) throw new Error(formatScenarioErrors(result.errors));
const scenario = result.scenario;
const events = scenario.usageEvents ?? [];

/** A quantity as integer thousandths, exactly (the files use at most 3 decimals). */
const milli = (q: number): number => Math.round(q * 1000);

function companiesOfKey(key: string): string[] {
  const apiKey = scenario.apiKeys.find((k) => k.key === key)!;
  if (apiKey.type === 'regular') return [apiKey.companyId!];
  return scenario.companies.filter((c) => c.atsIntegrationId === apiKey.atsIntegrationId).map((c) => c.id!);
}

function usage(companyId: string) {
  const own = events.filter((e) => e.companyId === companyId);
  return {
    events: own.length,
    interviews: new Set(own.map((e) => e.interviewId)).size,
    minutesMilli: own.reduce((sum, e) => sum + milli(e.minutes), 0),
    creditsMilli: own.reduce((sum, e) => sum + milli(e.credits ?? 0), 0),
  };
}

const nameOf = (id: string): string => scenario.companies.find((c) => c.id === id)!.name;

describe('scenario seed-examples reproduces the docs (DESIGN §5)', () => {
  it('freezes the clock at 2024-01-31T10:30:00Z', () => {
    expect(scenario.clock).toEqual({ mode: 'frozen', now: '2024-01-31T10:30:00Z' });
  });

  it('gives sk_example_minutes one minutes company "Your Company" with 245.5 minutes over 42 events and 42 interviews', () => {
    const [id, ...others] = companiesOfKey('sk_example_minutes');
    expect(others).toEqual([]);
    expect(scenario.companies.find((c) => c.id === id)).toMatchObject({ name: 'Your Company', billingSystem: 'minutes' });
    expect(usage(id!)).toEqual({ events: 42, interviews: 42, minutesMilli: 245_500, creditsMilli: 0 });
  });

  it('gives sk_example_credits one credits company "Your Company" whose explicit credits sum to 612.5 over 42 events', () => {
    const [id, ...others] = companiesOfKey('sk_example_credits');
    expect(others).toEqual([]);
    expect(scenario.companies.find((c) => c.id === id)).toMatchObject({ name: 'Your Company', billingSystem: 'credits' });
    expect(usage(id!)).toMatchObject({ events: 42, interviews: 42, creditsMilli: 612_500 });
    expect(events.filter((e) => e.companyId === id).every((e) => e.credits !== undefined)).toBe(true);
  });

  it('gives sk_example_ats Client Company A (120 minutes, 20 events) and Client Company B (80.5 minutes, 22 events)', () => {
    const ids = companiesOfKey('sk_example_ats');
    expect(ids.map(nameOf).sort()).toEqual(['Client Company A', 'Client Company B']);
    const byName = Object.fromEntries(ids.map((id) => [nameOf(id), usage(id)]));
    expect(byName['Client Company A']).toEqual({ events: 20, interviews: 20, minutesMilli: 120_000, creditsMilli: 0 });
    expect(byName['Client Company B']).toEqual({ events: 22, interviews: 22, minutesMilli: 80_500, creditsMilli: 0 });
  });

  it('gives every company its own UUID', () => {
    expect(new Set(scenario.companies.map((c) => c.id)).size).toBe(4);
  });

  it('dates every event in [2024-01-02, 2024-01-31) under cost key interview_minutes, one event per interview, none a test', () => {
    const from = Date.parse('2024-01-02T00:00:00Z');
    const to = Date.parse('2024-01-31T00:00:00Z');
    expect(events.filter((e) => !(Date.parse(e.occurredAt) >= from && Date.parse(e.occurredAt) < to))).toEqual([]);
    expect(events.filter((e) => (e.costKey ?? 'interview_minutes') !== 'interview_minutes' || e.isTest)).toEqual([]);
    expect(new Set(events.map((e) => e.interviewId)).size).toBe(events.length);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('writes every quantity with at most one decimal', () => {
    const quantities = events.flatMap((e) => [e.minutes, ...(e.credits === undefined ? [] : [e.credits])]);
    expect(quantities.filter((q) => Math.round(q * 10) / 10 !== q)).toEqual([]);
  });
});
