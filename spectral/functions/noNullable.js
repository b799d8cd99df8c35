import { walkSpecDocument } from '../lib/walkSpecDocument.js';

/**
 * Spectral function: reports every `nullable` keyword in a schema of an OpenAPI 3.1 document.
 * `nullable` is OpenAPI 3.0; JSON Schema 2020-12 (OpenAPI 3.1's dialect) does not know it, so
 * validators ignore it or refuse it and type generators read it in different ways.
 * Shape: given a whole document as written (OpenAPI 3.1 or JSON Schema 2020-12); returns one result per keyword, at `…/nullable`.
 * Never throws. Rule `no-nullable` of .spectral.yaml (README, "The spec"; issue 15).
 * @param {unknown} doc
 */
export default function noNullable(doc) {
  const results = [];
  walkSpecDocument(doc, {
    schema(schema, path) {
      if (!('nullable' in schema)) return;
      results.push({
        message: '`nullable` is an OpenAPI 3.0 keyword that OpenAPI 3.1 does not have: write `type: [<type>, "null"]`, or `oneOf` with a `type: "null"` branch.',
        path: [...path, 'nullable'],
      });
    },
  });
  return results;
}
