import { describe, expect, it } from 'vitest';
import { loadSpecDocument, resolveLocalRef, responseSchemaPointer, validateAgainst } from '../../src/validation/index.ts';

type Json = Record<string, any>;
const doc = loadSpecDocument('api') as Json;

/** The node a (possibly `$ref`) node of spec/openapi.yaml stands for; throws for a ref that leads nowhere. */
function resolve(node: unknown): Json {
  const resolved = resolveLocalRef(doc, node, '');
  if (!resolved.node) throw new Error(`spec/openapi.yaml: a $ref leads nowhere (${resolved.pointer})`);
  return resolved.node;
}

const cases: Array<{ name: string; status: number; pointer: string; value: unknown }> = [];
for (const [path, item] of Object.entries(doc.paths as Json)) {
  for (const [method, operation] of Object.entries(item as Json)) {
    for (const [status, response] of Object.entries((operation as Json).responses as Json)) {
      const examples = resolve(response as Json).content?.['application/json']?.examples ?? {};
      const pointer = responseSchemaPointer('api', method, path, Number(status))!;
      for (const [name, example] of Object.entries(examples)) {
        cases.push({ name: `${method.toUpperCase()} ${path} ${status} ${name}`, status: Number(status), pointer, value: resolve(example as Json).value });
      }
    }
  }
}

describe('named examples of spec/openapi.yaml', () => {
  it('covers the five success examples the issue names and the error examples', () => {
    expect(cases.filter((c) => c.status === 200).map((c) => c.name.split(' ').pop())).toEqual([
      'regularMinutes',
      'regularCredits',
      'atsMixed',
      'atsMinutesOnly',
      'atsWithCompanyId',
    ]);
    expect(cases.filter((c) => c.status !== 200).length).toBe(6);
  });

  it.each(cases)('$name validates against its response schema', ({ pointer, value }) => {
    expect(validateAgainst('api', pointer, value)).toEqual([]);
  });
});
