import { toUsageEvent } from '../../src/billing/toUsageEvent.ts';
import type { UsageEvent } from '../../src/billing/types.ts';
import { GENERATOR_DEFAULTS, generateUsageEvents } from '../../src/scenario/generateUsageEvents.ts';
import { validateStateInput } from '../../src/validation/validateStateInput.ts';
import { faultCodeMisfit } from './checkCommandInput.ts';
import { createStore, type MockStore } from './createStore.ts';
import { createTimeSlicer } from './createTimeSlicer.ts';
import { pickIssue } from './stateErrors.ts';
import type { Scenario, StoredApiKey, UsageEventInput } from './types.ts';

/**
 * The most events a scenario's generators may make (an upper bound checked before generating), so a
 * small hostile body cannot exhaust the mock's memory (DESIGN §6.3). `ats-mixed-large` needs about 1 000 000.
 */
export const MAX_GENERATED_EVENTS = 3_000_000;

/** The most problems one refused load lists (the first ones, in document order). */
export const MAX_LISTED_PROBLEMS = 100;

/** One reason a scenario could not be applied: a JSON pointer into the scenario and a message. DESIGN §7. */
export interface ScenarioProblem {
  pointer: string;
  message: string;
}

/** A scenario without its explicit events: what a streamed document carries before its `usageEvents`. */
export type ScenarioHead = Omit<Scenario, 'usageEvents'>;

/** A value or the problems that refuse it. */
type Checked<T> = ({ ok: true } & T) | { ok: false; problems: ScenarioProblem[] };

/**
 * A scenario to build a store from, read in the order a builder needs it, so a million-event state
 * (DESIGN §6.6) never has to be one array or one document in memory: first the ATS integrations and
 * companies (events refer to them), then the explicit events in chunks, then the whole head
 * (schema-checked). `eventsChecked` tells that the events already passed the schema.
 */
export interface ScenarioSource {
  eventsChecked: boolean;
  entities(): Promise<Checked<{ entities: Pick<ScenarioHead, 'atsIntegrations' | 'companies'> }>>;
  events(): AsyncIterable<readonly unknown[]>;
  head(): Promise<Checked<{ head: ScenarioHead }>>;
}

/** A whole scenario document, already valid against spec/scenario.schema.json, as a {@link ScenarioSource}. */
export function scenarioSource(scenario: Scenario, chunkSize = 5000): ScenarioSource {
  const { usageEvents = [], ...head } = scenario;
  return {
    eventsChecked: true,
    entities: async () => ({ ok: true, entities: head }),
    async *events() {
      for (let i = 0; i < usageEvents.length; i += chunkSize) yield usageEvents.slice(i, i + chunkSize);
    },
    head: async () => ({ ok: true, head }),
  };
}

/** What {@link buildStore} needs besides the scenario. */
export interface BuildOptions {
  /** Seed of the generators (`--seed`); default the scenario's, else 1. */
  seed?: number;
  /** The instant generators count back from, milliseconds since epoch (generated days end at the start of its UTC day), given the scenario's head. */
  nowFor: (head: ScenarioHead) => number;
  /** Makes a UUID for an event without `id` or `interviewId`. */
  newId: () => string;
  /** Told about a build that runs over a second, about once a second (DESIGN §6.6: loads log their progress). */
  onProgress?: (message: string) => void;
}

/** A new `sk_test_` key from a new UUID's hex digits (deterministic when the id maker is). */
export function newKey(newId: () => string): string {
  return `sk_test_${newId().replace(/-/g, '')}`;
}

/** A scenario's generators could make more than {@link MAX_GENERATED_EVENTS} events. */
function generatorBound(scenario: ScenarioHead): number {
  return (scenario.generators ?? []).reduce((sum, gen) => sum + (gen.days ?? GENERATOR_DEFAULTS.days) * (gen.interviewsPerDay?.max ?? GENERATOR_DEFAULTS.interviewsPerDay.max) * 2, 0);
}

/**
 * Builds a new store from a scenario: ATS integrations, companies, keys, explicit events (checked
 * against the schema unless the source says so, then against the store's rules), then generated events
 * (DESIGN §4, §7). Works in slices, yielding to the event loop, so the API keeps answering while a
 * million events load (DESIGN §6.6). All or nothing: the new store is returned only when complete.
 * @returns the store, or the problems found (JSON pointers into the scenario; at most
 * {@link MAX_LISTED_PROBLEMS}). Never throws for bad input.
 */
