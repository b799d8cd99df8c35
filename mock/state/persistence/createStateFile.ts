import { constants, createReadStream } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { dirname } from 'node:path';
import { scenarioSource, type ScenarioSource } from '../buildStore.ts';
import type { JournalRecord } from '../commands.ts';
import type { MockState, StatePersistence, StateSnapshot } from '../createMockState.ts';
import { readScenarioStream } from '../readScenarioStream.ts';
import { serializeSnapshot } from '../serializeSnapshot.ts';
import { createMutex } from './createMutex.ts';
import { readJournal } from './readJournal.ts';

/** The file operations the state file uses (node:fs/promises); tests inject failing ones. */
export type StateFileSystem = Pick<typeof fsp, 'open' | 'rename' | 'unlink' | 'readFile' | 'stat'>;

/** A state file that cannot be used as it is: the start stops (exit 2) and the files are left untouched. */
export class StateFileError extends Error {}

/** How a state file behaves; every field but `path` is optional. */
export interface StateFileOptions {
  /** The snapshot's path (absolute); the journal is `path` + `.journal` beside it. */
  path: string;
  /** Warnings (a torn journal line dropped), errors (a failed background save) and progress. */
  logger: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
  fs?: StateFileSystem;
  /** Journal size (bytes) after which a snapshot is taken in the background; default 16 MiB. */
  compactAfterBytes?: number;
  /** Journal records after which a snapshot is taken in the background; default 10 000. */
  compactAfterRecords?: number;
}

/** What a state file held at start: the snapshot to build the state from, and the journal's records after it. */
export interface RecoveredState {
  source: ScenarioSource;
  records: JournalRecord[];
}

/**
 * `--state-file` (DESIGN §6.5): saves every change a mock state applies, so a 2xx means it is on disk.
 * `recover()` reads the snapshot and the journal at start; `attach(state)` makes the state save through
 * it (a change is appended to the journal and flushed before it is applied; a state replacement writes
 * a snapshot); `close()` takes a last snapshot on a clean stop. See docs/decisions/0011-state-commands-and-durability.md.
 */
export interface StateFile extends StatePersistence {
  readonly path: string;
  readonly journalPath: string;
  recover(): Promise<RecoveredState | undefined>;
  attach(state: MockState, fresh: boolean): Promise<void>;
  close(): Promise<void>;
}

const { O_WRONLY, O_CREAT, O_EXCL, O_APPEND, O_NOFOLLOW, O_RDONLY } = constants;
/** A fresh temp file: created here, never an existing file or a symlink planted at that name. */
const EXCLUSIVE = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;

/**
 * Creates the {@link StateFile} of `opts.path`: a snapshot in the scenario format (JSON, which YAML
 * also reads; written atomically: a fresh temp name opened exclusively, fsync, rename, fsync of the
 * folder) and a journal of applied changes beside it (one JSON line each, flushed before the change is
 * applied). Snapshots are taken when the journal grows past its limits (in the background: the state
 * is frozen in a view, the API keeps answering), when a change replaces the whole state, and at a clean stop.
 */
