import type { CompanyQueryIndex } from './buildCompanyQueryIndex.ts';
import type { BillingSystem, Tally, TallyBucket } from '../billing/types.ts';

/**
 * Index of the first element of the ascending `values[from, to)` that is ≥ `x` (`to` if none).
 * Units: whatever `values` holds (here milliseconds since epoch); `from`/`to` indices, default the whole array.
 * DESIGN §3.4 (queries by binary search).
 */
export function lowerBound(values: Float64Array, x: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether multi-event interview `k` started before `startMs` and has an event in `[startMs, endMs)`. */
function straddles(ix: CompanyQueryIndex, k: number, startMs: number, endMs: number): boolean {
  const from = ix.spanOffsets[k]!;
  const to = ix.spanOffsets[k + 1]!;
  if (!(ix.spanTimes[from]! < startMs) || ix.spanTimes[to - 1]! < startMs) return false;
  const j = lowerBound(ix.spanTimes, startMs, from, to);
  return j < to && ix.spanTimes[j]! < endMs;
}

/**
 * Counts distinct interviews with at least one counted event in `[startMs, endMs)`.
 * Units: milliseconds since epoch. Exact: interviews whose first event lies in the period (a prefix-sum
 * difference) plus earlier-started interviews that still have an event in it (short spans found by
 * binary search over first times in `[startMs − maxShortSpan, startMs)`, long spans checked one by one).
 * DESIGN §3.4 (`totalInterviews`).
 */
export function countInterviews(ix: CompanyQueryIndex, startMs: number, endMs: number): number {
  const l = lowerBound(ix.times, startMs);
  const r = lowerBound(ix.times, endMs, l);
  if (r <= l) return 0;
  let count = ix.firstPrefix[r]! - ix.firstPrefix[l]!;
  const from = lowerBound(ix.shortFirst, startMs - ix.maxShortSpan);
  const to = lowerBound(ix.shortFirst, startMs, from);
  for (let c = from; c < to; c++) {
    if (straddles(ix, ix.shortSpans[c]!, startMs, endMs)) count++;
  }
  for (let c = 0; c < ix.longSpans.length; c++) {
    if (straddles(ix, ix.longSpans[c]!, startMs, endMs)) count++;
  }
  return count;
}

/**
 * Tallies one company's counted events in `[startMs, endMs)` in the given unit, without visiting events.
 * Units: `startMs`/`endMs` milliseconds since epoch; bucket `milli` thousandths of `unit`. Shape: one
 * bucket per cost key with at least one event, sorted by `costKey` (code-unit order); `interviews`
 * distinct. Cost: two binary searches per cost key plus {@link countInterviews}. DESIGN §3.4.
 */
export function tallyCompany(ix: CompanyQueryIndex, unit: BillingSystem, startMs: number, endMs: number): Tally {
  const buckets: TallyBucket[] = [];
  if (!(startMs < endMs)) return { buckets, interviews: 0 };
  for (const s of ix.series) {
    const l = lowerBound(s.times, startMs);
    const r = lowerBound(s.times, endMs, l);
    if (r > l) {
      const prefix = unit === 'minutes' ? s.minutesPrefix : s.creditsPrefix;
      buckets.push({ costKey: s.costKey, events: r - l, milli: prefix[r]! - prefix[l]! });
    }
  }
  return { buckets, interviews: buckets.length === 0 ? 0 : countInterviews(ix, startMs, endMs) };
}
