import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { appendPointer } from './jsonPointer.ts';
import { loadSpecDocument, SPEC_FILES, specBaseUri, specPath, type SpecName } from './loadSpecDocument.ts';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

/**
 * One reason a value failed validation: where (JSON pointer into the value) and why.
 * Shape: our own, so no ajv type leaks past src/validation. docs/decisions/0004-validation-of-answers.md.
 */
export interface ValidationIssue {
  /** JSON pointer into the validated value, `""` for the root, e.g. `/data/companies/0/creditsUsed`. */
  pointer: string;
  /** Human-readable reason, e.g. `must NOT be valid` or `must be integer`. */
  message: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `false schema`, `enum`, …). */
  keyword: string;
}

/**
 * The spec files registered in one ajv, with their validators compiled on first use and cached.
 * Shape: `compile(spec, pointer)` as {@link compileSpecSchema}. DESIGN §2 ("validators are compiled from the spec").
 */
export interface SpecAjv {
  compile(spec: SpecName, pointer: string): ValidateFunction;
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
 * @param load reads a spec document (tests inject a failing one); default {@link loadSpecDocument}.
 * @throws Error from `compile` also when the pointer names no schema or the schema does not compile.
 * DESIGN §2; docs/decisions/0004-validation-of-answers.md.
 */
export function createSpecAjv(load: (name: SpecName) => Record<string, unknown> = loadSpecDocument): SpecAjv {
  // verbose: errors carry their parentSchema, for the scenario loader's hints (src/scenario/describeSchemaErrors.ts).
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false, validateSchema: false });
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
  return {
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
  };
}

let shared: SpecAjv | undefined;

/**
 * Returns the validator for a schema inside a spec document, compiled once per process and cached.
 * Shape: `spec` which spec file (`api`, `admin`, `scenario`); `pointer` a JSON pointer inside it, e.g.
 * `/components/schemas/UsageResponse`, or `""` for the whole document (JSON Schema files).
 * @throws Error naming the spec and pointer when the schema does not exist or does not compile, and
 * naming the file when that spec file (or one it refers to) could not be loaded. DESIGN §2, §7;
 * docs/decisions/0004-validation-of-answers.md.
 */
export function compileSpecSchema(spec: SpecName, pointer: string): ValidateFunction {
  shared ??= createSpecAjv();
  return shared.compile(spec, pointer);
}

/**
 * Converts ajv's errors to {@link ValidationIssue}s, so no ajv type leaks past this module.
 * Shape: one issue per error, in ajv's order; a `required` error points at the missing property
 * itself (`/a/b`), others at ajv's `instancePath`. docs/decisions/0004-validation-of-answers.md.
 */
export function toIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((e) => ({
    pointer: e.keyword === 'required' ? appendPointer(e.instancePath, String((e.params as { missingProperty: string }).missingProperty)) : e.instancePath,
    message: e.message ?? e.keyword,
    keyword: e.keyword,
  }));
}

/**
 * Validates a value against a schema of a spec document (see {@link compileSpecSchema} for `spec` and `pointer`).
 * Shape: returns the issues found, pointers into `value`; an empty array means the value is valid.
 * @throws Error as {@link compileSpecSchema} (a start-up error: a missing or broken spec file, a wrong pointer).
 * DESIGN §2; docs/decisions/0004-validation-of-answers.md.
 */
export function validateAgainst(spec: SpecName, pointer: string, value: unknown): ValidationIssue[] {
  const validate = compileSpecSchema(spec, pointer);
  return validate(value) ? [] : toIssues(validate.errors);
}
