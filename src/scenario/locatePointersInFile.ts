import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { locateInDocument } from './locateInDocument.ts';

/**
 * The 1-based lines of a scenario file (YAML or JSON) that JSON pointers name, for problems found
 * after the schema (unknown ids, decimals, duplicates): one entry per pointer, undefined when the
 * file cannot be read or the pointer is not in it. Shape: `pointers` JSON pointers into the document;
 * never throws. DESIGN §7 (errors carry the line).
 */
export function locatePointersInFile(path: string, pointers: readonly string[]): Array<number | undefined> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return pointers.map(() => undefined);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter });
  return pointers.map((p) => locateInDocument(doc, lineCounter, p));
}
