import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadSpecDocument, specBaseUri, type SpecName } from './loadSpecDocument.ts';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

/** One reason a value failed validation: where (JSON pointer into the value) and why. */
export interface ValidationIssue {
  /** JSON pointer into the validated value, `""` for the root, e.g. `/data/companies/0/creditsUsed`. */
  pointer: string;
  /** Human-readable reason, e.g. `must NOT be valid` or `must be integer`. */
  message: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `false schema`, `enum`, …). */
  keyword: string;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function sharedAjv(): Ajv2020 {
  if (ajv) return ajv;
  // verbose: errors carry their parentSchema, for the scenario loader's hints (src/scenario/describeSchemaErrors.ts).
  ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false, validateSchema: false });
  addFormats(ajv);
  // OpenAPI keywords that carry documentation only (the oneOf does the work of `discriminator`).
  ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example']);
  // Top-level OpenAPI fields: ajv reads the document as a schema to resolve `#/components/...` refs.
  ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components', 'tags', 'security', 'webhooks', 'jsonSchemaDialect']);
  for (const name of ['api', 'admin', 'scenario'] as const) {
    try {
      // The `$id` is the file's own base URI, so cross-file refs (`./scenario.schema.json#/$defs/Company`) resolve.
      ajv.addSchema({ ...loadSpecDocument(name), $id: specBaseUri(name) }, `spec:${name}`);
    } catch (err) {
      // A missing optional spec (admin, scenario) must not break the others; compile reports it.
      if (name === 'api') throw err;
    }
  }
  return ajv;
}

/**
 * Returns the validator for a schema inside a spec document, compiled once and cached.
 * @param spec which spec file (`api`, `admin`, `scenario`).
 * @param pointer JSON pointer inside it, e.g. `/components/schemas/UsageResponse`; `""` for the whole document (JSON Schema files).
 * @throws Error naming the spec and pointer when the schema does not exist or does not compile.
 */
export function compileSpecSchema(spec: SpecName, pointer: string): ValidateFunction {
  const ref = `spec:${spec}#${pointer}`;
  const cached = compiled.get(ref);
  if (cached) return cached;
  const validate = sharedAjv().getSchema(ref);
  if (!validate) throw new Error(`No schema at ${ref}`);
  compiled.set(ref, validate);
  return validate;
}

/** Converts ajv's errors to {@link ValidationIssue}s, so no ajv type leaks past this module. */
export function toIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((e) => ({
    pointer: e.keyword === 'required' ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}` : e.instancePath,
    message: e.message ?? e.keyword,
    keyword: e.keyword,
  }));
}

/**
 * Validates a value against a schema of a spec document.
 * @returns the issues found; an empty array means the value is valid.
 */
export function validateAgainst(spec: SpecName, pointer: string, value: unknown): ValidationIssue[] {
  const validate = compileSpecSchema(spec, pointer);
  return validate(value) ? [] : toIssues(validate.errors);
}
