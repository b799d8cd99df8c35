/**
 * `instaview-billing-toolkit/checker` (DESIGN §10): the billing invariants of DESIGN §8 as a function,
 * for a provider's `GET /billing/usage` 200 body. Runs in Node and in a browser bundle (no `node:` module).
 */
import { checkUsageInvariants, type InvariantContext, type InvariantViolation } from '../billing/checkUsageInvariants.ts';

/**
 * Checks a `GET /billing/usage` 200 body (the parsed JSON) against the billing invariants of DESIGN §8.
 * Shape: `options.keyType` (`regular` | `ats`) and `options.companyId` enable rule 9; `options.strict`
 * rule 11 (`null` in place of an omitted unit field). Returns every violation as `{ rule, pointer, message }`
 * (`rule` the §8 item number, `pointer` an RFC 6901 JSON pointer into `body`); `[]` when the body holds.
 * Never throws, whatever `body` is. The schema itself is the spec's job (`instaview-mock check` does both).
 */
export function checkUsageReport(body: unknown, options: InvariantContext = {}): InvariantViolation[] {
  return checkUsageInvariants(body, options);
}

export type { InvariantContext, InvariantViolation };
/** The options of {@link checkUsageReport}. */
export type CheckUsageReportOptions = InvariantContext;
