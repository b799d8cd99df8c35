/**
 * Benchmark of sessions (DESIGN §11; issue 13): one mock on scenario `default`, 32 sessions each given
 * its own events, queried in parallel over HTTP; every answer must be its session's own total. Then
 * the memory an empty session costs: heap and RSS before and after 64 sessions are made (after a GC).
 * Units: milliseconds, kilobytes. `--json` prints one JSON object. Run: `npm run bench:sessions`.
 */
import { startMockServer } from '../mock/startMockServer.ts';
import { builtInScenarioCatalog } from '../src/cli/resolveScenarioArgument.ts';

const json = process.argv.includes('--json');
const gc = (globalThis as { gc?: () => void }).gc;
const ACME = '11111111-1111-4111-8111-111111111111';
const mock = await startMockServer({ scenario: 'default', catalog: builtInScenarioCatalog(), now: '2026-11-29T12:00:00Z', sessions: { maxSessions: 200 } });
const post = (session: string, path: string, body: unknown): Promise<Response> =>
  fetch(`${mock.url}/__admin${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Mock-Session': session }, body: JSON.stringify(body) });
const usage = async (session: string) => {
  const res = await fetch(`${mock.url}/billing/usage?start=2026-11-29T11:00:00Z&end=2026-11-29T12:00:00Z`, { headers: { Authorization: 'Bearer sk_test_regular_minutes', 'X-Mock-Session': session } });
  return ((await res.json()) as { data: { totalMinutesUsed: number } }).data.totalMinutesUsed;
};

// Session s-i gets i + 1 events of 0.5 minutes in the last hour, which the default data leaves empty
// (generated days end at the start of today, 2026-11-29T00:00Z): its total is (i + 1) × 0.5 minutes.
const SESSIONS = 32;
for (let i = 0; i < SESSIONS; i++) {
  const events = Array.from({ length: i + 1 }, (_, k) => ({ companyId: ACME, occurredAt: new Date(Date.parse('2026-11-29T11:00:00Z') + k * 1000).toISOString(), minutes: 0.5 }));
  const res = await post(`s-${i}`, '/usage-events', events);
  if (res.status !== 201) throw new Error(`session s-${i}: HTTP ${res.status} ${await res.text()}`);
}
let wrong = 0;
const latencies: number[] = [];
const started = performance.now();
for (let round = 0; round < 5; round++) {
  await Promise.all(
    Array.from({ length: SESSIONS }, async (_, i) => {
      const t = performance.now();
      const total = await usage(`s-${i}`);
      latencies.push(performance.now() - t);
      if (total !== (i + 1) * 0.5) wrong++;
    }),
  );
}
const parallelMs = performance.now() - started;
const defaultTotal = await usage('default');

gc?.();
const before = process.memoryUsage();
for (let i = 0; i < 64; i++) {
  const made = await fetch(`${mock.url}/__admin/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `empty-${i}` }) });
  if (made.status !== 201) throw new Error(`empty-${i}: HTTP ${made.status}`);
}
gc?.();
const after = process.memoryUsage();
await mock.close();

latencies.sort((a, b) => a - b);
const result = {
  sessions: SESSIONS,
  queries: latencies.length,
  wrongTotals: wrong,
  defaultSessionTotal: defaultTotal,
  parallelQueriesMs: Math.round(parallelMs),
  queryMedianMs: +latencies[Math.floor(latencies.length / 2)]!.toFixed(2),
  queryP99Ms: +latencies[Math.ceil(latencies.length * 0.99) - 1]!.toFixed(2),
  heapPerEmptySessionKb: Math.round((after.heapUsed - before.heapUsed) / 64 / 1024),
  rssPerEmptySessionKb: Math.round((after.rss - before.rss) / 64 / 1024),
  gcExposed: gc !== undefined,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`sessions bench (default scenario, ${SESSIONS} sessions × 5 rounds in parallel):`);
  for (const [k, v] of Object.entries(result)) console.log(`  ${k.padEnd(24)} ${String(v).padStart(10)}`);
}
