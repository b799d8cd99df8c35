/**
 * Visits the parts of a spec document that the rules of .spectral.yaml look at: every Schema Object
 * (wherever OpenAPI 3.1 allows one: `components.schemas`, a `schema` field, and every subschema
 * keyword of JSON Schema 2020-12) and every field name of an OpenAPI or Schema Object (not the names
 * in maps such as `headers`, `content`, `properties` or `components.responses`), while never reading
 * example data as if it were spec (the values of `example`, `examples`, `default`, `const`, `enum`,
 * an Example Object's `value` and an extension's value).
 * Shape: `doc` is a parsed document as written (refs not followed, so each node is visited where it
 * is defined): an OpenAPI document (it has an `openapi` field) or a JSON Schema document (walked as
 * one schema, e.g. spec/scenario.schema.json). `visitor.schema(schema, path)` and
 * `visitor.key(key, path)` receive the node's path as an array of keys.
 * Never throws. README, "The spec"; issue 15.
 * @param {unknown} doc
 * @param {{ schema?: (schema: Record<string, unknown>, path: Array<string | number>) => void, key?: (key: string, path: Array<string | number>) => void }} visitor
 */
export function walkSpecDocument(doc, visitor) {
  const isOpenApi = isObject(doc) && 'openapi' in doc;
  walk(doc, [], isOpenApi ? 'oas' : 'schema', visitor, new Set());
}

/** Subschema keywords of JSON Schema 2020-12 whose value is one schema. */
const ONE_SCHEMA = new Set(['items', 'not', 'if', 'then', 'else', 'additionalProperties', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'additionalItems']);
/** Keywords whose value is an array of schemas. */
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is instance data, not spec: never walked. */
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum']);
/**
 * OpenAPI fields whose value maps names (header names, media types, variable names, scopes, …) to
 * objects: the names are not fields, so a header called `x-trace` is not an extension.
 */
const NAME_MAPS = new Set(['headers', 'content', 'encoding', 'links', 'variables', 'scopes', 'mapping', 'callbacks']);

const isObject = (value) => typeof value === 'object' && value !== null;

/**
 * @param {unknown} node
 * @param {Array<string | number>} path
 * @param {'oas' | 'schema' | 'exampleMap' | 'nameMap'} kind
 */
function walk(node, path, kind, visitor, stack) {
  if (!isObject(node) || stack.has(node)) return;
  stack.add(node);
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path, i], kind, visitor, stack));
  } else if (kind === 'schema') {
    walkSchema(node, path, visitor, stack);
  } else if (kind === 'exampleMap') {
    // name → Example Object; its `value` is data.
    for (const [name, example] of Object.entries(node)) {
      if (!isObject(example)) continue;
      for (const key of Object.keys(example)) visitor.key?.(key, [...path, name, key]);
    }
  } else if (kind === 'nameMap') {
    for (const [name, value] of Object.entries(node)) walk(value, [...path, name], 'oas', visitor, stack);
  } else {
    const inComponents = path.length === 1 && path[0] === 'components';
    for (const [key, value] of Object.entries(node)) {
      const at = [...path, key];
      visitor.key?.(key, at);
      if (key.startsWith('x-') || key === 'example' || key === 'default' || key === 'enum') continue;
      if (key === 'schema') walk(value, at, 'schema', visitor, stack);
      else if (key === 'examples') walk(value, at, 'exampleMap', visitor, stack);
      else if (inComponents && key === 'schemas') walkMap(value, at, visitor, stack);
      else if (inComponents || NAME_MAPS.has(key)) walk(value, at, 'nameMap', visitor, stack);
      // A Security Requirement maps scheme names to scopes: nothing to walk.
      else if (key !== 'security') walk(value, at, 'oas', visitor, stack);
    }
  }
  stack.delete(node);
}

/** Walks each value of a name → schema map. */
function walkMap(map, path, visitor, stack) {
  if (!isObject(map)) return;
  for (const [name, schema] of Object.entries(map)) walk(schema, [...path, name], 'schema', visitor, stack);
}

function walkSchema(schema, path, visitor, stack) {
  visitor.schema?.(schema, path);
  for (const [key, value] of Object.entries(schema)) {
    const at = [...path, key];
    visitor.key?.(key, at);
    if (key.startsWith('x-') || DATA.has(key) || key === 'dependentRequired' || key === '$vocabulary') continue;
    if (ONE_SCHEMA.has(key)) walk(value, at, 'schema', visitor, stack);
    else if (SCHEMA_LIST.has(key)) walk(value, at, 'schema', visitor, stack);
    else if (SCHEMA_MAP.has(key)) walkMap(value, at, visitor, stack);
    // discriminator, xml, externalDocs: OpenAPI objects inside a schema.
    else walk(value, at, 'oas', visitor, stack);
  }
}
