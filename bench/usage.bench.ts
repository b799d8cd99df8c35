/**
 * Benchmark of the usage index and report: ~1 000 000 events over 200 ATS companies + 2 regular ones.
 * Run `npx tsx bench/usage.bench.ts [--json]`. Units: milliseconds (times), megabytes (RSS).
 * Prints a table, or with `--json` one object {loadMs, atsQueryMedianMs, atsQueryP99Ms,
 * companyQueryMedianMs, yearQueryMedianMs, rssMb, events, companies, ...}. DESIGN §3.4, §4.
 */
import { buildUsageReport } from '../src/billing/buildUsageReport.ts';
import { createUsageIndex } from '../src/usageIndex/createUsageIndex.ts';
import type { PricingRule } from '../src/billing/quantity.ts';
import type { Company, UsageEvent } from '../src/billing/types.ts';
import { generateUsageEvents, type GeneratedUsageEvent } from '../src/scenario/generateUsageEvents.ts';
import { toUsageEvent } from '../src/billing/toUsageEvent.ts';

const NOW = Date.parse('2024-01-31T10:30:00Z');
const DAY = 86_400_000;
const RUNS = 200;
const WARMUP = 20;
const ATS_ID = '99999999-9999-4999-8999-999999999999';
const PRICING: Record<string, PricingRule> = {
  GENERIC: { baseCost: 2, includedMinutes: 10, costPerMinute: 0.35 },
  SCREENING: { baseCost: 1, includedMinutes: 5, costPerMinute: 0.25 },
  LANGUAGE_TEST: { baseCost: 3, includedMinutes: 0, costPerMinute: 0.5 },
  OUTREACH: { baseCost: 0.5, includedMinutes: 0, costPerMinute: 0.125 },
};

/** A deterministic UUID-shaped id for company number `n`. */
function companyId(n: number): string {
  const h = n.toString(16).padStart(12, '0');
  return `c0000000-0000-4000-8000-${h}`;
}

/** Turns a generated event into a stored one exactly as the store does (src/billing/toUsageEvent.ts, DESIGN §6.1). */
function toEvent(input: GeneratedUsageEvent, company: Company & { pricing: Record<string, PricingRule> }): UsageEvent {
  const result = toUsageEvent(input, company);
  if (!result.ok) throw new Error(`bench: generated an invalid event ${JSON.stringify(input)}: ${JSON.stringify(result.problems)}`);
  return result.event;
}

/** Median and 99th percentile of `RUNS` timed calls of `fn`, after a warm-up. */
function measure(fn: (run: number) => unknown): { median: number; p99: number } {
  for (let i = 0; i < WARMUP; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)]!, p99: times[Math.min(RUNS - 1, Math.ceil(RUNS * 0.99) - 1)]! };
}

const atsCompanies: Company[] = Array.from({ length: 200 }, (_, i) => ({
  id: companyId(i + 1),
  name: `Client ${String(i + 1).padStart(3, '0')}`,
  billingSystem: i % 3 === 2 ? 'credits' : 'minutes',
  atsIntegrationId: ATS_ID,
}));
const regular: Company[] = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Acme Minutes s.r.o.', billingSystem: 'minutes' },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Globex Credits a.s.', billingSystem: 'credits' },
];
const all = [...atsCompanies, ...regular];

const index = createUsageIndex();
let generateMs = 0;
let addMs = 0;
let events = 0;
all.forEach((company, i) => {
  let t = performance.now();
  const inputs = generateUsageEvents(
    { companyId: company.id, days: 90, interviewsPerDay: { min: 34, max: 54 }, multiEventShare: 0.25 },
    { seed: 1, nowMs: NOW, index: i },
  );
  const priced = { ...company, pricing: PRICING };
  const converted = inputs.map((e) => toEvent(e, priced));
  generateMs += performance.now() - t;
  t = performance.now();
  index.add(converted);
  addMs += performance.now() - t;
  events += converted.length;
});
let t = performance.now();
index.prepare();
const prepareMs = performance.now() - t;
const loadMs = addMs + prepareMs;
(globalThis as { gc?: () => void }).gc?.();
const rssMb = process.memoryUsage().rss / 2 ** 20;
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

const report = (companies: Company[], startMs: number, endMs: number) =>
  buildUsageReport(companies, (c) => index.tally(c.id, c.billingSystem, startMs, endMs));
const shift = (run: number) => NOW - (run % 50) * 60_000;
const ats = measure((run) => report(atsCompanies, shift(run) - 30 * DAY, shift(run)));
const one = measure((run) => report([atsCompanies[0]!], shift(run) - 30 * DAY, shift(run)));
const year = measure((run) => report(atsCompanies, shift(run) - 365 * DAY, shift(run)));
const sample = report(atsCompanies, NOW - 30 * DAY, NOW);

const result = {
  events,
  companies: all.length,
  generateMs: Math.round(generateMs),
  loadMs: Math.round(loadMs),
  addMs: Math.round(addMs),
  prepareMs: Math.round(prepareMs),
  atsQueryMedianMs: +ats.median.toFixed(3),
  atsQueryP99Ms: +ats.p99.toFixed(3),
  companyQueryMedianMs: +one.median.toFixed(4),
  companyQueryP99Ms: +one.p99.toFixed(4),
  yearQueryMedianMs: +year.median.toFixed(3),
  yearQueryP99Ms: +year.p99.toFixed(3),
  rssMb: Math.round(rssMb),
  heapUsedMb: Math.round(heapMb),
  sampleAtsTotalInterviews: sample.totalInterviews,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  const targets: Record<string, string> = { loadMs: '≤ 10000', atsQueryMedianMs: '≤ 2', companyQueryMedianMs: '≤ 0.2', rssMb: '≤ 400' };
  console.log('usage bench: %d events, %d companies, now %s', events, all.length, new Date(NOW).toISOString());
  for (const [k, v] of Object.entries(result)) console.log(`  ${k.padEnd(26)} ${String(v).padStart(12)}  ${targets[k] ?? ''}`);
}
