import { describe, expect, it } from 'vitest';
import { generateUsageEvents } from '../../src/scenario/generateUsageEvents.ts';
import { builtInScenarioPath, formatScenarioErrors, loadScenarioFile } from '../../src/scenario/index.ts';
import { DEMO } from '../support/demoCompanyIds.ts';

const loaded = loadScenarioFile(builtInScenarioPath('default')!);
if (!loaded.ok) throw new Error(formatScenarioErrors(loaded.errors));
const scenario = loaded.scenario;

const { ACME, GLOBEX, INITECH, UMBRELLA, HOOLI, STARK, WAYNE } = DEMO;
const TALENT_BRIDGE = scenario.atsIntegrations.find((a) => a.name === 'TalentBridge')?.id;
const SOLO_HIRE = scenario.atsIntegrations.find((a) => a.name === 'SoloHire')?.id;

/** The events the generators make at a fixed now, seed 1. */
const NOW = Date.parse('2024-06-15T12:00:00Z');
const events = (scenario.generators ?? []).flatMap((g, index) => generateUsageEvents(g, { seed: scenario.seed ?? 1, nowMs: NOW, index }));
const last30Days = events.filter((e) => Date.parse(e.occurredAt) >= NOW - 30 * 86_400_000);
const costKeysOf = (id: string): string[] => [...new Set(last30Days.filter((e) => e.companyId === id && !e.isTest).map((e) => e.costKey))].sort();

describe('scenario default matches the table of DESIGN §4', () => {
  it('has the companies of the table with their names, ids, billing systems and ATS integrations', () => {
    expect(scenario.companies.map((c) => [c.name, c.id, c.billingSystem, c.atsIntegrationId])).toEqual([
      ['Acme Minutes s.r.o.', ACME, 'minutes', undefined],
      ['Globex Credits a.s.', GLOBEX, 'credits', undefined],
      ['Initech', INITECH, 'minutes', TALENT_BRIDGE],
      ['Umbrella Staffing', UMBRELLA, 'credits', TALENT_BRIDGE],
      ['Hooli Talent', HOOLI, 'minutes', TALENT_BRIDGE],
      ['Stark Recruiting', STARK, 'minutes', TALENT_BRIDGE],
      ['Wayne Hiring', WAYNE, 'minutes', SOLO_HIRE],
    ]);
  });

  it('has the eight keys with their kinds, owners, scopes, statuses and expiry', () => {
    expect(scenario.apiKeys.map((k) => [k.key, k.type, k.companyId ?? k.atsIntegrationId, k.scopes ?? ['read:billing'], k.status ?? 'active', k.expiresAt])).toEqual([
      ['sk_test_regular_minutes', 'regular', ACME, ['read:billing'], 'active', undefined],
      ['sk_test_regular_credits', 'regular', GLOBEX, ['read:billing'], 'active', undefined],
      ['sk_test_ats_mixed', 'ats', TALENT_BRIDGE, ['read:billing'], 'active', undefined],
      ['sk_test_ats_minutes_only', 'ats', SOLO_HIRE, ['read:billing'], 'active', undefined],
      ['sk_test_no_billing_scope', 'regular', ACME, ['read:jobs', 'read:candidates'], 'active', undefined],
      ['sk_test_revoked', 'regular', ACME, ['read:billing'], 'revoked', undefined],
      ['sk_test_expired', 'regular', GLOBEX, ['read:billing'], 'active', '2020-01-01T00:00:00Z'],
      ['sk_test_suspended', 'regular', ACME, ['read:billing'], 'suspended', undefined],
    ]);
  });

  it('uses seed 1 and the real clock', () => {
    expect([scenario.seed, scenario.clock]).toEqual([1, { mode: 'real' }]);
  });

  it('gives every company but Stark Recruiting interview_minutes usage in the last 30 days', () => {
    const withUsage = [ACME, GLOBEX, INITECH, UMBRELLA, HOOLI, WAYNE].filter((id) => costKeysOf(id).includes('interview_minutes'));
    expect(withUsage).toEqual([ACME, GLOBEX, INITECH, UMBRELLA, HOOLI, WAYNE]);
  });

  it('gives Stark Recruiting no events at all', () => {
    expect(events.filter((e) => e.companyId === STARK)).toEqual([]);
  });

  it('gives Acme, Globex, Initech and Umbrella Staffing a second cost key on interviews with two events', () => {
    for (const id of [ACME, GLOBEX, INITECH, UMBRELLA]) {
      expect(costKeysOf(id).length).toBe(2);
      const perInterview = new Map<string, number>();
      for (const e of last30Days.filter((x) => x.companyId === id)) perInterview.set(e.interviewId, (perInterview.get(e.interviewId) ?? 0) + 1);
      expect(Math.max(...perInterview.values())).toBe(2);
    }
  });

  it('prices every agent focus the credits companies use, since generated events carry no credits', () => {
    for (const id of [GLOBEX, UMBRELLA]) {
      const pricing = scenario.companies.find((c) => c.id === id)!.pricing ?? {};
      const focuses = [...new Set(events.filter((e) => e.companyId === id).map((e) => e.agentFocus))];
      expect(focuses.filter((f) => !(f in pricing))).toEqual([]);
    }
  });
});
