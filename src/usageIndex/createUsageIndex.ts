import { buildCompanyQueryIndex, type CompanyQueryIndex } from './buildCompanyQueryIndex.ts';
import { appendEvent, compactByTime, createEventColumns, createStringTable, eventAt, filterRows, rowJson, sumCounted, type EventColumns, type StringTable } from './eventColumns.ts';
import { lowerBound, tallyCompany } from './tallyCompany.ts';
import { MinHeap } from './MinHeap.ts';
import type { BillingSystem, Tally, UsageEvent } from '../billing/types.ts';

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
  /**
   * One company's minutes and credits over all its stored events that a report counts (test events
   * left out), in thousandths; zeros for a company with no events. Every sum the API can report for
   * the company (a bucket, its total, over any period) is at most these (DESIGN §6.8).
   */
  companyTotals(companyId: string): { minutesMilli: number; creditsMilli: number };
  tally(companyId: string, unit: BillingSystem, startMs: number, endMs: number): Tally;
  prepare(): void;
  /** Builds one stale company's structures; `false` when none was left (for loads that yield between companies). */
  prepareStep(): boolean;
  /**
   * A read-only view of every stored event as of now, unaffected by later changes (appends go to new
   * arrays; nothing below a view's length is ever written in place). Cheap: no event is copied.
   * Companies in the order first added, each company's events in time order (ties in insertion order).
   */
  view(): UsageIndexView;
}

/**
 * A frozen view of a {@link UsageIndex}: per company its events' columns as of the view (time order),
 * readable while the index goes on changing, and the source of a new index (`createUsageIndex(view)`).
 * DESIGN §6.6 (export while the API keeps answering), §11 (a new session from the loaded scenario).
 */
export interface UsageIndexView {
  readonly count: number;
  readonly companies: ReadonlyArray<{
    readonly companyId: string;
    readonly length: number;
    eventAt(row: number): UsageEvent;
    /** The row as the JSON text of its control-plane record (`JSON.stringify(toUsageEventRecord(eventAt(row)))`, without the objects). */
    jsonAt(row: number): string;
  }>;
  /** @internal the columns and strings the view holds, for {@link createUsageIndex}. */
  readonly parts: { companies: ReadonlyArray<{ companyId: string; columns: EventColumns }>; strings: readonly string[] };
}

interface CompanyEvents {
  id: string;
  columns: EventColumns;
  query: CompanyQueryIndex | undefined;
  /** The counted (non-test) minutes and credits of `columns`, in thousandths. */
  minutesMilli: number;
  creditsMilli: number;
}

/** Copies a view's columns for a new index: the arrays are shared (exact-fit, so any append copies them), the maps are not. */
function adopt(columns: EventColumns): EventColumns {
  return {
    ...columns,
    ids: { words: columns.ids.words, others: new Map(columns.ids.others) },
    interviewIds: { words: columns.interviewIds.words, others: new Map(columns.interviewIds.others) },
  };
}

/**
 * Creates an empty {@link UsageIndex}, or one holding a view's events (`from`); one per store, no
 * shared mutable state (a view's arrays are shared read-only).
 * Memory: events are held in typed-array columns (see `eventColumns.ts`), UUID ids packed into
 * 16 bytes, cost keys and agent foci stored once. Events are expected to be valid (quantities already exact); ids are not checked for
 * uniqueness. DESIGN §3.4.
 */
export function createUsageIndex(from?: UsageIndexView): UsageIndex {
  const companies = new Map<string, CompanyEvents>();
  const table: StringTable = createStringTable();
  if (from) {
    for (const s of from.parts.strings) {
      table.codes.set(s, table.values.length);
      table.values.push(s);
    }
    for (const { companyId, columns } of from.parts.companies) {
      const c = { id: companyId, columns: adopt(columns), query: undefined, minutesMilli: sumCounted(columns, 'minutesMilli'), creditsMilli: sumCounted(columns, 'creditsMilli') };
      companies.set(companyId, c);
    }
  }

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
          last = { id: e.companyId, columns: createEventColumns(), query: undefined, minutesMilli: 0, creditsMilli: 0 };
          companies.set(last.id, last);
        }
      }
      appendEvent(last.columns, e, table);
      last.query = undefined;
      if (!e.isTest) {
        last.minutesMilli += e.minutesMilli;
        last.creditsMilli += e.creditsMilli ?? 0;
      }
    }
  }

  function removeEvents(match: (event: UsageEvent) => boolean): number {
    let removed = 0;
    for (const c of companies.values()) {
      const kept = filterRows(c.columns, (row) => !match(eventAt(c.columns, table, c.id, row)));
      if (kept !== c.columns) {
        removed += c.columns.length - kept.length;
        c.minutesMilli = sumCounted(kept, 'minutesMilli');
        c.creditsMilli = sumCounted(kept, 'creditsMilli');
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
      if (c === undefined) return 0;
      companies.delete(companyId);
      return c.columns.length;
    },
    companyTotals(companyId) {
      const c = companies.get(companyId);
      return { minutesMilli: c?.minutesMilli ?? 0, creditsMilli: c?.creditsMilli ?? 0 };
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
    prepareStep() {
      for (const c of companies.values()) {
        if (c.query === undefined) {
          ready(c);
          return true;
        }
      }
      return false;
    },
    view() {
      const parts: Array<{ companyId: string; columns: EventColumns }> = [];
      let count = 0;
      for (const c of companies.values()) {
        ready(c);
        const columns = { ...c.columns };
        parts.push({ companyId: c.id, columns });
        count += columns.length;
      }
      const strings = table.values.slice();
      const quoted: string[] = [];
      return {
        count,
        companies: parts.map(({ companyId, columns }) => {
          const companyJson = JSON.stringify(companyId);
          return { companyId, length: columns.length, eventAt: (row: number) => eventAt(columns, table, companyId, row), jsonAt: (row: number) => rowJson(columns, table, quoted, companyJson, row) };
        }),
        parts: { companies: parts, strings },
      };
    },
  };
}
