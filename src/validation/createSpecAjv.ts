import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { loadSpecDocument, SPEC_FILES, specBaseUri, specPath, type SpecName } from './loadSpecDocument.ts';

// These used to live here; modules that import them from this file keep working (they load no ajv).
export { compileSpecSchema, validateAgainst } from './validateAgainst.ts';
export { toIssues, type ValidationIssue } from './compiledValidators.ts';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);
type StandaloneCode = (ajv: Ajv2020, refs: Record<string, string>) => string;
const standaloneCode: StandaloneCode =
  (standaloneCodeModule as unknown as { default?: StandaloneCode }).default ?? (standaloneCodeModule as unknown as StandaloneCode);

/**
 * The spec files registered in one ajv, with their validators compiled on first use and cached.
 * Shape: `compile(spec, pointer)` compiles at run time what `compileSpecSchema` (validateAgainst.ts) looks up ahead of time. DESIGN §2 ("validators are compiled from the spec").
 */
export interface SpecAjv {
  compile(spec: SpecName, pointer: string): ValidateFunction;
  /**
   * The ES module source (ajv standalone code) exporting one validator per entry of `exports`
   * (export name → spec schema), for src/generated/ (scripts/generateValidators.ts). Runtime helpers
   * stay as ajv writes them (`require("…")`); the generator rewrites them.
   * @throws Error when the ajv was not created with `{ source: true }`, or as `compile` for a schema.
   */
  standaloneCode(exports: Readonly<Record<string, { spec: SpecName; pointer: string }>>): string;
}

/** Tells what to do about spec files that could not be loaded, or `""` when all were. */
function unloadedNote(unloaded: ReadonlyMap<SpecName, Error>): string {
  return [...unloaded].map(([name, err]) => `; spec file ${specPath(name)} could not be loaded (${err.message})`).join('');
}

/**
 * Creates an ajv holding every spec file (spec/openapi.yaml, spec/admin.openapi.yaml,
 * spec/scenario.schema.json) under its own base URI, so cross-file `$ref`s resolve as on disk.
 * A file that cannot be loaded does not stop the others: the first `compile` of that spec (or of a
 * schema that refers into it) throws an Error naming the file and the load error, and saying to restore it.
 * Used by scripts/generateValidators.ts, which writes the validators the toolkit runs with (compiled
 * ahead of time, src/generated/); nothing compiles schemas at run time (docs/decisions/0017-npm-package.md).
 * @param load reads a spec document (tests inject a failing one); default {@link loadSpecDocument}.
 * @param opts `source: true` keeps each validator's source, for {@link SpecAjv.standaloneCode}.
 * @throws Error from `compile` also when the pointer names no schema or the schema does not compile.
 * DESIGN §2; docs/decisions/0004-validation-of-answers.md.
 */
export function createSpecAjv(load: (name: SpecName) => Record<string, unknown> = loadSpecDocument, opts: { source?: boolean } = {}): SpecAjv {
  // verbose: errors carry their parentSchema, for the scenario loader's hints (src/scenario/describeSchemaErrors.ts).
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    validateSchema: false,
    ...(opts.source ? { code: { source: true, esm: true, lines: true } } : {}),
  });
  addFormats(ajv);
  // OpenAPI keywords that carry documentation only (the oneOf does the work of `discriminator`).
  ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example']);
  // Top-level OpenAPI fields: ajv reads the document as a schema to resolve `#/components/...` refs.
  ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components', 'tags', 'security', 'webhooks', 'jsonSchemaDialect']);
  const unloaded = new Map<SpecName, Error>();
  for (const name of Object.keys(SPEC_FILES) as SpecName[]) {
    try {
      // The `$id` is the file's own base URI, so cross-file refs (`./scenario.schema.json#/$defs/Company`) resolve.
      ajv.addSchema({ ...load(name), $id: specBaseUri(name) }, `spec:${name}`);
    } catch (err) {
      unloaded.set(name, err as Error); // reported at the first compile that needs it, naming the file
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  const specAjv: SpecAjv = {
    compile(spec, pointer) {
      const ref = `spec:${spec}#${pointer}`;
      const cached = compiled.get(ref);
      if (cached) return cached;
      const cause = unloaded.get(spec);
      if (cause) {
        throw new Error(`Cannot compile ${ref}: spec file ${specPath(spec)} could not be loaded (${cause.message}); restore it (git checkout -- spec/)`, { cause });
      }
      let validate: ValidateFunction | undefined;
      try {
        validate = ajv.getSchema(ref);
      } catch (err) {
        throw new Error(`Cannot compile ${ref}: ${(err as Error).message}${unloadedNote(unloaded)}`, { cause: err });
      }
      if (!validate) throw new Error(`No schema at ${ref}${unloadedNote(unloaded)}`);
      compiled.set(ref, validate);
      return validate;
    },
    standaloneCode(exports) {
      if (!opts.source) throw new Error('createSpecAjv: pass { source: true } to write standalone code');
      const refs: Record<string, string> = {};
      for (const [name, { spec, pointer }] of Object.entries(exports)) {
        specAjv.compile(spec, pointer);
        refs[name] = `spec:${spec}#${pointer}`;
      }
      return standaloneCode(ajv, refs);
    },
  };
  return specAjv;
}
