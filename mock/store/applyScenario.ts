import { GENERATOR_DEFAULTS, generateUsageEvents } from '../../src/scenario/generateUsageEvents.ts';
import { parseInstant } from '../../src/billing/parseInstant.ts';
import type { UsageEvent } from '../../src/billing/types.ts';
import type { MockStore } from './createStore.ts';
import { toUsageEvent } from './toUsageEvent.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { StoredApiKey } from './types.ts';

/** A QA scenario, schema-valid (type generated from spec/scenario.schema.json, DESIGN §7). */
export type { Scenario };

/**
 * The most events a scenario's generators may make (an upper bound checked before generating), so a
 * small hostile body cannot exhaust the mock's memory (DESIGN §6.3). The large scenario of DESIGN §4
 * needs about 1 000 000.
 */
export const MAX_GENERATED_EVENTS = 3_000_000;

/** One reason a scenario could not be applied: a JSON pointer into the scenario and a message. */
export interface ScenarioProblem {
  pointer: string;
  message: string;
}

/**
 * Fills an empty store from a scenario: ATS integrations, companies, keys, explicit events, then
 * generated events (DESIGN §4, §7). Cross references and quantities are checked here (the schema
 * cannot): an unknown company id, a credits event without credits or pricing rule, 4 decimals.
 * @param opts `seed` for the generators, `nowMs` the mock clock's now (generators end at its UTC day).
 * @returns the problems found; when any is returned the store may be partly filled and must be discarded.
 */
export function applyScenario(store: MockStore, scenario: Scenario, opts: { seed: number; nowMs: number }): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const report = (pointer: string, result: { ok: boolean; error?: { message: string; details?: Record<string, unknown> } }) => {
    if (!result.ok && result.error) {
      const field = result.error.details?.field;
      problems.push({ pointer: typeof field === 'string' ? `${pointer}/${field}` : pointer, message: result.error.message });
    }
  };
  scenario.atsIntegrations.forEach((a, i) => report(`/atsIntegrations/${i}`, store.addAtsIntegration(a)));
  scenario.companies.forEach((c, i) => report(`/companies/${i}`, store.addCompany(c)));
  scenario.apiKeys.forEach((k, i) => report(`/apiKeys/${i}`, store.addApiKey(k as Partial<StoredApiKey> & { type: StoredApiKey['type'] })));
  if (problems.length > 0) return problems;
  const explicit = store.addUsageEvents(scenario.usageEvents ?? []);
  if (!explicit.ok) {
    const items = (explicit.error.details?.errors ?? []) as Array<{ index: number; field: string; reason: string }>;
    for (const item of items) problems.push({ pointer: `/usageEvents/${item.index}/${item.field}`, message: item.reason });
    return problems;
  }
  const bound = (scenario.generators ?? []).reduce((sum, gen) => {
    const days = gen.days ?? GENERATOR_DEFAULTS.days;
    const perDay = gen.interviewsPerDay?.max ?? GENERATOR_DEFAULTS.interviewsPerDay.max;
    return sum + days * perDay * 2;
  }, 0);
  if (bound > MAX_GENERATED_EVENTS) {
    problems.push({
      pointer: '/generators',
      message: `the generators could make up to ${bound} events (days × interviewsPerDay.max × 2 events per interview); the mock generates at most ${MAX_GENERATED_EVENTS}. Lower days or interviewsPerDay.max.`,
    });
    return problems;
  }
  const generated: UsageEvent[] = [];
  (scenario.generators ?? []).forEach((gen, index) => {
    const company = store.company(gen.companyId);
    if (!company) return problems.push({ pointer: `/generators/${index}/companyId`, message: `no company with id ${gen.companyId}` });
    let inputs;
    try {
      inputs = generateUsageEvents(gen, { seed: opts.seed, nowMs: opts.nowMs, index });
    } catch (err) {
      return problems.push({ pointer: `/generators/${index}`, message: (err as Error).message });
    }
    for (const input of inputs) {
      const result = toUsageEvent(input, company, () => {
        throw new Error('generated events carry their ids');
      });
      if (!result.ok) {
        const p = result.problems[0]!;
        return problems.push({ pointer: `/generators/${index}`, message: `a generated event has an invalid ${p.field}: ${p.reason}` });
      }
      generated.push(result.event);
    }
  });
  if (problems.length === 0) store.addGeneratedEvents(generated);
  return problems;
}

/** The instant a scenario freezes the clock at, in milliseconds, or undefined for real time. */
export function scenarioFrozenAt(scenario: Scenario, fallbackNowMs: number): number | undefined {
  if (scenario.clock?.mode !== 'frozen') return undefined;
  if (scenario.clock.now === undefined) return fallbackNowMs;
  const at = parseInstant(scenario.clock.now);
  return at.ok ? at.ms : fallbackNowMs;
}
