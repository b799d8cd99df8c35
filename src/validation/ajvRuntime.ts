import * as ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import * as formatsModule from 'ajv-formats/dist/formats.js';

/**
 * The CommonJS helpers ajv's standalone code calls (`require("ajv/dist/runtime/ucs2length")`,
 * `require("ajv-formats/dist/formats")`), as ES module values shaped like those `require` results, so the
 * compiled validators in src/generated/ load in Node and in a browser bundle alike (scripts/generateValidators.ts
 * rewrites each `require` into a read of {@link AJV_RUNTIME}). A namespace import of CommonJS differs between Node (the
 * exports sit under `default`) and bundlers (they sit on the namespace): each value is read from either.
 */
type Namespace = Record<string, unknown> & { default?: Record<string, unknown> };

/** Reads an export of a CommonJS module from its namespace, wherever the importer put it. */
function exported<T>(ns: Namespace, name: string): T {
  const direct = ns[name];
  if (name !== 'default' && direct !== undefined) return direct as T;
  const outer = ns.default;
  // Node: `default` is module.exports; bundlers: `default` is module.exports.default when __esModule is set.
  if (name === 'default') return (typeof outer === 'function' ? outer : (outer as Namespace | undefined)?.default) as T;
  return outer?.[name] as T;
}

/** `require("ajv/dist/runtime/ucs2length")`: `.default` counts a string's Unicode code points (JSON Schema `minLength`/`maxLength`). */
export const ajvUcs2length = { default: exported<(text: string) => number>(ucs2lengthModule as unknown as Namespace, 'default') };

/** `require("ajv-formats/dist/formats")`: `.fullFormats` the `format` checks (`date-time`, `uuid`, …) in ajv-formats' full mode. */
export const ajvFormats = { fullFormats: exported<Record<string, unknown>>(formatsModule as unknown as Namespace, 'fullFormats') };

/** What the generated validator modules read their helpers from (their factories' `runtime` argument). */
export const AJV_RUNTIME = { ajvUcs2length, ajvFormats };

/** The shape of {@link AJV_RUNTIME}. */
export type AjvRuntime = typeof AJV_RUNTIME;

/** The property of {@link AJV_RUNTIME} each runtime `require` of ajv's standalone code is rewritten to: specifier → name. */
export const AJV_RUNTIME_MODULES: Readonly<Record<string, keyof AjvRuntime>> = {
  'ajv/dist/runtime/ucs2length': 'ajvUcs2length',
  'ajv-formats/dist/formats': 'ajvFormats',
};
