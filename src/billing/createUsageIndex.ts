import { buildCompanyQueryIndex, type CompanyQueryIndex } from './buildCompanyQueryIndex.ts';
import { appendEvent, compactByTime, createEventColumns, createStringTable, eventAt, filterRows, type EventColumns } from './eventColumns.ts';
import { lowerBound, tallyCompany } from './tallyCompany.ts';
import { MinHeap } from './MinHeap.ts';
import type { BillingSystem, Tally, UsageEvent } from './types.ts';

/**
 * Which stored events {@link UsageIndex.list} returns; every given field must match.
 * Units: `startMs`/`endMs` milliseconds since epoch, `[startMs, endMs)`. `includeTest` defaults to true.
 * DESIGN §6.2 (`GET /__admin/usage-events`), §3.4.
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
 * Shape: `add` stores the events' values (any order, any number of calls); `removeCompany` /
 * `removeEvents` delete and return how many events went; `list` returns fresh copies of stored events
 * (test ones included unless `includeTest: false`) sorted by `occurredAtMs`, ties in insertion order,
 * companies in the order first added; `count` counts stored events; `tally` answers DESIGN §3.4 for
 * one company and unit over `[startMs, endMs)` (milliseconds since epoch), an unknown company giving an
 * empty tally; `prepare` builds every stale company's structures now (they are otherwise rebuilt on
 * the first query after a change). DESIGN §3.4.
 */
export interface UsageIndex {
  add(events: Iterable<UsageEvent>): void;
  removeCompany(companyId: string): number;
  removeEvents(match: (event: UsageEvent) => boolean): number;
  list(filter?: UsageEventFilter): UsageEvent[];
  /**
   * One page of the events `list` would return for a company/period filter (test events included),
   * without building the others: `total` matching events, `items` those at `offset ..
   * offset + limit − 1` in the same order. Cost: two binary searches per company plus a k-way merge
   * over `offset + limit` events. Units: `startMs`/`endMs` milliseconds since epoch, `[start, end)`.
   */
  page(filter: Pick<UsageEventFilter, 'companyId' | 'startMs' | 'endMs'>, offset: number, limit: number): { total: number; items: UsageEvent[] };
  count(companyId?: string): number;
  tally(companyId: string, unit: BillingSystem, startMs: number, endMs: number): Tally;
  prepare(): void;
}

interface CompanyEvents {
  id: string;
  columns: EventColumns;
  query: CompanyQueryIndex | undefined;
}

/**
 * Creates an empty {@link UsageIndex}; one per store, no shared state.
 * Memory: events are held in typed-array columns (see `eventColumns.ts`), UUID ids packed into
 * 16 bytes, cost keys and agent foci stored once. Events are expected to be valid (quantities already exact); ids are not checked for
 * uniqueness. DESIGN §3.4.
 */
export function createUsageIndex(): UsageIndex {
  const companies = new Map<string, CompanyEvents>();
  const table = createStringTable();

  function ready(c: CompanyEvents): CompanyQueryIndex {
    c.columns = compactByTime(c.columns);
    c.query ??= buildCompanyQueryIndex(c.columns, table);
    return c.query;
  }

  function add(events: Iterable<UsageEvent>): void {
    let last: CompanyEvents | undefined;
    for (const e of events) {
      if (last === undefined || e.companyId !== last.id) {
        last = companies.get(e.companyId);
        if (last === undefined) {
          last = { id: e.companyId, columns: createEventColumns(), query: undefined };
          companies.set(last.id, last);
        }
      }
      appendEvent(last.columns, e, table);
      last.query = undefined;
    }
  }

  function removeEvents(match: (event: UsageEvent) => boolean): number {
    let removed = 0;
    for (const c of companies.values()) {
      const kept = filterRows(c.columns, (row) => !match(eventAt(c.columns, table, c.id, row)));
      if (kept !== c.columns) {
        removed += c.columns.length - kept.length;
        c.columns = kept;
        c.query = undefined;
      }
    }
    return removed;
  }

  function listCompany(c: CompanyEvents, f: UsageEventFilter, out: UsageEvent[]): void {
    ready(c);
    const col = c.columns;
    for (let i = 0; i < col.length; i++) {
      if (f.startMs !== undefined && col.times[i]! < f.startMs) continue;
      if (f.endMs !== undefined && col.times[i]! >= f.endMs) continue;
      if (f.includeTest === false && col.isTest[i]) continue;
      if (f.costKey !== undefined && table.values[col.costKeys[i]!] !== f.costKey) continue;
      const e = eventAt(col, table, c.id, i);
      if (f.interviewId !== undefined && e.interviewId !== f.interviewId) continue;
      out.push(e);
    }
  }

  function list(filter: UsageEventFilter = {}): UsageEvent[] {
    const out: UsageEvent[] = [];
    if (filter.companyId !== undefined) {
      const c = companies.get(filter.companyId);
      if (c !== undefined) listCompany(c, filter, out);
      return out;
    }
    for (const c of companies.values()) listCompany(c, filter, out);
    return out.sort((a, b) => a.occurredAtMs - b.occurredAtMs);
  }

  function page(filter: Pick<UsageEventFilter, 'companyId' | 'startMs' | 'endMs'>, offset: number, limit: number): { total: number; items: UsageEvent[] } {
    const chosen = filter.companyId === undefined ? [...companies.values()] : [companies.get(filter.companyId)].filter((c) => c !== undefined);
    // One cursor per company over its rows in the period; rows are sorted by time after ready().
    const cursors = chosen.map((c, order) => {
      ready(c);
      const t = c.columns.times;
      const lo = filter.startMs === undefined ? 0 : lowerBound(t, filter.startMs, 0, c.columns.length);
      const hi = filter.endMs === undefined ? c.columns.length : lowerBound(t, filter.endMs, lo, c.columns.length);
      return { c, order, row: lo, hi };
    });
    const total = cursors.reduce((n, k) => n + (k.hi - k.row), 0);
    const items: UsageEvent[] = [];
    const live = cursors.filter((k) => k.row < k.hi);
    // Earliest time first; ties by company order then row, as list()'s stable sort gives.
    const before = (a: (typeof live)[number], b: (typeof live)[number]) =>
      a.c.columns.times[a.row]! - b.c.columns.times[b.row]! || a.order - b.order;
    const heap = new MinHeap(live, before);
    for (let skipped = 0; heap.size > 0 && items.length < limit; ) {
      const k = heap.peek();
      if (skipped < offset) skipped++;
      else items.push(eventAt(k.c.columns, table, k.c.id, k.row));
      k.row++;
      if (k.row < k.hi) heap.fixTop();
      else heap.pop();
    }
    return { total, items };
  }

  return {
    add,
    removeEvents,
    list,
    page,
    removeCompany(companyId) {
      const c = companies.get(companyId);
      companies.delete(companyId);
      return c === undefined ? 0 : c.columns.length;
    },
    count(companyId) {
      if (companyId !== undefined) return companies.get(companyId)?.columns.length ?? 0;
      let n = 0;
      for (const c of companies.values()) n += c.columns.length;
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
