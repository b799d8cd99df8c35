/** The spec files this toolkit derives from, by short name: file names under `spec/`. DESIGN §2. */
export const SPEC_FILES = {
  api: 'openapi.yaml',
  admin: 'admin.openapi.yaml',
  scenario: 'scenario.schema.json',
} as const;

/** Short name of a spec file under `spec/`: `api`, `admin` or `scenario`. DESIGN §2. */
export type SpecName = keyof typeof SPEC_FILES;

/**
 * The URI a spec file is registered under in ajv, so relative `$ref`s between spec files resolve as they do on disk.
 * @example specBaseUri('admin') === 'https://instaview.local/spec/admin.openapi.yaml'
 * Never throws. DESIGN §2; docs/decisions/0004-validation-of-answers.md.
 */
export function specBaseUri(name: SpecName): string {
  return `https://instaview.local/spec/${SPEC_FILES[name]}`;
}
