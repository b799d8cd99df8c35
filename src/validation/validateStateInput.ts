import { createStateValidators } from '../generated/stateValidators.js';
import { AJV_RUNTIME } from './ajvRuntime.ts';
import { findValidator, issuesOf, type CompiledValidator, type CompiledValidatorTable, type ValidationIssue } from './compiledValidators.ts';
import type { SpecName } from './specNames.ts';

let table: CompiledValidatorTable | undefined;

/**
 * The validator of a schema the mock state checks its input with (command bodies of
 * spec/admin.openapi.yaml, scenarios and usage events of spec/scenario.schema.json), compiled ahead of
 * time into src/generated/stateValidators.js: a small table with no `node:` import, so the mock state runs
 * in a browser bundle (MSW, DESIGN §10) and validates there exactly as in Node.
 * Shape: `spec` and `pointer` as {@link validatorKey}, e.g. `('admin', '/components/schemas/Fault')`, `('scenario', '')`.
 * @throws Error (a programmer error) when the schema is not in that table: add it to
 * `STATE_SCHEMAS` in scripts/generateValidators.ts and run `npm run generate`.
 */
export function stateValidator(spec: SpecName, pointer: string): CompiledValidator {
  return findValidator((table ??= createStateValidators(AJV_RUNTIME)), 'src/generated/stateValidators.js', spec, pointer);
}

/**
 * Validates a command's input or a scenario part against its schema (see {@link stateValidator}).
 * Shape: the issues found, JSON pointers into `value`; `[]` when valid.
 * @throws Error as {@link stateValidator}. DESIGN §6, §7.
 */
export function validateStateInput(spec: SpecName, pointer: string, value: unknown): ValidationIssue[] {
  return issuesOf(stateValidator(spec, pointer), value);
}
