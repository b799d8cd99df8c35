import { loadSpecDocument, pointerFrom, resolveLocalRef, validateCollapsed } from '../validation/index.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A parsed pact file and where it came from (the name is only used in messages). */
export interface PactFile {
  file: string;
  document: unknown;
}

/**
 * One way an interaction of a pact expects something spec/openapi.yaml does not promise.
 * Shape: `interaction` the interaction's description; `part` `request` or `response`; `pointer` an
 * RFC 6901 pointer into the response body when the body is at fault; `message` what is wrong. DESIGN §9.
 */
export interface PactSpecMismatch {
  file: string;
  interaction: string;
  part: 'request' | 'response';
  pointer?: string;
  message: string;
}

/** The outcome: how many HTTP interactions were read, how many were not HTTP (not checked), and the mismatches. */
export interface PactSpecReport {
  interactions: number;
  notHttp: number;
  mismatches: PactSpecMismatch[];
}

interface Operation {
  label: string;
  pointer: string;
  node: Json;
  query: Map<string, boolean>;
}

/** The spec's base paths (`/v1` from `https://api.instaview.sk/v1`), longest first, then `''`. */
function basePaths(doc: Json): string[] {
  const paths = new Set<string>(['']);
  for (const server of (doc.servers as Array<{ url?: string }> | undefined) ?? []) {
    try {
      paths.add(new URL(server.url ?? '').pathname.replace(/\/+$/, ''));
    } catch {
      // a relative or templated server URL: no base path to strip
    }
  }
  return [...paths].sort((a, b) => b.length - a.length);
}

/** Finds the operation for `method path` (a server's base path stripped, `{param}` templates matched), or why there is none. */
function findOperation(doc: Json, method: string, path: string): Operation | string {
  const paths = (doc.paths as Json | undefined) ?? {};
  for (const base of basePaths(doc)) {
    if (base !== '' && !path.startsWith(`${base}/`)) continue;
    const rest = path.slice(base.length);
    for (const [template, item] of Object.entries(paths)) {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
      if (!pattern.test(rest) || !isObject(item)) continue;
      const m = method.toLowerCase();
      if (!isObject(item[m])) {
        const declared = Object.keys(item).filter((k) => ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(k));
        return `${method.toUpperCase()} is not an operation of ${template} (the spec declares ${declared.map((d) => d.toUpperCase()).join(', ')})`;
      }
      const pointer = pointerFrom(['paths', template, m]);
      const query = new Map<string, boolean>();
      const params = [...((item.parameters as unknown[]) ?? []), ...(((item[m] as Json).parameters as unknown[]) ?? [])];
      params.forEach((p, i) => {
        const param = resolveLocalRef(doc, p, `${pointer}/parameters/${i}`).node;
        if (param?.in === 'query' && typeof param.name === 'string') query.set(param.name, param.required === true);
      });
      return { label: `${method.toUpperCase()} ${template}`, pointer, node: item[m] as Json, query };
    }
  }
  return `${method.toUpperCase()} ${path} is not an operation of spec/openapi.yaml (its paths: ${Object.keys(paths).join(', ')}; also under ${basePaths(doc).filter(Boolean).join(', ')})`;
}

/** A pact header's values: V4 gives arrays, V2/V3 strings. */
const headerValues = (headers: unknown, name: string): string[] | undefined => {
  if (!isObject(headers)) return undefined;
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return found === undefined ? undefined : (Array.isArray(found) ? found : [found]).map(String);
};

/** The query parameter names of a pact request: V3/V4 give an object, V2 a query string. */
function queryNames(query: unknown): string[] {
  if (typeof query === 'string') return [...new URLSearchParams(query).keys()];
  return isObject(query) ? Object.keys(query) : [];
}

/** The example body of a pact response: V4 `{content, contentType, encoded}`, else the body itself; undefined when none or not JSON. */
function exampleBody(body: unknown): { present: boolean; json?: unknown; contentType?: string } {
  if (body === undefined || body === null) return { present: false };
  if (isObject(body) && 'content' in body && ('contentType' in body || 'encoded' in body)) {
    const contentType = typeof body.contentType === 'string' ? body.contentType : undefined;
    if (body.encoded !== false && body.encoded !== undefined) return { present: true, ...(contentType ? { contentType } : {}) };
    return { present: true, json: body.content, ...(contentType ? { contentType } : {}) };
  }
  return { present: true, json: body };
}

