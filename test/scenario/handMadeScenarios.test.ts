import { describe, expect, it } from 'vitest';
import { builtInScenarioPath, formatScenarioErrors, loadScenarioFile, type Scenario } from '../../src/scenario/index.ts';

// Checks the expected numbers written in the header comments of edge-cases.yaml and empty-period.yaml
// against the files' own data, with the rules of DESIGN §3.2–§3.4 and §6.1 in integer thousandths.

function load(name: string): Scenario {
  const result = loadScenarioFile(builtInScenarioPath(name)!);
  if (!result.ok) throw new Error(formatScenarioErrors(result.errors));
  return result.scenario;
}

const milli = (q: number): number => Math.round(q * 1000);
type Event = NonNullable<Scenario['usageEvents']>[number];
type Company = Scenario['companies'][number];

/** An event's quantity in its company's unit, in thousandths: credits given, or priced by rule, rounded half-up (DESIGN §6.1). */
function quantity(e: Event, company: Company): number {
  if (company.billingSystem === 'minutes') return milli(e.minutes);
  if (e.credits !== undefined) return milli(e.credits);
  const rule = company.pricing![e.agentFocus ?? 'GENERIC']!;
  const over = Math.max(0, milli(e.minutes) - milli(rule.includedMinutes));
  return milli(rule.baseCost) + Math.floor((milli(rule.costPerMinute) * over + 500) / 1000);
}

/** What a key's report holds for [start, end) (default: the 30 days before the frozen now): per company, in report order. */
function report(scenario: Scenario, key: string, start?: string, end?: string) {
  const endMs = end ? Date.parse(end) : Date.parse((scenario.clock as { now: string }).now);
  const startMs = start ? Date.parse(start) : endMs - 30 * 86_400_000;
  const apiKey = scenario.apiKeys.find((k) => k.key === key)!;
  const companies = scenario.companies
    .filter((c) => (apiKey.type === 'regular' ? c.id === apiKey.companyId : c.atsIntegrationId === apiKey.atsIntegrationId))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id! < b.id! ? -1 : 1));
  return companies.map((c) => {
    const counted = (scenario.usageEvents ?? []).filter((e) => e.companyId === c.id && !e.isTest && Date.parse(e.occurredAt) >= startMs && Date.parse(e.occurredAt) < endMs);
    const buckets: Record<string, [number, number]> = {};
    for (const e of counted) {
      const bucket = (buckets[e.costKey ?? 'interview_minutes'] ??= [0, 0]);
      bucket[0] += quantity(e, c);
      bucket[1] += 1;
    }
    const total = counted.reduce((sum, e) => sum + quantity(e, c), 0);
    return { name: c.name, unit: c.billingSystem, total, interviews: new Set(counted.map((e) => e.interviewId)).size, buckets };
  });
}

describe('scenario edge-cases gives the numbers its header promises', () => {
  const edge = load('edge-cases');

  it('counts 8 + 2 + 4 = 14 minutes for sk_edge_zeta by default: start inclusive, end (= now) exclusive', () => {
    expect(report(edge, 'sk_edge_zeta')).toMatchObject([{ total: 14_000, interviews: 3 }]);
  });

  it('counts 1 + 16 + 8 = 25 minutes for sk_edge_zeta over 2024-01-01 to 2024-01-31', () => {
    expect(report(edge, 'sk_edge_zeta', '2024-01-01T00:00:00Z', '2024-01-31T00:00:00Z')).toMatchObject([{ total: 25_000, interviews: 3 }]);
  });

  it('counts the event at now, 32 minutes, only from 2024-02-01 on', () => {
    expect(report(edge, 'sk_edge_zeta', '2024-02-01T00:00:00Z', '2024-02-02T00:00:00Z')).toMatchObject([{ total: 32_000, interviews: 1 }]);
  });

  it('sums three 0.1-minute events to exactly 0.3 for sk_edge_alpha, in two interviews, without the test interview', () => {
    expect(report(edge, 'sk_edge_alpha')).toEqual([
      { name: 'alpha staffing', unit: 'minutes', total: 300, interviews: 2, buckets: { interview_minutes: [200, 2], transcription: [100, 1] } },
    ]);
  });

  it('prices sk_edge_credits events by rule to 5.5 + 1.5 + 2.821 + 7 = 16.821 credits', () => {
    expect(report(edge, 'sk_edge_credits')).toMatchObject([{ unit: 'credits', total: 16_821, interviews: 4, buckets: { interview_minutes: [16_821, 4] } }]);
  });

  it('lists Quiet Co with zero usage for sk_edge_quiet', () => {
    expect(report(edge, 'sk_edge_quiet')).toEqual([{ name: 'Quiet Co', unit: 'minutes', total: 0, interviews: 0, buckets: {} }]);
  });

  it('sorts sk_edge_ats companies by code unit, then id, and totals 15.3 minutes, 16.821 credits, 10 interviews', () => {
    const companies = report(edge, 'sk_edge_ats');
    expect(companies.map((c) => [c.name, c.total])).toEqual([
      ['Quiet Co', 0],
      ['Zeta Corp', 1_000],
      ['Zeta Corp', 14_000],
      ['alpha staffing', 300],
      ['Émile Recrutement', 16_821],
    ]);
    const sum = (unit: string) => companies.filter((c) => c.unit === unit).reduce((s, c) => s + c.total, 0);
    expect([sum('minutes'), sum('credits'), companies.reduce((s, c) => s + c.interviews, 0)]).toEqual([15_300, 16_821, 10]);
  });
});

describe('scenario empty-period has no usage in the last 30 days', () => {
  const empty = load('empty-period');

  it('gives sk_test_ats_mixed four companies with zero totals by default', () => {
    expect(report(empty, 'sk_test_ats_mixed').map((c) => [c.name, c.total, c.interviews])).toEqual([
      ['Hooli Talent', 0, 0],
      ['Initech', 0, 0],
      ['Stark Recruiting', 0, 0],
      ['Umbrella Staffing', 0, 0],
    ]);
  });

  it('gives every key zero usage by default', () => {
    for (const key of empty.apiKeys.map((k) => k.key!)) expect(report(empty, key).every((c) => c.total === 0 && c.interviews === 0)).toBe(true);
  });

  it('shows January: Acme 32 minutes in 2 interviews, Globex 5.5 + 2.25 = 7.75 credits by rule', () => {
    const jan = ['2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'] as const;
    expect(report(empty, 'sk_test_regular_minutes', ...jan)).toMatchObject([{ total: 32_000, interviews: 2, buckets: { interview_minutes: [19_500, 2], transcription: [12_500, 1] } }]);
    expect(report(empty, 'sk_test_regular_credits', ...jan)).toMatchObject([{ total: 7_750, interviews: 2 }]);
  });

  it('shows January for sk_test_ats_mixed: 45 minutes, 4 credits, 3 interviews', () => {
    const companies = report(empty, 'sk_test_ats_mixed', '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z');
    const sum = (unit: string) => companies.filter((c) => c.unit === unit).reduce((s, c) => s + c.total, 0);
    expect([sum('minutes'), sum('credits'), companies.reduce((s, c) => s + c.interviews, 0)]).toEqual([45_000, 4_000, 3]);
  });
});
