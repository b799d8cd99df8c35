import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The spec files this toolkit derives from, by short name: file names under `spec/`. DESIGN §2. */
export const SPEC_FILES = {
  api: 'openapi.yaml',
  admin: 'admin.openapi.yaml',
  scenario: 'scenario.schema.json',
} as const;

/** Short name of a spec file under `spec/`: `api`, `admin` or `scenario`. DESIGN §2. */
export type SpecName = keyof typeof SPEC_FILES;

const cache = new Map<SpecName, Record<string, unknown>>();

/**
 * Absolute path of a spec file under the repository's `spec/` folder.
 * @param name `api` (spec/openapi.yaml), `admin` (spec/admin.openapi.yaml) or `scenario` (spec/scenario.schema.json).
 * Never throws, even when the file does not exist. DESIGN §2.
 */
export function specPath(name: SpecName): string {
  return fileURLToPath(new URL(`../../spec/${SPEC_FILES[name]}`, import.meta.url));
}

/**
 * The URI a spec file is registered under in ajv, so relative `$ref`s between spec files resolve as they do on disk.
 * @example specBaseUri('admin') === 'https://instaview.local/spec/admin.openapi.yaml'
 * Never throws. DESIGN §2; docs/decisions/0004-validation-of-answers.md.
 */
export function specBaseUri(name: SpecName): string {
  return `https://instaview.local/spec/${SPEC_FILES[name]}`;
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
