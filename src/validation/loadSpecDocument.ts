import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath } from '../packagePath.ts';
import { SPEC_FILES, type SpecName } from './specNames.ts';

export { SPEC_FILES, specBaseUri, type SpecName } from './specNames.ts';

const cache = new Map<SpecName, Record<string, unknown>>();

/**
 * Absolute path of a spec file under the package's `spec/` folder (the checkout's, or the installed package's).
 * @param name `api` (spec/openapi.yaml), `admin` (spec/admin.openapi.yaml) or `scenario` (spec/scenario.schema.json).
 * Never throws, even when the file does not exist. DESIGN §2.
 */
export function specPath(name: SpecName): string {
  return packagePath('spec', SPEC_FILES[name]);
}

/**
 * Reads and parses a spec file once per process (YAML or JSON) and returns the cached document.
 * Shape: the parsed top-level object, shared by every caller (do not mutate it).
 * @throws Error naming the file when it cannot be read or parsed, or is not an object: a broken
 * checkout, not user input. DESIGN §2.
 */
export function loadSpecDocument(name: SpecName): Record<string, unknown> {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = specPath(name);
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot load spec file ${file}: ${(err as Error).message}`);
  }
  if (doc === null || typeof doc !== 'object') throw new Error(`Spec file ${file} is not an object`);
  cache.set(name, doc as Record<string, unknown>);
  return doc as Record<string, unknown>;
}
