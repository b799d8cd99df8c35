import { compareCodeUnits } from '../../src/billing/compareCodeUnits.ts';
import { MAX_EXACT_MILLI, MAX_EXACT_TEXT, parseQuantity } from '../../src/billing/quantity.ts';
import { toUsageEvent, toUsageEventRecord, type UsageEventFields, type UsageEventRecord } from '../../src/billing/toUsageEvent.ts';
import type { BillingSystem, Tally, UsageEvent } from '../../src/billing/types.ts';
import { createIdSet, type ReadonlyIdSet } from '../../src/usageIndex/createIdSet.ts';
import { createUsageIndex, type UsageEventFilter, type UsageIndexView } from '../../src/usageIndex/createUsageIndex.ts';
import { stateErrors, type StateError } from './stateErrors.ts';
import type { AtsIntegration, FieldProblem, StoredApiKey, StoredCompany } from './types.ts';
import { validateApiKey } from './validateApiKey.ts';

/** The largest batch of usage events one change takes (DESIGN §6.2). */
export const MAX_EVENT_BATCH = 100_000;

/**
 * A change checked against the store and ready to apply: `apply()` makes it and returns its value;
 * nothing changes until then. A refused change is `{ ok: false, error }`. Valid only until the store
 * changes otherwise (the mock state applies one command at a time).
 */
export type Plan<T> = { ok: true; apply: () => T } | { ok: false; error: StateError };

/** What the store reads answer with (entities as stored; lists sorted as spec/admin.openapi.yaml says). */
export interface StoreReader {
  /** Every ATS integration, sorted by name, then id. */
  atsIntegrations(): AtsIntegration[];
  atsIntegration(id: string): AtsIntegration | undefined;
  /** Companies sorted by name, then id (code-unit order), optionally only those of one ATS integration. */
  companies(filter?: { atsIntegrationId?: string }): StoredCompany[];
  company(id: string): StoredCompany | undefined;
  /** Every API key, sorted by key. */
  apiKeys(): StoredApiKey[];
  apiKey(key: string): StoredApiKey | undefined;
  /** Stored events (test and generated ones included), of one company or all. */
  eventCount(companyId?: string): number;
  /** DESIGN §3.4 for one company in its unit over `[startMs, endMs)` (milliseconds since epoch). */
  tally(companyId: string, unit: BillingSystem, startMs: number, endMs: number): Tally;
  /** One page of events by company and period `[startMs, endMs)`, in time order, and how many match. */
  pageUsageEvents(filter: Pick<UsageEventFilter, 'companyId' | 'startMs' | 'endMs'>, offset: number, limit: number): { total: number; items: UsageEventRecord[] };
}

/**
 * A frozen copy of the whole store: entities copied, events shared read-only with the store (no event
 * is copied). Read it while the store changes (export, snapshot), or make a new store of it (reset,
 * a new session). DESIGN §6.6, §11.
 */
export interface StoreView {
  atsIntegrations: AtsIntegration[];
  companies: StoredCompany[];
  apiKeys: StoredApiKey[];
  usage: UsageIndexView;
  /** @internal every event's id, for the duplicate check of a store made from this view. */
  eventIds: ReadonlyIdSet;
}

/**
 * One mock state's data: ATS integrations, companies, API keys and the usage index (DESIGN §6.1).
 * Reads answer at once; every change is planned first (`planX` → {@link Plan}) and applied whole, so a
 * refused change leaves nothing behind. Inputs come schema-valid and with their ids filled (the mock
 * state does both); the store checks what a schema cannot: references, decimals, duplicates, conflicts
 * and the exact range of sums (DESIGN §6.8).
 */