export async function buildStore(source: ScenarioSource, opts: BuildOptions): Promise<{ ok: true; store: MockStore; head: ScenarioHead } | { ok: false; problems: ScenarioProblem[] }> {
  const store = createStore();
  const problems: ScenarioProblem[] = [];
  const slicer = createTimeSlicer();
  let nextReport = 1000;
  let done = 0;
  const progress = async (what: string) => {
    await slicer.tick();
    if (opts.onProgress && slicer.elapsedMs() >= nextReport) {
      nextReport += 1000;
      opts.onProgress(`loading a scenario: ${done.toLocaleString('en')} events ${what} (${(slicer.elapsedMs() / 1000).toFixed(1)} s)`);
    }
  };
  const refuse = (pointer: string, message: string) => void (problems.length < MAX_LISTED_PROBLEMS && problems.push({ pointer, message }));
  const report = (pointer: string, plan: { ok: true; apply: () => unknown } | { ok: false; error: { message: string; details?: Record<string, unknown> } }) => {
    if (plan.ok) return void plan.apply();
    const field = plan.error.details?.field;
    refuse(typeof field === 'string' ? `${pointer}/${field}` : pointer, plan.error.message);
  };
  const entities = await source.entities();
  if (!entities.ok) return entities;
  entities.entities.atsIntegrations.forEach((a, i) => report(`/atsIntegrations/${i}`, store.planAddAtsIntegration({ ...a, id: a.id ?? opts.newId() })));
  entities.entities.companies.forEach((c, i) => report(`/companies/${i}`, store.planAddCompany({ ...c, id: c.id ?? opts.newId() })));
  if (problems.length > 0) return { ok: false, problems };

  let index = 0;
  for await (const chunk of source.events()) {
    const shaped: UsageEventInput[] = [];
    const positions: number[] = [];
    for (const item of chunk) {
      const at = index++;
      const issues = source.eventsChecked ? [] : validateStateInput('scenario', '/$defs/UsageEventInput', item);
      if (issues.length > 0) {
        const first = pickIssue(issues);
        refuse(`/usageEvents/${at}${first.pointer}`, first.message);
        continue;
      }
      const event = item as UsageEventInput;
      shaped.push({ ...event, id: event.id ?? opts.newId(), interviewId: event.interviewId ?? opts.newId() });
      positions.push(at);
    }
    if (problems.length >= MAX_LISTED_PROBLEMS) break;
    const plan = store.planAddUsageEvents(shaped as Parameters<MockStore['planAddUsageEvents']>[0]);
    if (plan.ok) plan.apply();
    else for (const p of plan.problems) refuse(`/usageEvents/${positions[p.index!]}/${p.field}`, p.reason);
    done += shaped.length;
    await progress('stored');
  }
  if (problems.length > 0) return { ok: false, problems };
  const complete = await source.head();
  if (!complete.ok) return complete;
  const { head } = complete;
  head.apiKeys.forEach((k, i) => report(`/apiKeys/${i}`, store.planAddApiKey({ ...(k as Partial<StoredApiKey> & { type: StoredApiKey['type'] }), key: k.key ?? newKey(opts.newId) })));
  if (problems.length > 0) return { ok: false, problems };

  const nowMs = opts.nowFor(head);
  const bound = generatorBound(head);
  if (bound > MAX_GENERATED_EVENTS) {
    refuse('/generators', `the generators could make up to ${bound} events (days × interviewsPerDay.max × 2 events per interview); the mock generates at most ${MAX_GENERATED_EVENTS}. Lower days or interviewsPerDay.max.`);
    return { ok: false, problems };
  }
  for (const [i, gen] of (head.generators ?? []).entries()) {
    const company = store.company(gen.companyId);
    if (!company) {
      refuse(`/generators/${i}/companyId`, `no company with id ${gen.companyId}`);
      continue;
    }
    let inputs;
    try {
      inputs = generateUsageEvents(gen, { seed: opts.seed ?? head.seed ?? 1, nowMs, index: i });
    } catch (err) {
      refuse(`/generators/${i}`, (err as Error).message);
      continue;
    }
    const events: UsageEvent[] = [];
    for (const input of inputs) {
      const result = toUsageEvent(input, company);
      if (!result.ok) {
        const p = result.problems[0]!;
        refuse(`/generators/${i}`, `a generated event has an invalid ${p.field}: ${p.reason}`);
        break;
      }
      events.push(result.event);
    }
    if (problems.length === 0) store.addGeneratedEvents(events);
    done += events.length;
    await progress('generated');
  }
  // The scenario's faults (DESIGN §6.7): each code fits its status; ids filled now, so a reset gives the same ones.
  (head.faults ?? []).forEach((f, i) => {
    const misfit = faultCodeMisfit(f);
    if (misfit) refuse(`/faults/${i}/code`, misfit);
  });
  if (problems.length > 0) return { ok: false, problems };
  if (head.faults) head.faults = head.faults.map((f) => ({ ...f, id: f.id ?? opts.newId() }));
  while (store.prepareStep()) await progress('indexed');
  if (opts.onProgress && slicer.elapsedMs() >= 1000) opts.onProgress(`loaded scenario "${head.name}": ${store.eventCount().toLocaleString('en')} events in ${(slicer.elapsedMs() / 1000).toFixed(1)} s`);
  return { ok: true, store, head };
}
