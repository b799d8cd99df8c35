#!/usr/bin/env node
// The `instaview-mock` command (DESIGN §9): runs the compiled command line under dist/ (made by
// `npm run build`, shipped in the npm package); no TypeScript loader at run time (DESIGN §10).
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('instaview-mock: dist/ is missing. In a checkout, run `npm run build` first (or `npm run cli -- …` to run the sources).\n');
  process.exit(2);
}
await import(main.href);
