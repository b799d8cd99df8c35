import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { findJsonSyntaxError } from '../scenario/findJsonSyntaxError.ts';
import { locateInDocument } from '../scenario/locateInDocument.ts';
import { resolveUserPath } from './resolveUserPath.ts';

/**
 * A usage answer read for `scenario from-report`: the parsed JSON, a label naming where it came from
 * (the file as typed, `stdin`, or the URL asked), and a way to find the 1-based line of a JSON pointer
 * in the text (undefined when unknown). Issue 14.
 */
export interface ReportInput {
  value: unknown;
  label: string;
  lineOf(pointer: string): number | undefined;
}

/** Where to read from: a file (`-` for stdin), or a provider asked for the period. */
export type ReportSource =
  | { kind: 'file'; file: string }
  | { kind: 'fetch'; baseUrl: string; apiKey: string; start: string; end: string; companyId?: string };

type Read = { ok: true; input: ReportInput } | { ok: false; message: string };

/** Parses JSON text, or says where it stops being JSON (`label:line:column: reason`). */
function parseJsonText(text: string, label: string): Read {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const found = findJsonSyntaxError(text);
    if (!found) return { ok: false, message: `${label} is not JSON: ${(err as Error).message}` };
    const before = text.slice(0, found.offset);
    const line = before.split('\n').length;
    const column = found.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { ok: false, message: `${label}:${line}:${column}: not JSON: ${found.reason}` };
  }
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument> | undefined;
  const lineOf = (pointer: string): number | undefined => {
    doc ??= parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter });
    return doc.errors.length > 0 ? undefined : locateInDocument(doc, lineCounter, pointer);
  };
  return { ok: true, input: { value, label, lineOf } };
}

/** Reads all of stdin as UTF-8 text. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Asks `GET {baseUrl}/billing/usage` for the period; a non-200 or a body that is not JSON is a failure naming the URL. */
async function fetchReport(source: Extract<ReportSource, { kind: 'fetch' }>): Promise<Read> {
  let url: URL;
  try {
    url = new URL(`${source.baseUrl.replace(/\/+$/, '')}/billing/usage`);
  } catch {
    return { ok: false, message: `--base-url ${source.baseUrl} is not a URL (e.g. http://127.0.0.1:4010)` };
  }
  url.searchParams.set('start', source.start);
  url.searchParams.set('end', source.end);
  if (source.companyId !== undefined) url.searchParams.set('companyId', source.companyId);
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${source.apiKey}`, Accept: 'application/json' } });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, message: `Cannot reach ${url.origin}: ${cause?.code ?? cause?.message ?? (err as Error).message}` };
  }
  const text = await res.text();
  if (res.status !== 200) {
    let error = text.slice(0, 200);
    try {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      if (body.error?.code) error = `${body.error.code}: ${body.error.message ?? ''}`;
    } catch {
      // not JSON: the start of the text says enough
    }
    return { ok: false, message: `GET ${url.href} answered ${res.status} (${error}), not a usage report` };
  }
  return parseJsonText(text, `the answer of GET ${url.href}`);
}

/**
 * Reads the usage answer `scenario from-report` works on: a JSON file (path relative to where the
 * command was typed, see resolveUserPath), stdin for `-`, or a provider's answer to
 * `GET /billing/usage?start&end[&companyId]` with `Authorization: Bearer KEY`.
 * @returns the parsed input, or one sentence for the user (a CLI exit 2): the file cannot be read
 * (naming it and the system's code), the text is not JSON (with line and column), the provider cannot
 * be reached or answered other than 200. Never throws. Issue 14.
 */
export async function readReportInput(source: ReportSource): Promise<Read> {
  if (source.kind === 'fetch') return fetchReport(source);
  if (source.file === '-') return parseJsonText(await readStdin(), 'stdin');
  let text: string;
  try {
    text = readFileSync(resolveUserPath(source.file), 'utf8');
  } catch (err) {
    return { ok: false, message: `Cannot read ${source.file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  return parseJsonText(text, source.file);
}