export interface MockStore extends StoreReader {
  planAddAtsIntegration(input: { id: string; name: string }): Plan<AtsIntegration>;
  planAddCompany(input: Omit<StoredCompany, 'id'> & { id: string }): Plan<StoredCompany>;
  /** A PATCH: `null` removes an optional field; the billing system cannot change while the company has events (409). */
  planUpdateCompany(id: string, patch: object): Plan<StoredCompany>;
  /** Deletes a company with its events and its regular keys (DESIGN §6.1). */
  planDeleteCompany(id: string): Plan<{ deletedEvents: number; deletedApiKeys: number }>;
  planAddApiKey(input: Partial<StoredApiKey> & { key: string; type: StoredApiKey['type'] }): Plan<StoredApiKey>;
  planUpdateApiKey(key: string, patch: object): Plan<StoredApiKey>;
  planDeleteApiKey(key: string): Plan<StoredApiKey>;
  /**
   * Up to {@link MAX_EVENT_BATCH} events, all or nothing; each bad item listed as `{index, field, reason}`
   * (`index` offset by `firstIndex`). Applying returns the stored events.
   */
  planAddUsageEvents(inputs: readonly UsageEventFields[], firstIndex?: number): { ok: true; apply: () => UsageEvent[] } | { ok: false; problems: FieldProblem[] };
  planDeleteUsageEvents(filter: { companyId?: string }): Plan<number>;
  /** Stores events already checked and generated with unique ids (a scenario's generators). */
  addGeneratedEvents(events: readonly UsageEvent[]): void;
  /** Builds one company's query structures ahead of the first query; `false` when none was left. */
  prepareStep(): boolean;
  view(): StoreView;
}

/** Applies a PATCH body: a `null` value removes that optional field (spec/admin.openapi.yaml `CompanyPatch`, `ApiKeyPatch`). */
function applyPatch<T extends object>(current: T, patch: object): T {
  const next = { ...current } as Record<string, unknown>;
  for (const [field, value] of Object.entries(structuredClone(patch))) {
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as T;
}

/** Checks a pricing object's quantities (at most 3 decimals, within the input range, DESIGN §6.1, §6.8). */
function checkPricing(pricing: unknown): { field: string; reason: string } | undefined {
  if (pricing === undefined) return undefined;
  for (const [focus, rule] of Object.entries(pricing as Record<string, Record<string, unknown>>)) {
    for (const field of ['baseCost', 'includedMinutes', 'costPerMinute'] as const) {
      const q = parseQuantity(rule[field]);
      if (!q.ok) return { field: `pricing/${focus}/${field}`, reason: q.reason };
    }
  }
  return undefined;
}

const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) => compareCodeUnits(a.name, b.name) || compareCodeUnits(a.id, b.id);

/**
 * Creates a store, empty or holding a {@link StoreView}'s data (reset, a new session). One per mock
 * state (STYLE: no module-level state); runs in Node and in browsers.
 */
