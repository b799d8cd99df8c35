import { stateValidator } from '../validation/validateStateInput.ts';
import { describeSchemaErrors } from './describeSchemaErrors.ts';
import { findForbiddenKeys } from './findForbiddenKeys.ts';
import type { Scenario, ScenarioIssue } from './types.ts';

/**
 * Checks a parsed scenario value against `spec/scenario.schema.json` (DESIGN §7), after refusing the
 * keys `__proto__`, `constructor` and `prototype` anywhere (§6.3; then the schema is not run).
 * Cross references (an event's unknown `companyId`), duplicate ids and quantities' decimal places
 * are the store's checks, not this one's.
 * The schema's validator is compiled ahead of time (src/generated/stateValidators.js), so this runs in
 * a browser bundle too (DESIGN §10).
 * @returns the value typed as a {@link Scenario}, or every issue with its JSON pointer. Never throws.
 */
export function validateScenario(value: unknown): { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] } {
  const forbidden = findForbiddenKeys(value);
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const validate = stateValidator('scenario', '');
  if (validate(value)) return { ok: true, scenario: value as Scenario };
  return { ok: false, issues: describeSchemaErrors(validate.errors) };
}