/** Checks one HTTP interaction against its operation; returns the mismatches (request, then response). */
function checkInteraction(doc: Json, file: string, interaction: Json): PactSpecMismatch[] {
  const name = typeof interaction.description === 'string' ? interaction.description : '(no description)';
  const out: PactSpecMismatch[] = [];
  const add = (part: PactSpecMismatch['part'], message: string, pointer?: string) => out.push({ file, interaction: name, part, message, ...(pointer !== undefined ? { pointer } : {}) });
  const request = isObject(interaction.request) ? interaction.request : {};
  const response = isObject(interaction.response) ? interaction.response : {};
  const op = findOperation(doc, String(request.method ?? 'GET'), String(request.path ?? '/'));
  if (typeof op === 'string') return [{ file, interaction: name, part: 'request', message: op }];
  const names = queryNames(request.query);
  for (const q of names) if (!op.query.has(q)) add('request', `query parameter "${q}" is not declared by ${op.label} (it declares ${[...op.query.keys()].join(', ') || 'none'})`);
  for (const [q, required] of op.query) if (required && !names.includes(q)) add('request', `the required query parameter "${q}" of ${op.label} is missing`);

  const status = Number(response.status ?? 200);
  const responses = (op.node.responses as Json | undefined) ?? {};
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
  if (key === undefined) {
    add('response', `status ${status} is not declared by ${op.label} (it declares ${Object.keys(responses).join(', ')})`);
    return out;
  }
  const declared = resolveLocalRef(doc, responses[key], `${op.pointer}/responses/${key}`);
  const spec = declared.node ?? {};
  const content = isObject(spec.content) ? spec.content : {};
  const body = exampleBody(response.body);
  const mediaType = (headerValues(response.headers, 'Content-Type')?.[0] ?? body.contentType)?.split(';')[0]!.trim().toLowerCase();
  if (body.present && Object.keys(content).length === 0) add('response', `status ${status} of ${op.label} has no body in the spec, but the pact expects one`);
  if (mediaType && Object.keys(content).length > 0 && !(mediaType in content)) add('response', `Content-Type ${mediaType} is not one the spec gives for status ${status} (${Object.keys(content).join(', ')})`);

  const headers = isObject(spec.headers) ? spec.headers : {};
  for (const [header, def] of Object.entries(headers)) {
    const values = headerValues(response.headers, header);
    if (values === undefined) continue;
    const schemaPointer = `${resolveLocalRef(doc, def, `${declared.pointer}/headers/${pointerFrom([header]).slice(1)}`).pointer}/schema`;
    for (const raw of values) {
      const value = /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : raw;
      for (const issue of validateCollapsed('api', schemaPointer, value)) add('response', `header ${header}: ${issue.message}`);
    }
  }
  const media = mediaType && isObject(content[mediaType]) ? (content[mediaType] as Json) : isObject(content['application/json']) ? (content['application/json'] as Json) : undefined;
  if (body.json !== undefined && media && isObject(media.schema)) {
    const schemaPointer = typeof media.schema.$ref === 'string' ? media.schema.$ref.slice(1) : `${declared.pointer}/content/${pointerFrom([mediaType ?? 'application/json']).slice(1)}/schema`;
    for (const issue of validateCollapsed('api', schemaPointer, body.json)) add('response', `body ${issue.pointer || '/'}: ${issue.message}`, issue.pointer);
  }
  return out;
}

/**
 * Checks that a consumer's pacts expect only what spec/openapi.yaml promises: each HTTP interaction's
 * request is an operation of the spec (method; path, with or without a server's base path such as
 * `/v1`; query parameters it declares, required ones present) and its response's status is declared
 * for that operation, its headers validate against the declared header schemas, its Content-Type is
 * one the spec gives, and its example body (the values Pact's matchers were given) validates against
 * the response schema. Pact V2–V4 files are read; non-HTTP interactions are counted, not checked.
 * Shape: see {@link PactSpecReport}; a document that is not a pact gives one mismatch naming the file.
 * @throws Error (start-up error) when spec/openapi.yaml is missing or broken. DESIGN §9 (`pacts-vs-spec`).
 */
export function checkPactsAgainstSpec(pacts: PactFile[]): PactSpecReport {
  const doc = loadSpecDocument('api');
  const report: PactSpecReport = { interactions: 0, notHttp: 0, mismatches: [] };
  for (const { file, document } of pacts) {
    const interactions = isObject(document) ? document.interactions : undefined;
    if (!Array.isArray(interactions)) {
      report.mismatches.push({ file, interaction: '(file)', part: 'request', message: 'is not a pact file: it has no "interactions" array' });
      continue;
    }
    for (const interaction of interactions) {
      if (!isObject(interaction) || (typeof interaction.type === 'string' && interaction.type !== 'Synchronous/HTTP') || !isObject(interaction.request)) {
        report.notHttp++;
        continue;
      }
      report.interactions++;
      report.mismatches.push(...checkInteraction(doc, file, interaction));
    }
  }
  return report;
}
