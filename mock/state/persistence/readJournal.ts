import type { JournalRecord } from '../commands.ts';

/** What a journal holds: its records in order, the byte length of its whole lines, and why a torn last line was dropped. */
export type JournalContents = { records: JournalRecord[]; goodBytes: number; torn?: string } | { error: string };

/**
 * Reads a `--state-file` journal (one JSON record a line, each ending in `\n`; DESIGN §6.5). A last
 * line that is cut off (no newline) or does not parse was being written when the process died and was
 * never acknowledged: it is reported in `torn` and left out; `goodBytes` is where the journal should
 * be cut. Any other bad line, or records out of sequence, is corruption: `error` names the file and line.
 */
export function readJournal(text: string, file: string): JournalContents {
  const records: JournalRecord[] = [];
  let offset = 0;
  let lineNo = 0;
  while (offset < text.length) {
    lineNo++;
    const end = text.indexOf('\n', offset);
    const line = end < 0 ? text.slice(offset) : text.slice(offset, end);
    const last = end < 0 || end === text.length - 1;
    let record: JournalRecord | undefined;
    try {
      const parsed = JSON.parse(line) as JournalRecord;
      if (Number.isSafeInteger(parsed?.seq) && parsed.command && typeof parsed.command.type === 'string') record = parsed;
    } catch {
      record = undefined;
    }
    if (end < 0 || !record) {
      if (last) return { records, goodBytes: Buffer.byteLength(text.slice(0, offset)), torn: end < 0 ? `line ${lineNo} has no end` : `line ${lineNo} is not a record` };
      return { error: `${file}:${lineNo}: not a journal record; the journal is damaged (restore it, or remove it to lose the changes it holds).` };
    }
    const previous = records[records.length - 1];
    if (previous && record.seq !== previous.seq + 1) return { error: `${file}:${lineNo}: record ${record.seq} does not follow record ${previous.seq}; the journal is damaged.` };
    records.push(record);
    offset = end + 1;
  }
  return { records, goodBytes: Buffer.byteLength(text) };
}
