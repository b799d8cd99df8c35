import { validateAgainst } from './validateAgainst.ts';
import type { ValidationIssue } from './compiledValidators.ts';
import { appendPointer, pointerFrom } from './jsonPointer.ts';
import { loadSpecDocument, type SpecName } from './loadSpecDocument.ts';
import { resolveLocalRef } from './resolveLocalRef.ts';

type Json = Record<string, unknown>;

/**
 * Validates a JSON request body against the `application/json` schema the spec gives the operation.
 * Shape: `method` in any case (`put`, `POST`); `pathTemplate` a path key of the spec, e.g.
 * `/__admin/companies/{id}`; a `requestBody` given as a local `$ref` is followed. Returns the issues
 * (JSON pointers into the body); `[]` when valid or when the spec describes no JSON body.
 * @throws Error (start-up error) when the spec file is missing or unparseable, or its schema does not compile.
 * DESIGN §6 (400 `VALIDATION_ERROR` naming the field); docs/decisions/0004-validation-of-answers.md.
 */
export function validateRequestBody(spec: SpecName, method: string, pathTemplate: string, body: unknown): ValidationIssue[] {
  const doc = loadSpecDocument(spec);
  const m = method.toLowerCase();
  const operation = ((doc.paths as Json | undefined)?.[pathTemplate] as Json | undefined)?.[m] as Json | undefined;
  const requestBody = resolveLocalRef(doc, operation?.requestBody, pointerFrom(['paths', pathTemplate, m, 'requestBody']));
  if (!((requestBody.node?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema) return [];
  return validateAgainst(spec, appendPointer(requestBody.pointer, 'content', 'application/json', 'schema'), body);
}
