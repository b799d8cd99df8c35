import type { ErrorObject } from 'ajv/dist/2020.js';
import { appendPointer } from './jsonPointer.ts';
import type { SpecName } from './specNames.ts';

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
 * A validator compiled ahead of time from a spec schema (ajv standalone code in src/generated/):
 * call it with a value; when it returns false, `errors` holds ajv's errors (verbose: each with its
 * `parentSchema`), as a validator compiled at run time would. DESIGN §10; docs/decisions/0017-npm-package.md.
 */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Compiled validators by {@link validatorKey} (`api#/components/schemas/UsageResponse`, `scenario#`). */
export type CompiledValidatorTable = Readonly<Record<string, CompiledValidator>>;

/** The key of a spec schema in a {@link CompiledValidatorTable}: `<spec>#<JSON pointer>`, e.g. `admin#/components/schemas/Fault`. */
export function validatorKey(spec: SpecName, pointer: string): string {
  return `${spec}#${pointer}`;
}

/**
 * The validator compiled ahead of time for a schema of a spec file.
 * Shape: `table` one of src/generated/*Validators.ts, `tableName` its file for the message; `pointer` a
 * JSON pointer inside the spec file, `""` for a whole JSON Schema file.
 * @throws Error (a programmer error) naming the spec, the pointer and the fix when the table has no
 * validator for it: list the pointer in scripts/generateValidators.ts and run `npm run generate`.
 */
export function findValidator(table: CompiledValidatorTable, tableName: string, spec: SpecName, pointer: string): CompiledValidator {
  const validate = table[validatorKey(spec, pointer)];
  if (validate) return validate;
  throw new Error(`No validator compiled ahead of time for spec:${spec}#${pointer} in ${tableName}: list the schema in scripts/generateValidators.ts and run \`npm run generate\`.`);
}

/**
 * Converts ajv's errors to {@link ValidationIssue}s, so no ajv type leaks past this module.
 * Shape: one issue per error, in ajv's order; a `required` error points at the missing property
 * itself (`/a/b`), others at ajv's `instancePath`. docs/decisions/0004-validation-of-answers.md.
 */
export function toIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((e) => ({
    pointer: e.keyword === 'required' ? appendPointer(e.instancePath, String((e.params as { missingProperty: string }).missingProperty)) : e.instancePath,
    message: readableMessage(e),
    keyword: e.keyword,
  }));
}

/**
 * ajv's message, except for a `pattern` or `format` refusal of a schema that gives `examples` (an
 * instant, a key): "must be like "2024-01-31T10:30:00Z" or …" instead of the regular expression.
 * Needs errors from a `verbose` validator (all of src/generated/ are) for the schema's examples.
 */
function readableMessage(e: ErrorObject): string {
  const examples = (e.parentSchema as { examples?: unknown } | undefined)?.examples;
  if ((e.keyword === 'pattern' || e.keyword === 'format') && Array.isArray(examples) && examples.length > 0) {
    return `must be like ${examples.map((x) => JSON.stringify(x)).join(' or ')}`;
  }
  return e.message ?? e.keyword;
}

/**
 * Validates a value with a compiled validator and returns the issues found (JSON pointers into
 * `value`); `[]` when valid. Never throws.
 */
export function issuesOf(validate: CompiledValidator, value: unknown): ValidationIssue[] {
  return validate(value) ? [] : toIssues(validate.errors);
}
