import { validateAgainst } from './validateAgainst.ts';
import type { ValidationIssue } from './compiledValidators.ts';

/**
 * Validates a `GET /billing/usage` 200 body (the success envelope around a usage report)
 * against `#/components/schemas/UsageResponse` of spec/openapi.yaml.
 * @returns the issues found, each with a JSON pointer into `body`; `[]` when valid.
 * @throws Error when spec/openapi.yaml is missing or broken (see compileSpecSchema). DESIGN §3.5, §3.6, §8.
 */
export function validateUsageResponse(body: unknown): ValidationIssue[] {
  return validateAgainst('api', '/components/schemas/UsageResponse', body);
}

/**
 * Validates an error body (the failure envelope `{success:false, data:null, error:{code, message, details?}, timestamp}`)
 * against `#/components/schemas/ErrorResponse` of spec/openapi.yaml.
 * @returns the issues found, each with a JSON pointer into `body`; `[]` when valid.
 * @throws Error when spec/openapi.yaml is missing or broken (see compileSpecSchema). DESIGN §3.1, §3.6.
 */
export function validateErrorResponse(body: unknown): ValidationIssue[] {
  return validateAgainst('api', '/components/schemas/ErrorResponse', body);
}
