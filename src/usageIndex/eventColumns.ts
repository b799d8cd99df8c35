import { createPackedIds, getId, growIds, pickIds, setId, type PackedIds } from './packedIds.ts';
import type { UsageEvent } from '../billing/types.ts';

/**
 * Strings shared by all companies of an index (cost keys, agent foci), each stored once and referred
 * to by its position. Shape: `values[code]` is the string, `codes` the reverse map. DESIGN §3.4.
 */
export interface StringTable {
  values: string[];
  codes: Map<string, number>;
}

/**
 * Creates an empty {@link StringTable}, one per usage index, shared by its companies.
 * Shape: `values` `[]`, `codes` an empty map; codes are handed out from 0 as strings are added. DESIGN §3.4 (index memory).
 */
export function createStringTable(): StringTable {
  return { values: [], codes: new Map() };
}

/** The code of `s` in `table`, adding it when new. */
function codeOf(table: StringTable, s: string): number {
  let code = table.codes.get(s);
  if (code === undefined) {
    code = table.values.length;
    table.values.push(s);
    table.codes.set(s, code);
  }
  return code;
}

/**
 * One company's stored events held column by column in typed arrays (no object or string per event
 * on the JS heap when ids are UUIDs). Units: `times` milliseconds since epoch; `minutesMilli` and
 * `creditsMilli` thousandths (`creditsMilli` −1 when the event has none); `costKeys`/`agentFocus`
 * codes in the index's {@link StringTable}. Rows `0 .. length − 1` are events; `sorted` tells whether
 * they are in ascending time, ties in insertion order. DESIGN §3.4.
 */
export interface EventColumns {
  length: number;
  ids: PackedIds;
  interviewIds: PackedIds;
  costKeys: Uint32Array;
  agentFocus: Uint32Array;
  times: Float64Array;
  minutesMilli: Float64Array;
  creditsMilli: Float64Array;
  isTest: Uint8Array;
  sorted: boolean;
}

/**
 * Creates empty event columns (`length` 0, `sorted` true) with room for `capacity` rows before the first growth.
 * Units: `capacity` a row count (default 16; a fraction is truncated); see {@link EventColumns} for the
 * columns' units. Throws RangeError (from the typed arrays) for a negative capacity. DESIGN §3.4.
 */
export function createEventColumns(capacity = 16): EventColumns {
  return {
    length: 0,
    ids: createPackedIds(capacity),
    interviewIds: createPackedIds(capacity),
    costKeys: new Uint32Array(capacity),
    agentFocus: new Uint32Array(capacity),
    times: new Float64Array(capacity),
    minutesMilli: new Float64Array(capacity),
    creditsMilli: new Float64Array(capacity),
    isTest: new Uint8Array(capacity),
    sorted: true,
  };
}

/** A copy of typed array `a` with `capacity` elements. */
function grown<T extends Float64Array | Uint32Array | Uint8Array>(a: T, capacity: number): T {
  const out = new (a.constructor as new (n: number) => T)(capacity);
  out.set(a.subarray(0, Math.min(a.length, capacity)));
  return out;
}

/**
 * Appends one event as a row, growing the columns by doubling, and marks them unsorted when it goes back in time.
 * Units: the event's `occurredAtMs` milliseconds since epoch, `minutesMilli`/`creditsMilli` thousandths,
 * stored as {@link EventColumns}; its cost key and agent focus are coded in `table`. DESIGN §3.4.
 */
export function appendEvent(c: EventColumns, e: UsageEvent, table: StringTable): void {
  const i = c.length;
  if (i === c.times.length) {
    const capacity = Math.max(16, i * 2);
    c.ids = growIds(c.ids, capacity);
    c.interviewIds = growIds(c.interviewIds, capacity);
    c.costKeys = grown(c.costKeys, capacity);
    c.agentFocus = grown(c.agentFocus, capacity);
    c.times = grown(c.times, capacity);
    c.minutesMilli = grown(c.minutesMilli, capacity);
    c.creditsMilli = grown(c.creditsMilli, capacity);
    c.isTest = grown(c.isTest, capacity);
  }
  if (i > 0 && c.times[i - 1]! > e.occurredAtMs) c.sorted = false;
  setId(c.ids, i, e.id);
  setId(c.interviewIds, i, e.interviewId);
  c.costKeys[i] = codeOf(table, e.costKey);
  c.agentFocus[i] = codeOf(table, e.agentFocus);
  c.times[i] = e.occurredAtMs;
  c.minutesMilli[i] = e.minutesMilli;
  c.creditsMilli[i] = e.creditsMilli ?? -1;
  c.isTest[i] = e.isTest ? 1 : 0;
  c.length = i + 1;
}

