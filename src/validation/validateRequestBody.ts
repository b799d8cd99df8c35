import { validateAgainst, type ValidationIssue } from './createSpecAjv.ts';
import { loadSpecDocument, type SpecName } from './loadSpecDocument.ts';

type Json = Record<string, unknown>;

/**
 * Validates a JSON request body against the `application/json` schema the spec gives the operation.
 * @param pathTemplate a path key of the spec, e.g. `/__admin/companies/{id}`.
 * @returns the issues (JSON pointers into the body); `[]` when valid or when the spec describes no body.
 */
export function validateRequestBody(spec: SpecName, method: string, pathTemplate: string, body: unknown): ValidationIssue[] {
  const doc = loadSpecDocument(spec);
  const m = method.toLowerCase();
  const operation = ((doc.paths as Json | undefined)?.[pathTemplate] as Json | undefined)?.[m] as Json | undefined;
  let requestBody = operation?.requestBody as Json | undefined;
  if (typeof requestBody?.$ref === 'string') {
    requestBody = (requestBody.$ref as string).slice(2).split('/').reduce<unknown>((acc, k) => (acc as Json)[k], doc) as Json;
  }
  if (!((requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema) return [];
  const encoded = pathTemplate.replace(/~/g, '~0').replace(/\//g, '~1');
  const pointer = typeof operation?.requestBody === 'object' && typeof (operation.requestBody as Json).$ref === 'string'
    ? `${((operation.requestBody as Json).$ref as string).slice(1)}/content/application~1json/schema`
    : `/paths/${encoded}/${m}/requestBody/content/application~1json/schema`;
  return validateAgainst(spec, pointer, body);
}
