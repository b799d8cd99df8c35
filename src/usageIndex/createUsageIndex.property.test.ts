import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUsageReport } from '../billing/buildUsageReport.ts';
import { checkUsageReport } from '../billing/checkUsageReport.ts';
import { createUsageIndex } from './createUsageIndex.ts';
import type { Company, UsageEvent } from '../billing/types.ts';

const HOUR = 3_600_000;
const COMPANIES: Company[] = [
  { id: 'c1', name: 'beta', billingSystem: 'minutes' },
  { id: 'c2', name: 'Alpha', billingSystem: 'credits' },
  { id: 'c3', name: 'beta', billingSystem: 'credits' },
  { id: 'c0', name: 'idle', billingSystem: 'minutes' },
];

/** Times on a coarse grid mixing milliseconds and 6-hour steps, so spans are short and long and ties happen. */
const time = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 16 })).map(([ms, steps]) => ms + steps * 6 * HOUR);

const eventArb = fc.record({
  companyId: fc.constantFrom('c1', 'c2', 'c3'),
  // Packed (lower-case UUID) and unpacked (any other string) interview ids, mixed.
  interviewId: fc.constantFrom(
    'i1',
    'i2',
    '00000000-0000-4000-8000-000000000001',
    'ffffffff-0000-4000-8000-000000000001',
    'FFFFFFFF-0000-4000-8000-000000000001',
  ),
  costKey: fc.constantFrom('interview_minutes', 'transcription', 'Zeta', 'alpha'),
  occurredAtMs: time,
  minutesMilli: fc.integer({ min: 0, max: 100_000 }),
  creditsMilli: fc.integer({ min: 0, max: 100_000 }),
  isTest: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
});

/** DESIGN §3.3–§3.5 written the slow obvious way: filter, group, Set, sum in thousandths. */
function naiveReport(companies: Company[], events: UsageEvent[], startMs: number, endMs: number) {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...companies].sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
  const global = new Map<string, { events: number; m?: number; c?: number }>();
  const totals: { m?: number; c?: number } = {};
  let interviews = 0;
  const rows = sorted.map((co) => {
    const unit = co.billingSystem === 'minutes' ? 'm' : 'c';
    const counted = events.filter((e) => e.companyId === co.id && !e.isTest && e.occurredAtMs >= startMs && e.occurredAtMs < endMs);
    const keys = [...new Set(counted.map((e) => e.costKey))].sort(cmp);
    const buckets = keys.map((k) => {
      const inKey = counted.filter((e) => e.costKey === k);
      const milli = inKey.reduce((s, e) => s + (unit === 'm' ? e.minutesMilli : e.creditsMilli!), 0);
      const g = global.get(k) ?? { events: 0 };
      g.events += inKey.length;
      g[unit] = (g[unit] ?? 0) + milli;
      global.set(k, g);
      return { costKey: k, events: inKey.length, [unit === 'm' ? 'minutesUsed' : 'creditsUsed']: milli / 1000 };
    });
    const total = counted.reduce((s, e) => s + (unit === 'm' ? e.minutesMilli : e.creditsMilli!), 0);
    totals[unit] = (totals[unit] ?? 0) + total;
    const distinct = new Set(counted.map((e) => e.interviewId)).size;
    interviews += distinct;
    return {
      companyId: co.id,
      companyName: co.name,
      billingSystem: co.billingSystem,
      [unit === 'm' ? 'totalMinutesUsed' : 'totalCreditsUsed']: total / 1000,
      totalInterviews: distinct,
      breakdownByCostKey: buckets,
    };
  });
  const breakdown = [...global.keys()].sort(cmp).map((k) => {
    const g = global.get(k)!;
    return {
      costKey: k,
      events: g.events,
      ...(g.m === undefined ? {} : { minutesUsed: g.m / 1000 }),
      ...(g.c === undefined ? {} : { creditsUsed: g.c / 1000 }),
    };
  });
  return {
    companies: rows,
    ...(totals.m === undefined ? {} : { totalMinutesUsed: totals.m / 1000 }),
    ...(totals.c === undefined ? {} : { totalCreditsUsed: totals.c / 1000 }),
    totalInterviews: interviews,
    breakdownByCostKey: breakdown,
  };
}

describe('createUsageIndex with buildUsageReport', () => {
  it('matches the naive filter-and-Set report on random events and periods', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.array(fc.tuple(time, time), { minLength: 1, maxLength: 5 }),
        fc.subarray(COMPANIES, { minLength: 0 }),
        fc.integer({ min: 1, max: 3 }),
        (raw, periods, listed, batches) => {
          const events: UsageEvent[] = raw.map((e, i) => ({ ...e, id: `e${i}`, agentFocus: 'GENERIC' }));
          const index = createUsageIndex();
          const size = Math.ceil(events.length / batches);
          for (let b = 0; b < batches; b++) index.add(events.slice(b * size, (b + 1) * size));
          for (const [a, b] of periods) {
            const [startMs, endMs] = a <= b ? [a, b + 1] : [b, a];
            const report = buildUsageReport(listed, (c) => index.tally(c.id, c.billingSystem, startMs, endMs));
            expect(JSON.stringify(report)).toBe(JSON.stringify(naiveReport(listed, events, startMs, endMs)));
          }
        },
      ),
      { numRuns: 500, seed: 20240131 },
    );
  });

  it('builds reports that break none of the DESIGN §8 invariants, in strict mode', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), time, time, fc.subarray(COMPANIES), (raw, a, b, listed) => {
        const index = createUsageIndex();
        index.add(raw.map((e, i) => ({ ...e, id: `e${i}`, agentFocus: 'GENERIC' })));
        const [startMs, endMs] = a <= b ? [a, b + 1] : [b, a];
        const data = buildUsageReport(listed, (c) => index.tally(c.id, c.billingSystem, startMs, endMs));
        const body = { success: true, data, error: null, timestamp: '2024-01-31T10:30:00.000Z' };
        expect(checkUsageReport(JSON.parse(JSON.stringify(body)), { keyType: 'ats', strict: true })).toEqual([]);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
