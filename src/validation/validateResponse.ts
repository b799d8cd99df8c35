import { validateAgainst } from './validateAgainst.ts';
import type { ValidationIssue } from './compiledValidators.ts';
import { appendPointer, pointerFrom } from './jsonPointer.ts';
import { loadSpecDocument, type SpecName } from './loadSpecDocument.ts';
import { resolveLocalRef } from './resolveLocalRef.ts';

type Json = Record<string, unknown>;

/**
 * Finds the JSON pointer of the schema the spec gives for one response, or undefined when the spec
 * does not describe that status for that operation.
 * Shape: `method` in any case; `pathTemplate` a path key of the spec, e.g. `/billing/usage`; `status`
 * an HTTP status, matched exactly, then as `4XX`-style range, then `default`. A response given as a local
 * `$ref` is followed; a schema given as a `$ref` yields that ref's pointer (`/components/schemas/…`).
 * @throws Error (start-up error) when the spec file is missing or unparseable. docs/decisions/0004-validation-of-answers.md.
 */
export function responseSchemaPointer(spec: SpecName, method: string, pathTemplate: string, status: number): string | undefined {
  const doc = loadSpecDocument(spec);
  const m = method.toLowerCase();
  const operation = ((doc.paths as Json | undefined)?.[pathTemplate] as Json | undefined)?.[m] as Json | undefined;
  const responses = operation?.responses as Json | undefined;
  if (!responses) return undefined;
  const key = String(status) in responses ? String(status) : `${String(status)[0]}XX` in responses ? `${String(status)[0]}XX` : 'default';
  const response = resolveLocalRef(doc, responses[key], pointerFrom(['paths', pathTemplate, m, 'responses', key]));
  const schema = ((response.node?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
  if (!schema) return undefined;
  if (typeof schema.$ref === 'string') return schema.$ref.replace(/^#/, '');
  return appendPointer(response.pointer, 'content', 'application/json', 'schema');
}

/**
 * Validates a response the mock is about to send against the spec: the operation's schema for that
 * status when the spec has one, else the generic envelope (`ErrorResponse` of spec/openapi.yaml for 4xx/5xx).
 * Shape: `pathTemplate` the spec's path key, or undefined for a path the spec does not describe;
 * `status` an HTTP status. Returns the issues found; `[]` when valid or when the spec describes no JSON
 * body for it (e.g. 204).
 * @throws Error (start-up error) when a spec file is missing or unparseable, or a schema does not compile.
 * DESIGN §3.6 (envelope); docs/decisions/0004-validation-of-answers.md.
 */
export function validateResponse(spec: SpecName, method: string, pathTemplate: string | undefined, status: number, body: unknown): ValidationIssue[] {
  const pointer = pathTemplate ? responseSchemaPointer(spec, method, pathTemplate, status) : undefined;
  if (pointer) return validateAgainst(spec, pointer, body);
  if (status >= 400) return validateAgainst('api', '/components/schemas/ErrorResponse', body);
  return [];
}
