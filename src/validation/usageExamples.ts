import { loadSpecDocument } from './loadSpecDocument.ts';
import { resolveLocalRef } from './resolveLocalRef.ts';

type Json = Record<string, unknown>;

/** One named example answer of `GET /billing/usage` in spec/openapi.yaml: its HTTP status and its body. */
export interface UsageExample {
  status: number;
  value: unknown;
}

let cache: ReadonlyMap<string, UsageExample> | undefined;

/**
 * The named example answers of `GET /billing/usage` (spec/openapi.yaml, every status, `$ref`s followed),
 * by name (`regularMinutes`, `atsMixed`, `invalidKey`, …): what `Prefer: example=NAME` answers with,
 * as Prism does (DESIGN §6.7). Read once per process.
 * @throws Error (start-up error) when spec/openapi.yaml is missing or broken.
 */
export function usageExamples(): ReadonlyMap<string, UsageExample> {
  if (cache) return cache;
  const doc = loadSpecDocument('api');
  const get = ((doc.paths as Json)['/billing/usage'] as Json).get as Json;
  const out = new Map<string, UsageExample>();
  for (const [status, response] of Object.entries(get.responses as Json)) {
    const resolved = resolveLocalRef(doc, response, '').node;
    const examples = (((resolved?.content as Json | undefined)?.['application/json'] as Json | undefined)?.examples ?? {}) as Json;
    for (const [name, example] of Object.entries(examples)) {
      const value = resolveLocalRef(doc, example, '').node?.value;
      if (value !== undefined) out.set(name, { status: Number(status), value });
    }
  }
  cache = out;
  return out;
}