export function createStateFile(opts: StateFileOptions): StateFile {
  const fs = opts.fs ?? fsp;
  const path = opts.path;
  const journalPath = `${path}.journal`;
  const folder = dirname(path);
  const compactAfterBytes = opts.compactAfterBytes ?? 16 * 1024 * 1024;
  const compactAfterRecords = opts.compactAfterRecords ?? 10_000;
  const journalLock = createMutex();
  const snapshotLock = createMutex();
  let journal: fsp.FileHandle | undefined;
  let journalBytes = 0;
  /** The journal's lines since the last snapshot, to rewrite it without the records a snapshot holds. */
  let lines: Array<{ seq: number; text: string }> = [];
  let tornAt: number | undefined;
  let problem: string | undefined;
  let compacting: Promise<void> | undefined;
  let attached: MockState | undefined;

  const tempName = (base: string) => `${base}.tmp-${process.pid}-${globalThis.crypto.randomUUID().slice(0, 8)}`;

  async function syncFolder(): Promise<void> {
    const dir = await fs.open(folder, O_RDONLY);
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  /** Writes `pieces` to a fresh temp file beside `target`, flushes it, and renames it over `target`. */
  async function writeAtomically(target: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
    const temp = tempName(target);
    const handle = await fs.open(temp, EXCLUSIVE, 0o644);
    try {
      for await (const piece of pieces) await handle.write(piece);
      await handle.sync();
    } catch (err) {
      await handle.close().catch(() => undefined);
      await fs.unlink(temp).catch(() => undefined);
      throw err;
    }
    await handle.close();
    try {
      await fs.rename(temp, target);
    } catch (err) {
      await fs.unlink(temp).catch(() => undefined);
      throw err;
    }
    await syncFolder();
  }

  async function openJournal(): Promise<void> {
    journal = await fs.open(journalPath, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, 0o644);
    await syncFolder();
  }

  function fail(err: unknown): never {
    problem = `cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    throw new Error(problem);
  }

  /** Rewrites the journal with only the records after `revision` (they are not in the snapshot). */
  async function dropRecordsUpTo(revision: number): Promise<void> {
    await journalLock.run(async () => {
      const kept = lines.filter((l) => l.seq > revision);
      await writeAtomically(journalPath, kept.map((l) => l.text));
      await journal?.close().catch(() => undefined);
      await openJournal();
      lines = kept;
      journalBytes = kept.reduce((n, l) => n + Buffer.byteLength(l.text), 0);
    });
  }

  const file: StateFile = {
    path,
    journalPath,
    async recover() {
      const snapshot = await fs.stat(path).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)));
      const journalText = await fs.readFile(journalPath, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)));
      if (!snapshot) {
        if (journalText) throw new StateFileError(`${journalPath} exists but ${path} does not: restore ${path}, or remove the journal to start afresh.`);
        return undefined;
      }
      const records = journalText === undefined ? { records: [], goodBytes: 0 } : readJournal(journalText, journalPath);
      if ('error' in records) throw new StateFileError(records.error);
      if (records.torn) {
        opts.logger.warn(`${journalPath}: the last line was cut off by a crash and never acknowledged; it is dropped (${records.torn}).`);
        tornAt = records.goodBytes;
      }
      const head = Buffer.alloc(64);
      const probe = await fs.open(path, O_RDONLY);
      const { bytesRead } = await probe.read(head, 0, 64, 0);
      await probe.close();
      const json = head.subarray(0, bytesRead).toString('utf8').trimStart().startsWith('{');
      let source: ScenarioSource;
      if (json) source = readScenarioStream(createReadStream(path));
      else {
        const { parseScenarioText } = await import('../../../src/scenario/loadScenarioFile.ts'); // the YAML parser, loaded only for a YAML state file
        const parsed = parseScenarioText(await fs.readFile(path, 'utf8'), 'yaml', path);
        if (!parsed.ok) throw new StateFileError(`${path} is not a valid state file:\n${parsed.errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.pointer || '/'}: ${e.message}`).join('\n')}`);
        source = scenarioSource(parsed.scenario);
      }
      return { source, records: records.records };
    },
    async attach(state, fresh) {
      if (tornAt !== undefined) {
        const handle = await fs.open(journalPath, O_WRONLY | O_NOFOLLOW);
        await handle.truncate(tornAt);
        await handle.sync();
        await handle.close();
      }
      await openJournal();
      journalBytes = (await journal!.stat()).size;
      attached = state;
      if (fresh) await file.saveSnapshot(state.snapshot());
      state.attachPersistence(file);
    },
    async append(record) {
      const text = `${JSON.stringify(record)}\n`;
      await journalLock.run(async () => {
        if (!journal) fail(new Error('the journal is not open'));
        const before = journalBytes;
        try {
          await journal.write(text);
          await journal.datasync();
        } catch (err) {
          await journal.truncate(before).catch(() => undefined);
          fail(err);
        }
        journalBytes += Buffer.byteLength(text);
        lines.push({ seq: record.seq, text });
        problem = undefined;
      });
      if (!compacting && attached && (journalBytes > compactAfterBytes || lines.length > compactAfterRecords)) {
        const state = attached;
        compacting = file
          .saveSnapshot(state.snapshot())
          .catch((err: Error) => opts.logger.error(`background snapshot of ${path} failed (the journal keeps every change): ${err.message}`))
          .finally(() => (compacting = undefined));
      }
    },
    async saveSnapshot(snapshot: StateSnapshot) {
      await snapshotLock.run(async () => {
        try {
          await writeAtomically(path, serializeSnapshot(snapshot));
          await dropRecordsUpTo(snapshot.revision);
        } catch (err) {
          fail(err);
        }
        problem = undefined;
      });
    },
    health: () => (problem === undefined ? { status: 'ok' } : { status: 'degraded', reason: problem }),
    async close() {
      await compacting;
      if (attached && lines.length > 0) await file.saveSnapshot(attached.snapshot());
      await journalLock.run(async () => {
        await journal?.close().catch(() => undefined);
        journal = undefined;
      });
    },
  };
  return file;
}
