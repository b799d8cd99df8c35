import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { walkSpecDocument } from '../lib/walkSpecDocument.js';

// ajv-formats is CommonJS; bundled as ESM its default export may arrive wrapped.
const addFormats = addFormatsModule.default ?? addFormatsModule;

/** ajv as OpenAPI 3.1 reads schemas: JSON Schema 2020-12 with the formats; OpenAPI keywords (discriminator, xml) ignored. */
const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);

/** ajv's errors as one line: `/a/b must be >= 0; / must have required property 'c'`. */
function describeErrors(errors) {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

/** The node at `path` in `doc`, or undefined. */
function nodeAt(doc, path) {
  return path.reduce((node, key) => (typeof node === 'object' && node !== null ? node[key] : undefined), doc);
}

/**
 * Spectral function: checks every item of every schema's `examples` array (the JSON Schema 2020-12
 * keyword) against that schema, with ajv 2020-12 and ajv-formats. Spectral's own
 * oas3-valid-schema-example reads only `example` and `default`, so `Quantity.examples: [-1]` passed.
 * Shape: given a whole document as written (OpenAPI 3.1 or JSON Schema 2020-12), with the rule's
 * `resolved: false`: schemas are found where they are written, and each is checked in its resolved
 * form (its `$ref`s followed, across files too). Returns one result per failing item, at
 * `…/examples/<index>`, naming the value and ajv's reasons; an `examples` that is not an array, or a
 * schema that does not compile, is reported at the schema. Never throws. Rule
 * `schema-examples-valid` of .spectral.yaml (README, "The spec"; issue 15).
 * @param {unknown} doc
 * @param {unknown} _options
 * @param {{ documentInventory: { resolved: unknown } }} context
 */
export default function schemaExamplesValid(doc, _options, context) {
  const results = [];
  walkSpecDocument(doc, {
    schema(schema, path) {
      if (!('examples' in schema)) return;
      if (!Array.isArray(schema.examples)) {
        results.push({ message: "A schema's `examples` is an array of values (JSON Schema 2020-12), e.g. `examples: [245.5]`.", path: [...path, 'examples'] });
        return;
      }
      const resolved = nodeAt(context.documentInventory.resolved, path) ?? schema;
      // Checked on its own: an `$id` would clash with another schema compiled before.
      const { $id: _id, $schema: _dialect, ...own } = resolved;
      let validate;
      try {
        validate = ajv.compile(own);
      } catch (err) {
        results.push({ message: `The examples of this schema cannot be checked: the schema does not compile (${err.message}).`, path });
        return;
      }
      schema.examples.forEach((example, index) => {
        if (validate(example)) return;
        results.push({
          message: `Example ${JSON.stringify(example)} fails its own schema: ${describeErrors(validate.errors)}. Fix the example (or the schema, if the example is right).`,
          path: [...path, 'examples', index],
        });
      });
    },
  });
  return results;
}