/** New columns holding `rows` in that order, with no spare room. */
function pick(c: EventColumns, rows: ArrayLike<number>, sorted: boolean): EventColumns {
  const n = rows.length;
  const out = createEventColumns(0);
  out.length = n;
  out.sorted = sorted;
  out.ids = pickIds(c.ids, rows);
  out.interviewIds = pickIds(c.interviewIds, rows);
  out.costKeys = new Uint32Array(n);
  out.agentFocus = new Uint32Array(n);
  out.times = new Float64Array(n);
  out.minutesMilli = new Float64Array(n);
  out.creditsMilli = new Float64Array(n);
  out.isTest = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const r = rows[k]!;
    out.costKeys[k] = c.costKeys[r]!;
    out.agentFocus[k] = c.agentFocus[r]!;
    out.times[k] = c.times[r]!;
    out.minutesMilli[k] = c.minutesMilli[r]!;
    out.creditsMilli[k] = c.creditsMilli[r]!;
    out.isTest[k] = c.isTest[r]!;
  }
  return out;
}

/**
 * Returns the columns sorted by time, ties in insertion order, with no spare room (the same object
 * when already so). Units as {@link EventColumns}. DESIGN §3.4.
 */
export function compactByTime(c: EventColumns): EventColumns {
  if (c.sorted && c.length === c.times.length) return c;
  const order = new Uint32Array(c.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (!c.sorted) {
    const times = c.times;
    order.sort((a, b) => times[a]! - times[b]! || a - b);
  }
  return pick(c, order, true);
}

/**
 * Keeps the rows for which `keep(row)` is true, in their order (the same object when all are kept).
 * Shape: `keep` gets row numbers `0 .. length − 1`; new columns have no spare room and keep `sorted`. DESIGN §3.4.
 */
export function filterRows(c: EventColumns, keep: (row: number) => boolean): EventColumns {
  const rows: number[] = [];
  for (let i = 0; i < c.length; i++) if (keep(i)) rows.push(i);
  return rows.length === c.length ? c : pick(c, rows, c.sorted);
}

/**
 * Materialises row `i` as a fresh {@link UsageEvent} of company `companyId`.
 * Units: `occurredAtMs` milliseconds since epoch, quantities in thousandths; `creditsMilli` absent when the
 * row has none. DESIGN §3.4.
 */
export function eventAt(c: EventColumns, table: StringTable, companyId: string, i: number): UsageEvent {
  const e: UsageEvent = {
    id: getId(c.ids, i),
    companyId,
    interviewId: getId(c.interviewIds, i),
    costKey: table.values[c.costKeys[i]!]!,
    occurredAtMs: c.times[i]!,
    minutesMilli: c.minutesMilli[i]!,
    agentFocus: table.values[c.agentFocus[i]!]!,
    isTest: c.isTest[i] === 1,
  };
  if (c.creditsMilli[i]! >= 0) e.creditsMilli = c.creditsMilli[i]!;
  return e;
}

/**
 * The sum of one quantity column over the rows that count in a report (test events left out, §3.4), in
 * thousandths (a credits column's "none", −1, counts as 0). Units: thousandths of minutes or credits.
 * DESIGN §6.8 (the store keeps every sum the API can report exact).
 */
export function sumCounted(c: EventColumns, column: 'minutesMilli' | 'creditsMilli'): number {
  const values = c[column];
  let sum = 0;
  for (let i = 0; i < c.length; i++) if (values[i]! > 0 && !c.isTest[i]) sum += values[i]!;
  return sum;
}

/**
 * Row `i` as the JSON text of the control plane's event record (src/billing/toUsageEvent.ts
 * `toUsageEventRecord`: the same keys in the same order, the same numbers), written straight from the
 * columns: the export of a million events (DESIGN §6.6) makes no object per event. `quoted` holds each
 * string-table entry already JSON-quoted (`JSON.stringify` of it), `companyJson` the company id quoted.
 */
export function rowJson(c: EventColumns, table: StringTable, quoted: string[], companyJson: string, i: number): string {
  while (quoted.length < table.values.length) quoted.push(JSON.stringify(table.values[quoted.length]));
  const credits = c.creditsMilli[i]!;
  return (
    `{"id":${JSON.stringify(getId(c.ids, i))},"companyId":${companyJson},"interviewId":${JSON.stringify(getId(c.interviewIds, i))}` +
    `,"costKey":${quoted[c.costKeys[i]!]},"occurredAt":"${new Date(c.times[i]!).toISOString()}","minutes":${c.minutesMilli[i]! / 1000}` +
    `${credits >= 0 ? `,"credits":${credits / 1000}` : ''},"agentFocus":${quoted[c.agentFocus[i]!]},"isTest":${c.isTest[i] === 1}}`
  );
}
