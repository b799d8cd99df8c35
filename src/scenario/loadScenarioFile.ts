import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { findJsonSyntaxError } from './findJsonSyntaxError.ts';
import { locateInDocument } from './locateInDocument.ts';
import type { ScenarioError, ScenarioLoadResult } from './types.ts';
import { validateScenario } from './validateScenario.ts';

const FORMATS: Record<string, 'yaml' | 'json'> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };

/** The first line of a yaml error message, without its trailing ` at line L, column C:` (we report those apart). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Parses JSON strictly (JSON.parse); on failure, the error with the line and column of the first bad character. */
function parseJson(text: string, lineCounter: LineCounter): { value?: unknown; error?: Omit<ScenarioError, 'file'> } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    const found = findJsonSyntaxError(text);
    if (!found) return { error: { pointer: '', message: `JSON syntax error: ${(err as Error).message}` } };
    const { line, col } = lineCounter.linePos(found.offset);
    return { error: { pointer: '', line, column: col, message: `JSON syntax error: ${found.reason}` } };
  }
}

/**
 * Reads a scenario file (YAML by `.yaml`/`.yml`, JSON by `.json`) and validates it against
 * `spec/scenario.schema.json` (DESIGN §7), refusing `__proto__`, `constructor` and `prototype` keys (§6.3).
 * Each error names the file, the field's JSON pointer and its 1-based line (YAML and JSON alike, from
 * the `yaml` parser's positions); a syntax error also has its column. Unknown companies in events,
 * duplicate ids and decimals are left to the store.
 * @param path the file, relative to the working directory or absolute; reported as given.
 * @returns the scenario, or every error found (errors sorted by line); never throws for a bad file.
 */
export function loadScenarioFile(path: string): ScenarioLoadResult {
  const fail = (errors: Array<Omit<ScenarioError, 'file'>>): ScenarioLoadResult => ({
    ok: false,
    errors: errors.map((e) => ({ file: path, ...e })).sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)),
  });
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) return fail([{ pointer: '', message: `unsupported file extension "${extname(path)}": use .yaml, .yml or .json` }]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return fail([{ pointer: '', message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }]);
  }

  const lineCounter = new LineCounter();
  // The yaml parser reads JSON too (YAML 1.2 is a superset): it gives positions for both formats.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  let value: unknown;
  if (format === 'json') {
    const parsed = parseJson(text, lineCounter);
    if (parsed.error) return fail([parsed.error]);
    value = parsed.value;
  } else {
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
  const positions = doc.errors.length === 0;
  return fail(result.issues.map((issue) => ({ ...issue, line: positions ? locateInDocument(doc, lineCounter, issue.pointer) : undefined })));
}
