import { buildCompanyQueryIndex, type CompanyQueryIndex } from './buildCompanyQueryIndex.ts';
import { tallyCompany } from './tallyCompany.ts';
import type { BillingSystem, Tally, UsageEvent } from './types.ts';

/**
 * Which stored events {@link UsageIndex.list} returns; every given field must match.
 * Units: `startMs`/`endMs` milliseconds since epoch, `[startMs, endMs)`. `includeTest` defaults to true.
 */
export interface UsageEventFilter {
  companyId?: string;
  startMs?: number;
  endMs?: number;
  costKey?: string;
  interviewId?: string;
  includeTest?: boolean;
}

/**
 * The store's per-company time index of usage events (a query never scans the events).
 * Shape: `add` stores copies of events (any order, any number of calls; repeated strings interned);
 * `removeCompany` / `removeEvents` delete and return how many events went; `list` returns stored
 * events (test ones included unless `includeTest: false`) sorted by `occurredAtMs`, ties in insertion
 * order, as read-only objects; `count` counts stored events; `tally` answers DESIGN §3.4 for one
 * company and unit over `[startMs, endMs)` (milliseconds since epoch), an unknown company giving an
 * empty tally; `prepare` builds every stale company's structures now (they are otherwise rebuilt on
 * the first query after a change). DESIGN §3.4.
 */
export interface UsageIndex {
  add(events: Iterable<UsageEvent>): void;
  removeCompany(companyId: string): number;
  removeEvents(match: (event: Readonly<UsageEvent>) => boolean): number;
  list(filter?: UsageEventFilter): Readonly<UsageEvent>[];
  count(companyId?: string): number;
  tally(companyId: string, unit: BillingSystem, startMs: number, endMs: number): Tally;
  prepare(): void;
}

interface CompanyEvents {
  events: UsageEvent[];
  sorted: boolean;
  query: CompanyQueryIndex | undefined;
}

const byTime = (a: UsageEvent, b: UsageEvent): number => a.occurredAtMs - b.occurredAtMs;

/**
 * Creates an empty {@link UsageIndex}; one per store, no shared state.
 * Shape: see {@link UsageIndex}. Events are expected to be valid (quantities already exact); the
 * index does not check ids for uniqueness. DESIGN §3.4.
 */
export function createUsageIndex(): UsageIndex {
  const companies = new Map<string, CompanyEvents>();
  const strings = new Map<string, string>();
  const intern = (s: string): string => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };

  function ready(c: CompanyEvents): CompanyQueryIndex {
    if (!c.sorted) {
      c.events.sort(byTime);
      c.sorted = true;
    }
    c.query ??= buildCompanyQueryIndex(c.events);
    return c.query;
  }

  function add(events: Iterable<UsageEvent>): void {
    let lastId: string | undefined;
    let last: CompanyEvents | undefined;
    for (const e of events) {
      if (e.companyId !== lastId || last === undefined) {
        lastId = e.companyId;
        last = companies.get(e.companyId);
        if (last === undefined) {
          last = { events: [], sorted: true, query: undefined };
          companies.set(intern(e.companyId), last);
        }
      }
      const stored: UsageEvent = {
        id: e.id,
        companyId: intern(e.companyId),
        interviewId: e.interviewId,
        costKey: intern(e.costKey),
        occurredAtMs: e.occurredAtMs,
        minutesMilli: e.minutesMilli,
        agentFocus: intern(e.agentFocus),
        isTest: e.isTest,
      };
      if (e.creditsMilli !== undefined) stored.creditsMilli = e.creditsMilli;
      const list = last.events;
      if (list.length > 0 && list[list.length - 1]!.occurredAtMs > stored.occurredAtMs) last.sorted = false;
      list.push(stored);
      last.query = undefined;
    }
  }

  function removeEvents(match: (event: Readonly<UsageEvent>) => boolean): number {
    let removed = 0;
    for (const c of companies.values()) {
      const kept = c.events.filter((e) => !match(e));
      if (kept.length !== c.events.length) {
        removed += c.events.length - kept.length;
        c.events = kept;
        c.query = undefined;
      }
    }
    return removed;
  }

  function listCompany(c: CompanyEvents, f: UsageEventFilter): UsageEvent[] {
    ready(c);
    return c.events.filter(
      (e) =>
        (f.startMs === undefined || e.occurredAtMs >= f.startMs) &&
        (f.endMs === undefined || e.occurredAtMs < f.endMs) &&
        (f.includeTest !== false || !e.isTest) &&
        (f.costKey === undefined || e.costKey === f.costKey) &&
        (f.interviewId === undefined || e.interviewId === f.interviewId),
    );
  }

  function list(filter: UsageEventFilter = {}): Readonly<UsageEvent>[] {
    if (filter.companyId !== undefined) {
      const c = companies.get(filter.companyId);
      return c === undefined ? [] : listCompany(c, filter);
    }
    const all: UsageEvent[] = [];
    for (const c of companies.values()) for (const e of listCompany(c, filter)) all.push(e);
    return all.sort(byTime);
  }

  return {
    add,
    removeEvents,
    list,
    removeCompany(companyId) {
      const c = companies.get(companyId);
      companies.delete(companyId);
      return c === undefined ? 0 : c.events.length;
    },
    count(companyId) {
      if (companyId !== undefined) return companies.get(companyId)?.events.length ?? 0;
      let n = 0;
      for (const c of companies.values()) n += c.events.length;
      return n;
    },
    tally(companyId, unit, startMs, endMs) {
      const c = companies.get(companyId);
      return c === undefined ? { buckets: [], interviews: 0 } : tallyCompany(ready(c), unit, startMs, endMs);
    },
    prepare() {
      for (const c of companies.values()) ready(c);
    },
  };
}
