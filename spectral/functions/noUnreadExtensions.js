import { walkSpecDocument } from '../lib/walkSpecDocument.js';

/**
 * Spectral function: reports every `x-` extension field that is not on the allowed list.
 * An extension promises behaviour only the tool that reads it delivers; none of the tools this
 * toolkit runs on the spec (openapi-typescript as configured, ajv, Prism's examples, Pact) reads one,
 * and ajv's strict mode refuses one inside a schema.
 * Shape: given a whole document as written (OpenAPI 3.1 or JSON Schema 2020-12); `options.allowed` lists the extension names accepted
 * (default none). Names in maps (a header called `x-trace`, a property `x-id`) are not extensions.
 * Returns one result per extension, at its field. Never throws. Rule `no-unread-extensions` of
 * .spectral.yaml (README, "The spec"; issue 15).
 * @param {unknown} doc
 * @param {{ allowed?: string[] } | null} options
 */
export default function noUnreadExtensions(doc, options) {
  const allowed = new Set(options?.allowed ?? []);
  const results = [];
  walkSpecDocument(doc, {
    key(key, path) {
      if (!key.startsWith('x-') || allowed.has(key)) return;
      results.push({
        message: `\`${key}\` is an extension no tool of this toolkit reads: say it in a \`description\`, or name the tool that reads it and add it to the allowed list of no-unread-extensions in .spectral.yaml.`,
        path,
      });
    },
  });
  return results;
}
