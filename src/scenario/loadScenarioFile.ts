import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { findJsonSyntaxError } from './findJsonSyntaxError.ts';
import { locateInDocument } from './locateInDocument.ts';
import type { ScenarioError, ScenarioLoadResult } from './types.ts';
import { validateScenario } from './validateScenario.ts';

const FORMATS: Record<string, 'yaml' | 'json'> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };

/** The first line of a yaml error message, without its trailing ` at line L, column C:` (we report those apart). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** The 1-based line and column of an offset in a text. */
function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** Parses JSON strictly (JSON.parse); on failure, the error with the line and column of the first bad character. */
function parseJson(text: string): { value?: unknown; error?: Omit<ScenarioError, 'file'> } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    const found = findJsonSyntaxError(text);
    if (!found) return { error: { pointer: '', message: `JSON syntax error: ${(err as Error).message}` } };
    return { error: { pointer: '', ...lineColumnAt(text, found.offset), message: `JSON syntax error: ${found.reason}` } };
  }
}

/**
 * Reads a scenario file (YAML by `.yaml`/`.yml`, JSON by `.json`) and validates it against
 * `spec/scenario.schema.json` (DESIGN §7), refusing `__proto__`, `constructor` and `prototype` keys (§6.3).
 * Each error names the file, the field's JSON pointer and its 1-based line (YAML and JSON alike, from
 * the `yaml` parser's positions; a valid JSON file is not re-parsed for them); a syntax error also has its column. Unknown companies in events,
 * duplicate ids and decimals are left to the store.
 * @param path the file, relative to the working directory or absolute; reported as given.
 * @returns the scenario, or every error found (errors sorted by line); never throws for a bad file.
 * @throws Error naming spec/scenario.schema.json only when that file is missing or broken (a broken checkout).
 */
export function loadScenarioFile(path: string): ScenarioLoadResult {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) return failWith(path, [{ pointer: '', message: `unsupported file extension "${extname(path)}": use .yaml, .yml or .json` }]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return failWith(path, [{ pointer: '', message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }]);
  }
  return parseScenarioText(text, format, path);
}

/** A failed load: every error tied to `file`, sorted by line. */
function failWith(file: string, errors: Array<Omit<ScenarioError, 'file'>>): ScenarioLoadResult {
  return { ok: false, errors: errors.map((e) => ({ file, ...e })).sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
}

/**
 * Parses a scenario document's text (YAML or JSON) and validates it against `spec/scenario.schema.json`
 * (DESIGN §7), refusing `__proto__`, `constructor` and `prototype` keys (§6.3); each error names
 * `file` (a path, or a label such as "request body"), the field's JSON pointer and its 1-based line.
 * @returns the scenario, or every error found (sorted by line); never throws for bad input.
 */
export function parseScenarioText(text: string, format: 'yaml' | 'json', file: string): ScenarioLoadResult {
  const fail = (errors: Array<Omit<ScenarioError, 'file'>>) => failWith(file, errors);
  let value: unknown;
  let doc: Document | undefined;
  const lineCounter = new LineCounter();
  if (format === 'json') {
    const parsed = parseJson(text);
    if (parsed.error) return fail([parsed.error]);
    value = parsed.value;
  } else {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return fail(doc.errors.map((e) => ({ pointer: '', line: e.linePos?.[0].line, column: e.linePos?.[0].col, message: `YAML syntax error: ${firstLine(e.message)}` })));
    }
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      return fail([{ pointer: '', message: `YAML error: ${firstLine((err as Error).message)}` }]);
    }
  }

  const result = validateScenario(value);
  if (result.ok) return result;
  // A JSON file is parsed a second time, by the yaml parser (YAML 1.2 reads JSON), only to find lines.
  doc ??= parseDocument(text, { lineCounter, uniqueKeys: true });
  const positions = doc.errors.length === 0;
  return fail(result.issues.map((issue) => ({ ...issue, line: positions ? locateInDocument(doc, lineCounter, issue.pointer) : undefined })));
}
