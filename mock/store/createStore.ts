import { randomUUID } from 'node:crypto';
import { parseQuantity } from '../../src/billing/quantity.ts';
import { createUsageIndex, type UsageEventFilter, type UsageIndex } from '../../src/billing/createUsageIndex.ts';
import type { UsageEvent } from '../../src/billing/types.ts';
import { conflict, invalidField, invalidItems, notFound } from './storeErrors.ts';
import { toUsageEvent, toUsageEventRecord } from './toUsageEvent.ts';
import { newApiKey, validateApiKey } from './validateApiKey.ts';
import type { AtsIntegration, FieldProblem, StoredApiKey, StoredCompany, StoreResult, UsageEventInput, UsageEventRecord } from './types.ts';


/** The largest batch `addUsageEvents` takes at once (DESIGN §6.2). */
export const MAX_EVENT_BATCH = 100_000;

/**
 * One mock instance's state: ATS integrations, companies, API keys and the usage index (DESIGN §6.1).
 * Every change returns a {@link StoreResult}; nothing is half-applied. Inputs come schema-valid
 * (spec/scenario.schema.json, spec/admin.openapi.yaml: the control plane and the scenario loader check
 * them first); the store checks what a schema cannot: references, decimals, duplicates, conflicts.
 */
export interface MockStore {
  readonly usage: UsageIndex;
  atsIntegrations(): AtsIntegration[];
  atsIntegration(id: string): AtsIntegration | undefined;
  addAtsIntegration(input: { id?: string; name: string }): StoreResult<AtsIntegration>;
  /** Companies in insertion order, optionally only those of one ATS integration. */
  companies(filter?: { atsIntegrationId?: string }): StoredCompany[];
  company(id: string): StoredCompany | undefined;
  addCompany(input: Omit<StoredCompany, 'id'> & { id?: string }): StoreResult<StoredCompany>;
  updateCompany(id: string, patch: object): StoreResult<StoredCompany>;
  /** Deletes a company with its events and its regular keys (DESIGN §6.1). */
  deleteCompany(id: string): StoreResult<{ deletedEvents: number; deletedApiKeys: number }>;
  apiKeys(): StoredApiKey[];
  apiKey(key: string): StoredApiKey | undefined;
  addApiKey(input: Partial<StoredApiKey> & { type: StoredApiKey['type'] }): StoreResult<StoredApiKey>;
  updateApiKey(key: string, patch: object): StoreResult<StoredApiKey>;
  deleteApiKey(key: string): StoreResult<StoredApiKey>;
  /** Lists every problem of a batch of events by index (`{index, field, reason}`) without storing anything. */
  checkUsageEvents(inputs: UsageEventInput[]): FieldProblem[];
  /** Stores a batch of up to {@link MAX_EVENT_BATCH} events, all or nothing (DESIGN §6.2). */
  addUsageEvents(inputs: UsageEventInput[]): StoreResult<UsageEventRecord[]>;
  /**
   * Stores events already in the domain's exact form (generated ones). Their ids, derived from the
   * seed, are not added to the duplicate check of explicit events: a million strings would cost
   * ~70 MB; an explicit event reusing a generated id is not refused (docs/decisions/0008).
   */
  addGeneratedEvents(events: UsageEvent[]): void;
  listUsageEvents(filter?: UsageEventFilter): UsageEventRecord[];
  /** One page of events by company and period `[startMs, endMs)` (milliseconds), in time order, and how many match. */
  pageUsageEvents(filter: Pick<UsageEventFilter, 'companyId' | 'startMs' | 'endMs'>, offset: number, limit: number): { total: number; items: UsageEventRecord[] };
  deleteUsageEvents(filter: { companyId?: string }): number;
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

function checkPricing(pricing: unknown): string | undefined {
  if (pricing === undefined) return undefined;
  if (!pricing || typeof pricing !== 'object' || Array.isArray(pricing)) return 'must be an object mapping agent focus to {baseCost, includedMinutes, costPerMinute}';
  for (const [focus, rule] of Object.entries(pricing)) {
    for (const field of ['baseCost', 'includedMinutes', 'costPerMinute'] as const) {
      const q = parseQuantity((rule as Record<string, unknown> | null)?.[field]);
      if (!q.ok) return `${focus}.${field} ${q.reason}`;
    }
  }
  return undefined;
}

/**
 * Creates an empty store; one per app instance (STYLE: no module-level state). Ids it makes are
 * lower-case UUIDs from `newId` (tests inject a deterministic one); errors come back as
 * {@link StoreResult} values (400 `VALIDATION_ERROR`, 404 `RESOURCE_NOT_FOUND`, 409 `CONFLICT`), never thrown.
 */
export function createStore(newId: () => string = randomUUID): MockStore {
  const ats = new Map<string, AtsIntegration>();
  const companies = new Map<string, StoredCompany>();
  const keys = new Map<string, StoredApiKey>();
  const eventIds = new Set<string>();
  const usage = createUsageIndex();

  /** The rules of a company the schema cannot state: its ATS integration exists, prices have ≤ 3 decimals. */
  function checkCompany(c: Partial<StoredCompany>): StoreResult<null> {
    if (c.atsIntegrationId !== undefined && !ats.has(String(c.atsIntegrationId).toLowerCase())) return { ok: false, error: invalidField('atsIntegrationId', 'no ATS integration with this id', c.atsIntegrationId) };
    const pricingProblem = checkPricing(c.pricing);
    if (pricingProblem) return { ok: false, error: invalidField('pricing', pricingProblem) };
    return { ok: true, value: null };
  }

  /** Turns caller-written events into stored ones, listing every problem by index; stores nothing. */
  function prepareEvents(inputs: readonly UsageEventInput[]): { events: UsageEvent[]; problems: FieldProblem[] } {
    const problems: FieldProblem[] = [];
    const events: UsageEvent[] = [];
    const batchIds = new Set<string>();
    inputs.forEach((input, index) => {
      if (!input || typeof input !== 'object') return problems.push({ index, field: '', reason: 'must be an object' });
      const companyId = typeof input.companyId === 'string' ? input.companyId : '';
      const result = toUsageEvent(input, companies.get(companyId.toLowerCase()), newId);
      if (!result.ok) return problems.push(...result.problems.map((p) => ({ index, ...p })));
      if (eventIds.has(result.event.id) || batchIds.has(result.event.id)) return problems.push({ index, field: 'id', reason: `an event with id ${result.event.id} exists` });
      batchIds.add(result.event.id);
      events.push(result.event);
    });
    return { events, problems };
  }

  const store: MockStore = {
    usage,
    atsIntegrations: () => [...ats.values()],
    atsIntegration: (id) => ats.get(id.toLowerCase()),
    addAtsIntegration(input) {
      const id = (input.id ?? newId()).toLowerCase();
      if (ats.has(id)) return { ok: false, error: conflict(`An ATS integration with id ${id} exists`, { id }) };
      const entity = { id, name: input.name };
      ats.set(id, entity);
      return { ok: true, value: entity };
    },
    companies: (filter) => [...companies.values()].filter((c) => !filter?.atsIntegrationId || c.atsIntegrationId === filter.atsIntegrationId.toLowerCase()),
    company: (id) => companies.get(id.toLowerCase()),
    addCompany(input) {
      const id = (input.id ?? newId()).toLowerCase();
      const checked = checkCompany(input);
      if (!checked.ok) return checked;
      if (companies.has(id)) return { ok: false, error: conflict(`A company with id ${id} exists`, { id }) };
      const entity: StoredCompany = {
        id,
        name: input.name,
        billingSystem: input.billingSystem,
        ...(input.atsIntegrationId ? { atsIntegrationId: input.atsIntegrationId.toLowerCase() } : {}),
        ...(input.pricing ? { pricing: structuredClone(input.pricing) } : {}),
      };
      companies.set(id, entity);
      return { ok: true, value: entity };
    },
    updateCompany(id, patch) {
      const current = companies.get(id.toLowerCase());
      if (!current) return { ok: false, error: notFound('company', id) };
      const next: StoredCompany = { ...applyPatch(current, patch), id: current.id };
      if (next.atsIntegrationId) next.atsIntegrationId = next.atsIntegrationId.toLowerCase();
      const checked = checkCompany(next);
      if (!checked.ok) return checked;
      if (next.billingSystem !== current.billingSystem && usage.count(current.id) > 0) {
        return { ok: false, error: conflict(`Company ${current.id} has usage events; its billing system cannot change from ${current.billingSystem} to ${next.billingSystem}`) };
      }
      companies.set(current.id, next);
      return { ok: true, value: next };
    },
    deleteCompany(id) {
      const current = companies.get(id.toLowerCase());
      if (!current) return { ok: false, error: notFound('company', id) };
      for (const e of usage.list({ companyId: current.id })) eventIds.delete(e.id);
      const deletedEvents = usage.removeCompany(current.id);
      let deletedApiKeys = 0;
      for (const [k, v] of keys) if (v.type === 'regular' && v.companyId === current.id && keys.delete(k)) deletedApiKeys++;
      companies.delete(current.id);
      return { ok: true, value: { deletedEvents, deletedApiKeys } };
    },
    apiKeys: () => [...keys.values()],
    apiKey: (key) => keys.get(key),
    addApiKey(input) {
      const candidate = { ...structuredClone(input), key: input.key ?? newApiKey() };
      const checked = validateApiKey(candidate, { companyExists: (id) => companies.has(id), atsExists: (id) => ats.has(id) });
      if (!checked.ok) return checked;
      if (keys.has(checked.value.key)) return { ok: false, error: conflict(`The API key ${checked.value.key} exists already`, { key: checked.value.key }) };
      keys.set(checked.value.key, checked.value);
      return { ok: true, value: checked.value };
    },
    updateApiKey(key, patch) {
      const current = keys.get(key);
      if (!current) return { ok: false, error: notFound('API key', key) };
      const checked = validateApiKey({ ...applyPatch(current, patch), key: current.key, type: current.type }, { companyExists: (id) => companies.has(id), atsExists: (id) => ats.has(id) });
      if (!checked.ok) return checked;
      keys.set(key, checked.value);
      return { ok: true, value: checked.value };
    },
    deleteApiKey(key) {
      const current = keys.get(key);
      if (!current) return { ok: false, error: notFound('API key', key) };
      keys.delete(key);
      return { ok: true, value: current };
    },
    checkUsageEvents: (inputs) => prepareEvents(inputs).problems,
    addUsageEvents(inputs) {
      if (inputs.length > MAX_EVENT_BATCH) return { ok: false, error: invalidField('events', `at most ${MAX_EVENT_BATCH} events per request, got ${inputs.length}`) };
      const { events, problems } = prepareEvents(inputs);
      if (problems.length > 0) return { ok: false, error: invalidItems(problems, problems.length === 1 ? 'event field' : 'event fields') };
      for (const e of events) eventIds.add(e.id);
      usage.add(events);
      return { ok: true, value: events.map(toUsageEventRecord) };
    },
    addGeneratedEvents(events) {
      usage.add(events);
    },
    listUsageEvents: (filter) => usage.list(filter).map(toUsageEventRecord),
    pageUsageEvents(filter, offset, limit) {
      const page = usage.page(filter, offset, limit);
      return { total: page.total, items: page.items.map(toUsageEventRecord) };
    },
    deleteUsageEvents(filter) {
      const companyId = filter.companyId?.toLowerCase();
      const removed = usage.removeEvents((e) => {
        const hit = companyId === undefined || e.companyId === companyId;
        if (hit) eventIds.delete(e.id);
        return hit;
      });
      return removed;
    },
  };
  return store;
}
