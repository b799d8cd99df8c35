import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder: the checkout when this module runs from `src/` (tsx, vitest), the
 * installed package when it runs compiled from `dist/src/`. Found by where `package.json` is: one level
 * up from this module's folder, else two (the compiled layout keeps `src/` under `dist/`).
 */
const ROOT = (() => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return existsSync(join(here, '..', 'package.json')) ? join(here, '..') : join(here, '..', '..');
})();

/**
 * Absolute path of a file the package ships beside its code (`spec/…`, `mock/scenarios/…`), from the
 * checkout's sources or the compiled `dist/` alike (DESIGN §10: runtime files are found relative to the
 * modules, not the working directory). Shape: path segments under the package root, e.g.
 * `packagePath('spec', 'openapi.yaml')`. Never throws, even when the file does not exist.
 */
export function packagePath(...segments: string[]): string {
  return join(ROOT, ...segments);
}
