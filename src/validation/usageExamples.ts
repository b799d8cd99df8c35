import { USAGE_EXAMPLES } from '../generated/usageExamples.ts';

/** One named example answer of `GET /billing/usage` in spec/openapi.yaml: its HTTP status and its body. */
export interface UsageExample {
  status: number;
  value: unknown;
}

let cache: ReadonlyMap<string, UsageExample> | undefined;

/**
 * The named example answers of `GET /billing/usage` (spec/openapi.yaml, every status, `$ref`s followed),
 * by name (`regularMinutes`, `atsMixed`, `invalidKey`, …): what `Prefer: example=NAME` answers with,
 * as Prism does (DESIGN §6.7). Generated from the spec into src/generated/usageExamples.ts by
 * `npm run generate` (no file is read at run time: DESIGN §10). Never throws.
 */
export function usageExamples(): ReadonlyMap<string, UsageExample> {
  cache ??= new Map(Object.entries(USAGE_EXAMPLES));
  return cache;
}
