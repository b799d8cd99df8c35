import { loadSpecDocument, pointerFrom, resolveLocalRef, responseSchemaPointer, type SpecName } from '../../src/validation/index.ts';

type Json = Record<string, any>;

/** One named example of a spec, with the JSON pointer of the schema it illustrates. */
export interface NamedExample {
  name: string;
  status?: number;
  pointer: string;
  value: unknown;
}

/**
 * Every named example of a spec's operations: request bodies and responses, each paired with its
 * schema's pointer (`$ref`s followed). Throws, naming the spec, when a `$ref` leads nowhere.
 */
export function namedExamples(spec: SpecName): NamedExample[] {
  const doc = loadSpecDocument(spec) as Json;
  const resolve = (node: unknown): Json => {
    const resolved = resolveLocalRef(doc, node, '');
    if (!resolved.node) throw new Error(`spec ${spec}: a $ref leads nowhere (${resolved.pointer})`);
    return resolved.node;
  };
  const out: NamedExample[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if (method === 'parameters') continue;
      const body = (operation as Json).requestBody?.content?.['application/json'];
      for (const [name, example] of Object.entries((body?.examples ?? {}) as Json)) {
        const pointer = pointerFrom(['paths', path, method, 'requestBody', 'content', 'application/json', 'schema']);
        out.push({ name: `${method.toUpperCase()} ${path} request ${name}`, pointer, value: resolve(example).value });
      }
      for (const [status, response] of Object.entries((operation as Json).responses as Json)) {
        const examples = resolve(response).content?.['application/json']?.examples ?? {};
        const pointer = responseSchemaPointer(spec, method, path, Number(status))!;
        for (const [name, example] of Object.entries(examples as Json)) {
          out.push({ name: `${method.toUpperCase()} ${path} ${status} ${name}`, status: Number(status), pointer, value: resolve(example).value });
        }
      }
    }
  }
  return out;
}
