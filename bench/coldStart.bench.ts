/**
 * Cold start of the installed command line (DESIGN §10: "the server starts within a few times a bare
 * Express server's start"): `npm pack`, install the tarball into an empty temporary project, then time,
 * from spawning `node` to the first answer of `GET /billing/usage`, (a) the installed bin
 * `instaview-mock serve --port 0` (scenario `default`, responses checked against the spec, as
 * `npm start`) and (b) a bare Express server with one route, started the same way from the same
 * project. Runs alternate a, b, a, b… and each side's median is reported; target: a ≤ 2.5 × b.
 * Run `npm run bench:cold-start -- [--runs N] [--json]` (also the second part of `npm run bench`). Units: milliseconds.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.cwd();
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const TARGET_RATIO = 2.5;

/** A bare Express server with one route, printing its URL as the mock does. */
const BARE_EXPRESS = `import express from 'express';
const app = express();
app.get('/billing/usage', (_req, res) => res.json({ success: true, data: {}, error: null, timestamp: new Date().toISOString() }));
const server = app.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

/** Milliseconds from spawning `node args…` in `cwd` to the end of its first `GET /billing/usage` answer. */
async function timeToFirstAnswer(cwd: string, args: string[], key: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no "listening on" line within 30 s from node ${args.join(' ')}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited with ${code}`)));
    });
    const res = await fetch(`${url}/billing/usage`, { headers: { Authorization: `Bearer ${key}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`first answer was ${res.status}`);
    return performance.now() - started;
  } finally {
    child.kill();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'instaview-cold-start-'));
try {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--pack-destination', dir, '--json', '--silent'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/^[^[]*/, '')) as Array<{ filename: string }>;
  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'cold-start', private: true, type: 'module' }));
  execFileSync('npm', ['install', join(dir, packed[0]!.filename), '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: project, stdio: 'ignore' });
  writeFileSync(join(project, 'bare.mjs'), BARE_EXPRESS);
  const version = JSON.parse(readFileSync(join(project, 'node_modules/express/package.json'), 'utf8')).version as string;

  const mock: number[] = [];
  const bare: number[] = [];
  await timeToFirstAnswer(project, ['bare.mjs'], 'x'); // warms the file system cache for both
  for (let i = 0; i < RUNS; i++) {
    mock.push(await timeToFirstAnswer(project, ['node_modules/.bin/instaview-mock', 'serve', '--port', '0', '--log-level', 'silent'], 'sk_test_regular_minutes'));
    bare.push(await timeToFirstAnswer(project, ['bare.mjs'], 'x'));
  }
  const result = {
    runs: RUNS,
    mockMedianMs: Math.round(median(mock)),
    bareExpressMedianMs: Math.round(median(bare)),
    ratio: +(median(mock) / median(bare)).toFixed(2),
    targetRatio: TARGET_RATIO,
    mockRunsMs: mock.map(Math.round),
    bareExpressRunsMs: bare.map(Math.round),
    express: version,
    node: process.version,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`cold start to the first answer (installed package, ${RUNS} runs each, medians):`);
    console.log(`  instaview-mock serve (scenario default)  ${String(result.mockMedianMs).padStart(6)} ms   runs ${result.mockRunsMs.join(', ')}`);
    console.log(`  bare Express ${version} server            ${String(result.bareExpressMedianMs).padStart(6)} ms   runs ${result.bareExpressRunsMs.join(', ')}`);
    console.log(`  ratio ${result.ratio} (target ≤ ${TARGET_RATIO})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
