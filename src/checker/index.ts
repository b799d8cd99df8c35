/**
 * `instaview-billing-toolkit/checker` (DESIGN §10): the billing invariants of DESIGN §8 as a function,
 * for a provider's `GET /billing/usage` 200 body: `checkUsageReport(body, options)` → `{ rule, pointer,
 * message }[]` (`rule` 1–13, `pointer` an RFC 6901 JSON pointer into the body). Runs in Node and in a
 * browser bundle (no `node:` module).
 */
export { checkUsageReport, type InvariantContext, type InvariantContext as CheckUsageReportOptions, type InvariantRule, type InvariantViolation } from '../billing/checkUsageReport.ts';
