// Part of `npm run build`: tsc compiles only TypeScript, so (1) the generated plain-JavaScript modules
// (src/generated/*.js and *.cjs: the validators compiled ahead of time, docs/decisions/0017-npm-package.md) are
// copied beside the compiled code, into dist/src/generated/, and (2) Redoc's standalone bundle and its
// licence notices (the `redoc` devDependency) go to dist/mock/console/vendor/, where the console's
// `/__admin/docs` serves them from the package without installing Redoc's dependencies.
// Plain JavaScript: it runs with no loader.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const from = 'src/generated';
const to = 'dist/src/generated';
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((f) => f.endsWith('.js') || f.endsWith('.cjs'))) copyFileSync(join(from, name), join(to, name));

const bundle = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');
const vendor = 'dist/mock/console/vendor';
mkdirSync(vendor, { recursive: true });
copyFileSync(bundle, join(vendor, 'redoc.standalone.js'));
copyFileSync(`${bundle}.LICENSE.txt`, join(vendor, 'redoc.standalone.js.LICENSE.txt'));
copyFileSync(join(dirname(bundle), '..', 'LICENSE'), join(vendor, 'REDOC-LICENSE'));
