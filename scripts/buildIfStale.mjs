// Runs `npm run build` (tsc, then the generated .js copied) only when dist/ is missing or older than a source
// it compiles, so `npm start` runs the compiled mock (DESIGN §9, §10) without paying for a compile on
// every start. Plain JavaScript: it runs before anything is compiled. Exit code: tsc's.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Written after each build this script runs (tsc leaves its own .tsbuildinfo untouched when nothing changed).
const STAMP = 'dist/.build-stamp';
const INPUTS = ['src', 'mock', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/** The newest modification time (milliseconds) of a file, or of the .ts files under a folder (tests excluded). */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a file added or removed changes its folder's time
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(child));
    else if (/\.(ts|js|cjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(child).mtimeMs);
  }
  return latest;
}

const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built < Math.max(...INPUTS.map(newest))) {
  process.stderr.write('Compiling the sources into dist/ (npm run build)…\n');
  const result = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
