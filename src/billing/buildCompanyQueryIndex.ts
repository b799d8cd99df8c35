import type { UsageEvent } from './types.ts';

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

/** Numbers each interview in order of first appearance and marks first events. */
function numberInterviews(live: readonly UsageEvent[]) {
  const n = live.length;
  const interviewOf = new Int32Array(n);
  const firstPrefix = new Int32Array(n + 1);
  const ids = new Map<string, number>();
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = live[i]!.interviewId;
    let iv = ids.get(id);
    if (iv === undefined) {
      iv = counts.length;
      ids.set(id, iv);
      counts.push(0);
      firstPrefix[i + 1] = firstPrefix[i]! + 1;
    } else {
      firstPrefix[i + 1] = firstPrefix[i]!;
    }
    counts[iv]!++;
    interviewOf[i] = iv;
  }
  return { interviewOf, firstPrefix, counts };
}

/** Gathers the event times of interviews with two or more events, split into short and long spans. */
function buildSpans(times: Float64Array, interviewOf: Int32Array, counts: number[]) {
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
function buildSeries(live: readonly UsageEvent[]): CostKeySeries[] {
  const keyIndex = new Map<string, number>();
  const keyOf = new Int32Array(live.length);
  const sizes: number[] = [];
  for (let i = 0; i < live.length; i++) {
    const key = live[i]!.costKey;
    let k = keyIndex.get(key);
    if (k === undefined) {
      k = sizes.length;
      keyIndex.set(key, k);
      sizes.push(0);
    }
    sizes[k]!++;
    keyOf[i] = k;
  }
  const series = [...keyIndex.keys()].map((costKey, k) => ({
    costKey,
    times: new Float64Array(sizes[k]!),
    minutesPrefix: new Float64Array(sizes[k]! + 1),
    creditsPrefix: new Float64Array(sizes[k]! + 1),
  }));
  const fill = new Int32Array(sizes.length);
  for (let i = 0; i < live.length; i++) {
    const e = live[i]!;
    const s = series[keyOf[i]!]!;
    const j = fill[keyOf[i]!]!++;
    s.times[j] = e.occurredAtMs;
    s.minutesPrefix[j + 1] = s.minutesPrefix[j]! + e.minutesMilli;
    s.creditsPrefix[j + 1] = s.creditsPrefix[j]! + (e.creditsMilli ?? 0);
  }
  return series.sort((a, b) => (a.costKey < b.costKey ? -1 : a.costKey > b.costKey ? 1 : 0));
}

/**
 * Builds a company's query structures from its events sorted by `occurredAtMs` ascending.
 * Shape: see {@link CompanyQueryIndex}; events marked `isTest` are left out. Throws when the input
 * is not sorted by time (a programmer error in the caller). DESIGN §3.4.
 */
export function buildCompanyQueryIndex(sortedEvents: readonly UsageEvent[]): CompanyQueryIndex {
  const live = sortedEvents.filter((e) => !e.isTest);
  const times = new Float64Array(live.length);
  for (let i = 0; i < live.length; i++) {
    times[i] = live[i]!.occurredAtMs;
    if (i > 0 && times[i]! < times[i - 1]!) {
      throw new Error(`buildCompanyQueryIndex: events must be sorted by occurredAtMs (index ${i} goes back in time)`);
    }
  }
  const { interviewOf, firstPrefix, counts } = numberInterviews(live);
  return { times, firstPrefix, series: buildSeries(live), ...buildSpans(times, interviewOf, counts) };
}
