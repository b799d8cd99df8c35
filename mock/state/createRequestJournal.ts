import type { components } from '../../src/generated/admin.ts';

/** How many requests a journal keeps unless told otherwise (DESIGN §12). */
export const DEFAULT_JOURNAL_CAPACITY = 1000;

/**
 * One request the mock answered on a non-`/__admin` path, as `GET /__admin/requests` lists it: the
 * type generated from spec/admin.openapi.yaml `JournalEntry` (DESIGN §12). `seq` counts 1, 2, 3, … over
 * the state's life (a clear does not restart it); `at` the mock clock's ISO 8601 instant of arrival; `ms`
 * wall milliseconds to the last byte; the API key is never kept whole, only `keySuffix`
 * ({@link keySuffixOf}); `session` null for the default state.
 */
export type JournalEntry = components['schemas']['JournalEntry'];

/** What a caller records: an entry without `seq`, with the raw key (kept only as its suffix). */
export type JournalInput = Omit<JournalEntry, 'seq' | 'keySuffix'> & { apiKey: string | undefined };

/** Which entries `list` returns; every field given must match (AND). */
export interface JournalFilter {
  /** Exact path, e.g. `/billing/usage`. */
  path?: string;
  /** A whole key or a key suffix as the journal shows it (a leading `…` is ignored). */
  key?: string;
  status?: number;
  requestId?: string;
}

/** A page of the journal: newest first. */
export interface JournalPage {
  /** How many entries the journal keeps at most. */
  capacity: number;
  /** How many kept entries match the filter (before `limit`). */
  total: number;
  /** How many entries the cap pushed out since the journal was created or last cleared. */
  dropped: number;
  items: JournalEntry[];
}

/**
 * The request journal of one mock state (DESIGN §12): the last `capacity` requests, in a ring buffer
 * of fixed size, so memory stays bounded whatever the traffic. Not a command-driven part of the state:
 * not saved by `--state-file`, not in `GET /__admin/state`, kept across `reset` and scenario loads
 * (docs/decisions/0013-console-and-request-journal.md).
 */
export interface RequestJournal {
  readonly capacity: number;
  /** Appends one answered request, dropping the oldest when full; returns the entry as kept. */
  record(input: JournalInput): JournalEntry;
  /** The kept entries matching `filter`, newest first, at most `limit` of them (default all). */
  list(filter?: JournalFilter, limit?: number): JournalPage;
  /** Forgets every entry; returns how many there were. */
  clear(): number;
  /** How many entries are kept now. */
  size(): number;
}

/**
 * What the journal keeps of an API key: its last 4 characters, and never more than half of it (a key
 * of 6 characters keeps 3, of 1 character none: `""`). The request log shows the same 4 (`…obex`).
 */
export function keySuffixOf(key: string): string {
  const n = Math.min(4, Math.floor(key.length / 2));
  return n === 0 ? '' : key.slice(-n);
}

/** Whether an entry's suffix is the one `wanted` names: the suffix itself, or a whole key ending so. */
function keyMatches(suffix: string | null, wanted: string): boolean {
  if (suffix === null || suffix === '') return false;
  const value = wanted.startsWith('…') ? wanted.slice(1) : wanted;
  return suffix === value || suffix === keySuffixOf(value);
}

/**
 * Creates an empty {@link RequestJournal} keeping at most `capacity` entries (default
 * {@link DEFAULT_JOURNAL_CAPACITY}).
 * @throws RangeError when `capacity` is not a whole number from 1 to 1 000 000 (a start-up error).
 */
export function createRequestJournal(capacity = DEFAULT_JOURNAL_CAPACITY): RequestJournal {
  if (!Number.isSafeInteger(capacity) || capacity < 1 || capacity > 1_000_000) {
    throw new RangeError(`Request journal capacity must be a whole number from 1 to 1000000, got ${capacity}.`);
  }
  const slots: (JournalEntry | undefined)[] = new Array(capacity);
  let next = 0;
  let size = 0;
  let seq = 0;
  let dropped = 0;
  return {
    capacity,
    record({ apiKey, ...rest }) {
      const entry: JournalEntry = { seq: ++seq, ...rest, keySuffix: apiKey === undefined ? null : keySuffixOf(apiKey) };
      if (size === capacity) dropped++;
      else size++;
      slots[next] = entry;
      next = (next + 1) % capacity;
      return entry;
    },
    list(filter = {}, limit = Number.POSITIVE_INFINITY) {
      const items: JournalEntry[] = [];
      let total = 0;
      for (let i = 1; i <= size; i++) {
        const entry = slots[(next - i + capacity) % capacity]!;
        if (filter.path !== undefined && entry.path !== filter.path) continue;
        if (filter.status !== undefined && entry.status !== filter.status) continue;
        if (filter.requestId !== undefined && entry.requestId !== filter.requestId) continue;
        if (filter.key !== undefined && !keyMatches(entry.keySuffix, filter.key)) continue;
        total++;
        if (items.length < limit) items.push(entry);
      }
      return { capacity, total, dropped, items };
    },
    clear() {
      const cleared = size;
      slots.fill(undefined);
      next = 0;
      size = 0;
      dropped = 0;
      return cleared;
    },
    size: () => size,
  };
}
