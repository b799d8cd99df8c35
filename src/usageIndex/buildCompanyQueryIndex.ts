import { compareCodeUnits } from '../billing/compareCodeUnits.ts';
import type { EventColumns, StringTable } from './eventColumns.ts';
import { compareIds } from './packedIds.ts';

/**
 * Multi-event interviews whose first and last counted events are at most this far apart go through
 * the windowed candidate search in {@link tallyCompany}; longer ones are checked one by one.
 * Units: milliseconds (one day). DESIGN §3.4.
 */
export const LONG_SPAN_MS = 86_400_000;

/**
 * One cost key's counted events of a company, ready for range sums.
 * Units: `times` milliseconds since epoch, ascending; `minutesPrefix[i]` / `creditsPrefix[i]` the sum in
 * thousandths of the first `i` events' minutes / credits (length `times.length + 1`; exact, as sums
 * stay below 2^53). An event with no `creditsMilli` adds 0 credits. DESIGN §3.4.
 */
export interface CostKeySeries {
  costKey: string;
  times: Float64Array;
  minutesPrefix: Float64Array;
  creditsPrefix: Float64Array;
}

/**
 * A company's query structures over its counted (non-test) events, built once per change.
 * Units: all times in milliseconds since epoch. Shape: `times` every counted event, ascending;
 * `firstPrefix[i]` how many of the first `i` events are the earliest event of their interview;
 * `series` one per cost key, sorted by `costKey` in code-unit order; the multi-event interviews
 * (two or more counted events), numbered in order of their first event, with their event times in
 * `spanTimes[spanOffsets[k] .. spanOffsets[k + 1])`; `shortSpans` those spanning ≤ `LONG_SPAN_MS`
 * with `shortFirst` their first times (ascending) and `maxShortSpan` their longest span;
 * `longSpans` the others. DESIGN §3.4.
 */
export interface CompanyQueryIndex {
  times: Float64Array;
  firstPrefix: Int32Array;
  series: CostKeySeries[];
  spanOffsets: Int32Array;
  spanTimes: Float64Array;
  shortSpans: Int32Array;
  shortFirst: Float64Array;
  maxShortSpan: number;
  longSpans: Int32Array;
}

/**
 * Groups the counted rows by interview: `interviewOf[i]` is the position of the interview's first
 * counted event (so numbering follows first appearance), `counts[p]` its number of events.
 */
function numberInterviews(c: EventColumns, live: Int32Array) {
  const n = live.length;
  const interviewOf = new Int32Array(n);
  const firstPrefix = new Int32Array(n + 1);
  const counts = new Int32Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => compareIds(c.interviewIds, live[a]!, live[b]!) || a - b);
  let first = -1;
  for (let k = 0; k < n; k++) {
    const p = order[k]!;
    if (k === 0 || compareIds(c.interviewIds, live[order[k - 1]!]!, live[p]!) !== 0) first = p;
    interviewOf[p] = first;
    counts[first]!++;
  }
  for (let i = 0; i < n; i++) firstPrefix[i + 1] = firstPrefix[i]! + (interviewOf[i] === i ? 1 : 0);
  return { interviewOf, firstPrefix, counts };
}

/** Gathers the event times of interviews with two or more events, split into short and long spans. */
function buildSpans(times: Float64Array, interviewOf: Int32Array, counts: Int32Array) {
  const multiOf = new Int32Array(counts.length).fill(-1);
  const offsets: number[] = [0];
  for (let iv = 0; iv < counts.length; iv++) {
    if (counts[iv]! >= 2) {
      multiOf[iv] = offsets.length - 1;
      offsets.push(offsets[offsets.length - 1]! + counts[iv]!);
    }
  }
  const spanOffsets = Int32Array.from(offsets);
  const spans = spanOffsets.length - 1;
  const spanTimes = new Float64Array(spanOffsets[spans]!);
  const cursor = spanOffsets.slice(0, spans);
  for (let i = 0; i < times.length; i++) {
    const k = multiOf[interviewOf[i]!]!;
    if (k >= 0) spanTimes[cursor[k]!++] = times[i]!;
  }
  const short: number[] = [];
  const long: number[] = [];
  let maxShortSpan = 0;
  for (let k = 0; k < spans; k++) {
    const span = spanTimes[spanOffsets[k + 1]! - 1]! - spanTimes[spanOffsets[k]!]!;
    if (span <= LONG_SPAN_MS) {
      short.push(k);
      if (span > maxShortSpan) maxShortSpan = span;
    } else {
      long.push(k);
    }
  }
  const shortSpans = Int32Array.from(short);
  const shortFirst = Float64Array.from(short, (k) => spanTimes[spanOffsets[k]!]!);
  return { spanOffsets, spanTimes, shortSpans, shortFirst, maxShortSpan, longSpans: Int32Array.from(long) };
}

/** Splits the counted events by cost key into time series with prefix sums. */
function buildSeries(c: EventColumns, table: StringTable, live: Int32Array): CostKeySeries[] {
  const keyIndex = new Map<number, number>();
  const keyOf = new Int32Array(live.length);
  const sizes: number[] = [];
  for (let i = 0; i < live.length; i++) {
    const key = c.costKeys[live[i]!]!;
    let k = keyIndex.get(key);
    if (k === undefined) {
      k = sizes.length;
      keyIndex.set(key, k);
      sizes.push(0);
    }
    sizes[k]!++;
    keyOf[i] = k;
  }
  const series = [...keyIndex.keys()].map((code, k) => ({
    costKey: table.values[code]!,
    times: new Float64Array(sizes[k]!),
    minutesPrefix: new Float64Array(sizes[k]! + 1),
    creditsPrefix: new Float64Array(sizes[k]! + 1),
  }));
  const fill = new Int32Array(sizes.length);
  for (let i = 0; i < live.length; i++) {
    const row = live[i]!;
    const s = series[keyOf[i]!]!;
    const j = fill[keyOf[i]!]!++;
    s.times[j] = c.times[row]!;
    s.minutesPrefix[j + 1] = s.minutesPrefix[j]! + c.minutesMilli[row]!;
    s.creditsPrefix[j + 1] = s.creditsPrefix[j]! + Math.max(0, c.creditsMilli[row]!);
  }
  return series.sort((a, b) => compareCodeUnits(a.costKey, b.costKey));
}

/**
 * Builds a company's query structures from its event columns sorted by time ascending.
 * Shape: `table` resolves cost key codes; see {@link CompanyQueryIndex}; rows marked `isTest` are left out. Throws when the columns
 * are not sorted by time (a programmer error in the caller). DESIGN §3.4.
 */
export function buildCompanyQueryIndex(c: EventColumns, table: StringTable): CompanyQueryIndex {
  let count = 0;
  for (let row = 0; row < c.length; row++) if (!c.isTest[row]) count++;
  const live = new Int32Array(count);
  const times = new Float64Array(count);
  for (let row = 0, i = 0; row < c.length; row++) {
    if (c.isTest[row]) continue;
    live[i] = row;
    times[i] = c.times[row]!;
    if (i > 0 && times[i]! < times[i - 1]!) {
      throw new Error(`buildCompanyQueryIndex: rows must be sorted by time (row ${row} goes back in time)`);
    }
    i++;
  }
  const { interviewOf, firstPrefix, counts } = numberInterviews(c, live);
  return { times, firstPrefix, series: buildSeries(c, table, live), ...buildSpans(times, interviewOf, counts) };
}
