/**
 * `npm run bench`: the usage index benchmark (bench/usage.bench.ts), then the cold start of the installed
 * command line beside a bare Express server (bench/coldStart.bench.ts), each in its own process, with
 * this command's arguments (`--json`: one JSON object per benchmark, one per line). Figures: bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';

for (const file of ['bench/usage.bench.ts', 'bench/coldStart.bench.ts']) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
