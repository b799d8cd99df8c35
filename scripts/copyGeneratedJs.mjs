// Part of `npm run build`: tsc compiles only TypeScript, so the generated plain-JavaScript modules
// (src/generated/*.js and *.cjs: the validators compiled ahead of time, docs/decisions/0017-npm-package.md) are
// copied beside the compiled code, into dist/src/generated/. Plain JavaScript: it runs with no loader.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const from = 'src/generated';
const to = 'dist/src/generated';
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((f) => f.endsWith('.js') || f.endsWith('.cjs'))) copyFileSync(join(from, name), join(to, name));
