/**
 * HTTP benchmark (issue 11): this mock as `npm start` runs it (default flags: logging at info, the
 * response check on), a bare Express 5 server answering the mock's own answer as a precomputed body,
 * and Stoplight Prism's static mock of the spec, each in its own process on loopback; autocannon
 * against each, interleaved, two rounds, at 10 and at 1 connection(s), `GET /billing/usage` with
 * `sk_test_ats_mixed` on scenario `default`. Then the 200-company ATS answer of `ats-mixed-large`
 * against bare Express serving that same body. Prints a table, or with `--json` one JSON object
 * (`rps`, `p50Ms`, `p99Ms` per target and setting, and the ratios). Bounded: under 3 minutes.
 * Run: `npm run bench:http`. Never run by `npm test`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);

const json = process.argv.includes('--json');
const log = (...args: unknown[]) => !json && console.error(...args);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

/** Starts a process and resolves with the first `http://127.0.0.1:PORT` it prints. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const look = (chunk: Buffer) => {
      if (out.length < 100_000) out += chunk;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.on('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${out}`)));
  });
}

/** The mock as `npm start` runs it (default flags), on a free port. */
const startMock = (scenario: string) => start('npm', ['start', '-s', '--', '--port', '0', '--scenario', scenario]);

/** A bare Express 5 server answering `body` (with the mock's headers' worth of JSON) on `/billing/usage`. */
function startBare(body: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bare-'));
  writeFileSync(join(dir, 'body.json'), body);
  const script = `
    const express = require(${JSON.stringify(require.resolve('express'))});
    const body = require('node:fs').readFileSync(${JSON.stringify(join(dir, 'body.json'))}, 'utf8');
    const app = express();
    app.get('/billing/usage', (req, res) => res.type('application/json').send(body));
    const server = app.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));`;
  return start(process.execPath, ['-e', script]);
}

const startPrism = () => start('node_modules/.bin/prism', ['mock', 'spec/openapi.yaml', '-h', '127.0.0.1', '-p', String(4900 + Math.floor(Math.random() * 90))]);

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

async function load(url: string, key: string, connections: number): Promise<Figures> {
  const result = await autocannon({ url: `${url}/billing/usage`, connections, duration: SECONDS, headers: { Authorization: `Bearer ${key}` } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

/** The best of the rounds (highest rps; its latencies). */
const best = (runs: Figures[]) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));

log('starting the mock (npm start), Prism and a bare Express server…');
const mockUrl = await startMock('default');
const body = await (await fetch(`${mockUrl}/billing/usage`, { headers: { Authorization: 'Bearer sk_test_ats_mixed' } })).text();
const [bareUrl, prismUrl] = await Promise.all([startBare(body), startPrism()]);
const targets = { mock: mockUrl, bareExpress: bareUrl, prismStatic: prismUrl } as const;
const runs: Record<string, Figures[]> = {};
for (let round = 1; round <= 2; round++) {
  for (const connections of [10, 1]) {
    for (const [name, url] of Object.entries(targets)) {
      const figures = await load(url, 'sk_test_ats_mixed', connections);
      (runs[`${name}@${connections}`] ??= []).push(figures);
      log(`round ${round}, ${connections} conn, ${name}: ${figures.rps} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`);
    }
  }
}
children.forEach((c) => c.kill('SIGTERM'));
children.length = 0;

log('starting the mock with ats-mixed-large (about 1 000 000 events)…');
const largeUrl = await startMock('ats-mixed-large');
const largeBody = await (await fetch(`${largeUrl}/billing/usage`, { headers: { Authorization: 'Bearer sk_test_ats_large' } })).text();
const largeBareUrl = await startBare(largeBody);
for (let round = 1; round <= 2; round++) {
  for (const [name, url] of Object.entries({ mockLarge: largeUrl, bareExpressLarge: largeBareUrl })) {
    const figures = await load(url, 'sk_test_ats_large', 10);
    (runs[`${name}@10`] ??= []).push(figures);
    log(`round ${round}, 10 conn, ${name}: ${figures.rps} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`);
  }
}
children.forEach((c) => c.kill('SIGTERM'));

const figures = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, best(v)]));
const ratio = (a: string, b: string) => +(figures[a]!.rps / figures[b]!.rps).toFixed(2);
const result = {
  date: new Date().toISOString(),
  secondsPerRun: SECONDS,
  largeAnswerBytes: largeBody.length,
  figures,
  ratios: {
    mockVsBare10: ratio('mock@10', 'bareExpress@10'),
    mockVsPrism10: ratio('mock@10', 'prismStatic@10'),
    mockVsBare1: ratio('mock@1', 'bareExpress@1'),
    largeVsBare10: ratio('mockLarge@10', 'bareExpressLarge@10'),
  },
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`\nbench:http (${SECONDS} s a run, best of 2 interleaved rounds)`);
  console.log('| target | conns | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|');
  for (const [k, f] of Object.entries(figures)) {
    const [name, conns] = k.split('@');
    console.log(`| ${name} | ${conns} | ${f.rps} | ${f.p50Ms} | ${f.p99Ms} |`);
  }
  console.log(`\nratios: mock/bare (10 conns) ${result.ratios.mockVsBare10} (target ≥ 0.8) · mock/Prism (10) ${result.ratios.mockVsPrism10} (≥ 2) · mock/bare (1) ${result.ratios.mockVsBare1} · 200-company answer mock/bare ${result.ratios.largeVsBare10} (≥ 0.5)`);
}
process.exit(0);