export function createStore(from?: StoreView): MockStore {
  const ats = new Map<string, AtsIntegration>((from?.atsIntegrations ?? []).map((a) => [a.id, structuredClone(a)]));
  const companies = new Map<string, StoredCompany>((from?.companies ?? []).map((c) => [c.id, structuredClone(c)]));
  const keys = new Map<string, StoredApiKey>((from?.apiKeys ?? []).map((k) => [k.key, structuredClone(k)]));
  // Every stored event's id (explicit and generated), shared with the view it came from until the first change.
  const eventIds = createIdSet(from?.eventIds);
  const usage = createUsageIndex(from?.usage);

  function checkCompanyRefs(c: Partial<StoredCompany>): StateError | undefined {
    if (c.atsIntegrationId !== undefined && !ats.has(String(c.atsIntegrationId).toLowerCase())) {
      return stateErrors.invalidField('atsIntegrationId', 'no ATS integration with this id', c.atsIntegrationId);
    }
    const pricing = checkPricing(c.pricing);
    return pricing ? stateErrors.invalidField(pricing.field, pricing.reason) : undefined;
  }

  const refs = { companyExists: (id: string) => companies.has(id), atsExists: (id: string) => ats.has(id) };

  /** The problem of an insert whose event `index` takes the sum of `scope` past {@link MAX_EXACT_MILLI}. */
  const sumOverflow = (index: number, unit: string, scope: string): FieldProblem => ({
    index,
    field: unit,
    reason: `the ${unit} of ${scope} would sum to more than ${MAX_EXACT_TEXT}, beyond what a JSON number carries exactly to 3 decimals (DESIGN §6.8)`,
  });

  /** A company's counted usage in its own unit, in thousandths (what its reports can sum to). */
  function companySum(company: StoredCompany, unit: StoredCompany['billingSystem']): number {
    const totals = usage.companyTotals(company.id);
    return unit === 'minutes' ? totals.minutesMilli : totals.creditsMilli;
  }

  /** The counted usage of an ATS integration's companies billing in `unit`, in thousandths (what an ATS report's top-level total can reach). */
  function integrationSum(atsIntegrationId: string, unit: StoredCompany['billingSystem']): number {
    let sum = 0;
    for (const c of companies.values()) if (c.atsIntegrationId === atsIntegrationId && c.billingSystem === unit) sum += companySum(c, unit);
    return sum;
  }

  const store: MockStore = {
    atsIntegrations: () => [...ats.values()].sort(byNameThenId).map((a) => ({ ...a })),
    atsIntegration: (id) => ats.get(id.toLowerCase()),
    companies(filter) {
      const only = filter?.atsIntegrationId?.toLowerCase();
      return [...companies.values()].filter((c) => only === undefined || c.atsIntegrationId === only).sort(byNameThenId);
    },
    company: (id) => companies.get(id.toLowerCase()),
    apiKeys: () => [...keys.values()].sort((a, b) => compareCodeUnits(a.key, b.key)),
    apiKey: (key) => keys.get(key),
    eventCount: (companyId) => usage.count(companyId),
    tally: (companyId, unit, startMs, endMs) => usage.tally(companyId, unit, startMs, endMs),
    pageUsageEvents(filter, offset, limit) {
      const page = usage.page(filter, offset, limit);
      return { total: page.total, items: page.items.map(toUsageEventRecord) };
    },

    planAddAtsIntegration(input) {
      const id = input.id.toLowerCase();
      if (ats.has(id)) return { ok: false, error: stateErrors.conflict(`An ATS integration with id ${id} exists`, { id }) };
      const entity = { id, name: input.name };
      return { ok: true, apply: () => (ats.set(id, entity), { ...entity }) };
    },
    planAddCompany(input) {
      const id = input.id.toLowerCase();
      const problem = checkCompanyRefs(input);
      if (problem) return { ok: false, error: problem };
      if (companies.has(id)) return { ok: false, error: stateErrors.conflict(`A company with id ${id} exists`, { id }) };
      const entity: StoredCompany = {
        id,
        name: input.name,
        billingSystem: input.billingSystem,
        ...(input.atsIntegrationId ? { atsIntegrationId: input.atsIntegrationId.toLowerCase() } : {}),
        ...(input.pricing ? { pricing: structuredClone(input.pricing) } : {}),
      };
      return { ok: true, apply: () => (companies.set(id, entity), entity) };
    },
    planUpdateCompany(id, patch) {
      const current = companies.get(id.toLowerCase());
      if (!current) return { ok: false, error: stateErrors.notFound('company', id) };
      const next: StoredCompany = { ...applyPatch(current, patch), id: current.id };
      if (next.atsIntegrationId) next.atsIntegrationId = next.atsIntegrationId.toLowerCase();
      const problem = checkCompanyRefs(next);
      if (problem) return { ok: false, error: problem };
      if (next.billingSystem !== current.billingSystem && usage.count(current.id) > 0) {
        return { ok: false, error: stateErrors.conflict(`Company ${current.id} has usage events; its billing system cannot change from ${current.billingSystem} to ${next.billingSystem}`) };
      }
      if (next.atsIntegrationId && next.atsIntegrationId !== current.atsIntegrationId) {
        const joined = integrationSum(next.atsIntegrationId, next.billingSystem) + companySum(current, next.billingSystem);
        if (joined > MAX_EXACT_MILLI) {
          return { ok: false, error: stateErrors.invalidField('atsIntegrationId', `the ${next.billingSystem} of ATS integration ${next.atsIntegrationId} would sum to more than ${MAX_EXACT_TEXT} with this company's, beyond what a JSON number carries exactly to 3 decimals (DESIGN §6.8)`, next.atsIntegrationId) };
        }
      }
      return { ok: true, apply: () => (companies.set(current.id, next), next) };
    },
    planDeleteCompany(id) {
      const current = companies.get(id.toLowerCase());
      if (!current) return { ok: false, error: stateErrors.notFound('company', id) };
      return {
        ok: true,
        apply: () => {
          for (const e of usage.list({ companyId: current.id })) eventIds.delete(e.id);
          const deletedEvents = usage.removeCompany(current.id);
          let deletedApiKeys = 0;
          for (const [k, v] of keys) if (v.type === 'regular' && v.companyId === current.id && keys.delete(k)) deletedApiKeys++;
          companies.delete(current.id);
          return { deletedEvents, deletedApiKeys };
        },
      };
    },
    planAddApiKey(input) {
      const checked = validateApiKey(structuredClone(input), refs);
      if (!checked.ok) return checked;
      const value = checked.value;
      if (keys.has(value.key)) return { ok: false, error: stateErrors.conflict(`The API key ${value.key} exists already`, { key: value.key }) };
      return { ok: true, apply: () => (keys.set(value.key, value), value) };
    },
    planUpdateApiKey(key, patch) {
      const current = keys.get(key);
      if (!current) return { ok: false, error: stateErrors.notFound('API key', key) };
      const checked = validateApiKey({ ...applyPatch(current, patch), key: current.key, type: current.type }, refs);
      if (!checked.ok) return checked;
      return { ok: true, apply: () => (keys.set(key, checked.value), checked.value) };
    },
    planDeleteApiKey(key) {
      const current = keys.get(key);
      if (!current) return { ok: false, error: stateErrors.notFound('API key', key) };
      return { ok: true, apply: () => (keys.delete(key), current) };
    },
    planAddUsageEvents(inputs, firstIndex = 0) {
      const problems: FieldProblem[] = [];
      const events: UsageEvent[] = [];
      const batchIds = new Set<string>();
      // DESIGN §6.8: the sums the API can report, a company's total and an ATS integration's, in the
      // company's unit, counted events only; each starts from what is stored and grows event by event.
      const sums = new Map<string, number>();
      let overflow: FieldProblem | undefined;
      inputs.forEach((input, i) => {
        const index = firstIndex + i;
        const company = companies.get(String(input.companyId).toLowerCase());
        const result = toUsageEvent(input, company);
        if (!result.ok) return problems.push(...result.problems.map((p) => ({ index, ...p })));
        const { event } = result;
        if (eventIds.has(event.id) || batchIds.has(event.id)) return problems.push({ index, field: 'id', reason: `an event with id ${event.id} exists` });
        batchIds.add(event.id);
        events.push(event);
        if (overflow || event.isTest || !company) return;
        const unit = company.billingSystem;
        const milli = unit === 'minutes' ? event.minutesMilli : (event.creditsMilli ?? 0);
        const own = (sums.get(company.id) ?? companySum(company, unit)) + milli;
        sums.set(company.id, own);
        if (own > MAX_EXACT_MILLI) overflow = sumOverflow(index, unit, `company ${company.id}`);
        const ats = company.atsIntegrationId;
        if (ats === undefined || overflow) return;
        const scope = `${ats} ${unit}`;
        const group = (sums.get(scope) ?? integrationSum(ats, unit)) + milli;
        sums.set(scope, group);
        if (group > MAX_EXACT_MILLI) overflow = sumOverflow(index, unit, `ATS integration ${ats}`);
      });
      if (problems.length === 0 && overflow) problems.push(overflow);
      if (problems.length > 0) return { ok: false, problems };
      return {
        ok: true,
        apply: () => {
          for (const e of events) eventIds.add(e.id);
          usage.add(events);
          return events;
        },
      };
    },
    planDeleteUsageEvents(filter) {
      const companyId = filter.companyId?.toLowerCase();
      return {
        ok: true,
        apply: () =>
          usage.removeEvents((e) => {
            const hit = companyId === undefined || e.companyId === companyId;
            if (hit) eventIds.delete(e.id);
            return hit;
          }),
      };
    },
    addGeneratedEvents(events) {
      for (const e of events) eventIds.add(e.id);
      usage.add(events);
    },
    prepareStep: () => usage.prepareStep(),
    view() {
      return {
        atsIntegrations: [...ats.values()].map((a) => ({ ...a })),
        companies: [...companies.values()].map((c) => structuredClone(c)),
        apiKeys: [...keys.values()].map((k) => structuredClone(k)),
        usage: usage.view(),
        eventIds: eventIds.freeze(),
      };
    },
  };
  return store;
}
