// Runs `npm run build` (tsc, then the generated .js copied) only when dist/ is missing or older than a source
// it compiles, so `npm start` runs the compiled mock (DESIGN §9, §10) without paying for a compile on
// every start. When a spec or a built-in scenario file changed since src/generated/ was written, it runs
// `npm run generate` first (the mock serves the built-in scenarios from src/generated/builtInScenarios.ts,
// decision 0017). Plain JavaScript: it runs before anything is compiled. Exit code: the failed step's.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Written after each build this script runs (tsc leaves its own .tsbuildinfo untouched when nothing changed).
const STAMP = 'dist/.build-stamp';
const INPUTS = ['src', 'mock', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
// What `npm run generate` reads, and the oldest file it writes from them.
const GENERATE_INPUTS = ['spec', 'mock/scenarios'];
const GENERATED = 'src/generated/builtInScenarios.ts';

/** The newest modification time (milliseconds) of a file, or of the files under a folder whose names match `pattern` (tests excluded). */
function newest(path, pattern = /\.(ts|js|cjs)$/) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a file added or removed changes its folder's time
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(child, pattern));
    else if (pattern.test(entry.name) && !entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(child).mtimeMs);
  }
  return latest;
}

/** Runs `npm run -s <script>`, exiting with its status when it fails. */
function run(script) {
  const result = spawnSync('npm', ['run', '-s', script], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const generated = statSync(GENERATED, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (generated < Math.max(...GENERATE_INPUTS.map((p) => newest(p, /\.(ya?ml|json)$/)))) {
  process.stderr.write('src/generated/ is older than spec/ or mock/scenarios/: regenerating it (npm run generate)…\n');
  run('generate');
}
const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built < Math.max(...INPUTS.map((p) => newest(p)))) {
  process.stderr.write('Compiling the sources into dist/ (npm run build)…\n');
  run('build');
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
