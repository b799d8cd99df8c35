/**
 * Benchmark of a large state with `--state-file` (DESIGN §6.5, §6.6; issue 7): the whole mock, started
 * as `npm run cli -- serve` would, with scenario `ats-mixed-large` (about 1 000 000 events) and a state
 * file in a temporary folder. Measures the start (to the first answer), the latency of one
 * control-plane write (50 single-event POSTs, each flushed to the journal before its answer), the API's
 * worst latency while `GET /__admin/state` streams the whole export and while `PUT /__admin/state`
 * takes it back, the export→PUT round trip (and that every key's report is the same after it), and
 * the mock's peak RSS (VmHWM). Units: milliseconds, megabytes. `--json` prints one JSON object.
 * Run: `npm run bench:state` (part of `npm run bench`). Bounded: a few minutes at most.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const dir = mkdtempSync(join(tmpdir(), 'bench-state-'));
const stateFile = join(dir, 'state.json');
const json = process.argv.includes('--json');
const log = (...args: unknown[]) => !json && console.log(...args);

const started = performance.now();
const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--scenario', 'ats-mixed-large', '--state-file', stateFile, '--log-level', 'silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
const baseUrl = await new Promise<string>((resolve, reject) => {
  child.stdout!.on('data', (chunk) => {
    out += chunk;
    const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (m && out.includes('control plane')) resolve(m[1]!);
  });
  child.on('exit', (code) => reject(new Error(`the mock exited with ${code}: ${out}`)));
});
const startMs = performance.now() - started;
log(`mock up in ${Math.round(startMs)} ms at ${baseUrl}; initial snapshot ${(statSync(stateFile).size / 2 ** 20).toFixed(0)} MB`);

const ATS_KEY = 'sk_test_ats_large';
const KEYS = [ATS_KEY, 'sk_test_large_regular'];
const usage = async (key: string, query = '') => {
  const t = performance.now();
  const res = await fetch(`${baseUrl}/billing/usage${query}`, { headers: { Authorization: `Bearer ${key}` } });
  const body = (await res.json()) as { data: unknown };
  return { ms: performance.now() - t, data: body.data };
};

/** Sends a usage query every 10 ms until `stop()`; resolves with the worst latency seen (ms). */
function probe(): { stop: () => Promise<{ worstMs: number; count: number }> } {
  let running = true;
  let worstMs = 0;
  let count = 0;
  const loop = (async () => {
    while (running) {
      const { ms } = await usage(ATS_KEY);
      worstMs = Math.max(worstMs, ms);
      count++;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return { stop: async () => ((running = false), await loop, { worstMs, count }) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

// One control-plane write at a time: each is appended to the journal and flushed before its answer.
const writes: number[] = [];
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  const res = await fetch(`${baseUrl}/__admin/usage-events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ companyId: 'c1000000-0000-4000-8000-000000000000', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 1.5 }),
  });
  if (res.status !== 201) throw new Error(`write ${i}: HTTP ${res.status} ${await res.text()}`);
  writes.push(performance.now() - t);
}
log(`control-plane write: median ${median(writes).toFixed(1)} ms, p95 ${p95(writes).toFixed(1)} ms`);

// A fixed period: the scenario's clock runs in real time, so "the last 30 days" moves during the run.
const now = Date.now();
const PERIOD = `?start=${new Date(now - 30 * 86_400_000).toISOString()}&end=${new Date(now).toISOString()}`;
const before = await Promise.all(KEYS.map(async (k) => (await usage(k, PERIOD)).data));
const exportFile = join(dir, 'export.json');
let probing = probe();
let t = performance.now();
const exported = await fetch(`${baseUrl}/__admin/state`);
await pipeline(Readable.fromWeb(exported.body as never), createWriteStream(exportFile));
const exportMs = performance.now() - t;
const duringExport = await probing.stop();
log(`export: ${(statSync(exportFile).size / 2 ** 20).toFixed(0)} MB in ${Math.round(exportMs)} ms; worst API latency meanwhile ${duringExport.worstMs.toFixed(1)} ms over ${duringExport.count} queries`);

probing = probe();
t = performance.now();
const put = await fetch(`${baseUrl}/__admin/state`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: Readable.toWeb(createReadStream(exportFile)) as never, duplex: 'half' } as RequestInit);
const putBody = await put.text();
const putMs = performance.now() - t;
const duringPut = await probing.stop();
if (put.status !== 200) throw new Error(`PUT /__admin/state: HTTP ${put.status} ${putBody.slice(0, 500)}`);
const after = await Promise.all(KEYS.map(async (k) => (await usage(k, PERIOD)).data));
const sameReports = JSON.stringify(after) === JSON.stringify(before);
log(`PUT back: ${Math.round(putMs)} ms (saved as a snapshot before the answer); worst API latency meanwhile ${duringPut.worstMs.toFixed(1)} ms over ${duringPut.count} queries; same report for every key: ${sameReports}`);

const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
const peakRssMb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
rmSync(dir, { recursive: true, force: true });

const result = {
  events: JSON.parse(putBody).data.events as number,
  startToFirstAnswerMs: Math.round(startMs),
  writeMedianMs: +median(writes).toFixed(1),
  writeP95Ms: +p95(writes).toFixed(1),
  exportMs: Math.round(exportMs),
  worstApiMsDuringExport: +duringExport.worstMs.toFixed(1),
  roundTripMs: Math.round(exportMs + putMs),
  worstApiMsDuringPut: +duringPut.worstMs.toFixed(1),
  sameReportsAfterRoundTrip: sameReports,
  peakRssMb: Math.round(peakRssMb),
};
if (json) console.log(JSON.stringify(result));
else {
  const targets: Record<string, string> = { writeMedianMs: '≤ 20', worstApiMsDuringExport: '≤ 50', sameReportsAfterRoundTrip: 'true', peakRssMb: '≤ 1024' };
  console.log('\nstate-file bench (ats-mixed-large):');
  for (const [k, v] of Object.entries(result)) console.log(`  ${k.padEnd(28)} ${String(v).padStart(10)}  ${targets[k] ?? ''}`);
}
