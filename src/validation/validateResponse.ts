import { validateAgainst, type ValidationIssue } from './createSpecAjv.ts';
import { loadSpecDocument, type SpecName } from './loadSpecDocument.ts';

type Json = Record<string, unknown>;

function resolveRef(doc: Json, node: unknown): Json | undefined {
  let current = node as Json | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    current = path.reduce<unknown>((acc, key) => (acc as Json | undefined)?.[key], doc) as Json | undefined;
  }
  return current;
}

/**
 * Finds the JSON pointer of the schema the spec gives for one response, or undefined when the spec
 * does not describe that status for that operation.
 * @param pathTemplate a path key of the spec, e.g. `/billing/usage`.
 */
export function responseSchemaPointer(spec: SpecName, method: string, pathTemplate: string, status: number): string | undefined {
  const doc = loadSpecDocument(spec);
  const operation = ((doc.paths as Json | undefined)?.[pathTemplate] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
  const responses = operation?.responses as Json | undefined;
  if (!responses) return undefined;
  const key = String(status) in responses ? String(status) : `${String(status)[0]}XX` in responses ? `${String(status)[0]}XX` : 'default';
  const response = resolveRef(doc, responses[key]);
  const schema = ((response?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
  if (!schema) return undefined;
  if (typeof schema.$ref === 'string') return schema.$ref.replace(/^#/, '');
  const encodedPath = pathTemplate.replace(/~/g, '~0').replace(/\//g, '~1');
  return `/paths/${encodedPath}/${method.toLowerCase()}/responses/${key}/content/application~1json/schema`;
}

/**
 * Validates a response the mock is about to send against the spec: the operation's schema for that
 * status when the spec has one, else the generic envelope (`ErrorResponse` for 4xx/5xx).
 * @param pathTemplate the spec's path key, or undefined for a path the spec does not describe.
 * @returns the issues found; `[]` when valid or when the spec describes no JSON body for it (e.g. 204).
 */
export function validateResponse(spec: SpecName, method: string, pathTemplate: string | undefined, status: number, body: unknown): ValidationIssue[] {
  const pointer = pathTemplate ? responseSchemaPointer(spec, method, pathTemplate, status) : undefined;
  if (pointer) return validateAgainst(spec, pointer, body);
  if (status >= 400) return validateAgainst('api', '/components/schemas/ErrorResponse', body);
  return [];
}
