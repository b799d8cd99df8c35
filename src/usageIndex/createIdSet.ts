import { packUuid } from './packedIds.ts';

/**
 * A set of event ids that stays small and cheap at a million entries: canonical lower-case UUIDs are
 * kept as four 32-bit words in open-addressing tables of typed arrays (about 40 bytes an id, none on
 * the JS heap), any other id in a plain `Set`. The UUIDs are spread over {@link SEGMENTS} tables by
 * their hash, so growing one never copies more than a sixty-fourth of the set at once (no long pause
 * while a million ids load, DESIGN §6.6). `freeze()` hands out a read-only copy sharing the arrays; the
 * set copies a table before its next change to it (copy on write). DESIGN §6.1 (duplicate ids).
 */
export interface IdSet {
  readonly size: number;
  has(id: string): boolean;
  /** Adds `id`; false when it was there already. */
  add(id: string): boolean;
  /** Removes `id`; false when it was not there. */
  delete(id: string): boolean;
  /** A read-only set of the ids as of now, unaffected by later changes. */
  freeze(): ReadonlyIdSet;
}

/** A frozen {@link IdSet}: membership only, and the source of a new set (`createIdSet(frozen)`). */
export interface ReadonlyIdSet {
  readonly size: number;
  has(id: string): boolean;
  /** @internal the shared tables and non-UUID ids. */
  readonly parts: { tables: readonly IdTable[]; others: ReadonlySet<string> };
}

/** @internal One table: 4 words a slot; `state` 0 empty, 1 used, 2 deleted. */
interface IdTable {
  words: Uint32Array;
  state: Uint8Array;
  used: number;
  deleted: number;
}

/** How many tables the UUIDs are spread over (a power of two). */
const SEGMENTS = 64;
const EMPTY = 0;
const USED = 1;
const DELETED = 2;

function emptyTable(slots: number): IdTable {
  return { words: new Uint32Array(slots * 4), state: new Uint8Array(slots), used: 0, deleted: 0 };
}

function copyTable(t: IdTable): IdTable {
  return { words: t.words.slice(), state: t.state.slice(), used: t.used, deleted: t.deleted };
}

/** The hash of the packed id in `key`. */
function hashOf(key: Uint32Array): number {
  let h = Math.imul(key[0]! ^ Math.imul(key[1]!, 0x9e3779b1) ^ Math.imul(key[2]!, 0x85ebca77) ^ Math.imul(key[3]!, 0xc2b2ae3d), 0x27d4eb2f);
  h ^= h >>> 15;
  return h >>> 0;
}

/** The slot of the packed id in `key` (hash `h`): where it is, or (negated, minus one) the first free slot on its probe path. */
function find(t: IdTable, key: Uint32Array, h: number): number {
  const mask = t.state.length - 1;
  let slot = h & mask;
  let free = -1;
  for (;;) {
    const s = t.state[slot]!;
    if (s === EMPTY) return -((free === -1 ? slot : free) + 1);
    if (s === DELETED) {
      if (free === -1) free = slot;
    } else {
      const o = slot * 4;
      if (t.words[o] === key[0] && t.words[o + 1] === key[1] && t.words[o + 2] === key[2] && t.words[o + 3] === key[3]) return slot;
    }
    slot = (slot + 1) & mask;
  }
}

/** A table with the same ids and `slots` slots (a power of two), deleted slots dropped. */
function rehash(t: IdTable, slots: number): IdTable {
  const next = emptyTable(slots);
  const key = new Uint32Array(4);
  const words = t.words;
  for (let slot = 0; slot < t.state.length; slot++) {
    if (t.state[slot] !== USED) continue;
    const o = slot * 4;
    key[0] = words[o]!;
    key[1] = words[o + 1]!;
    key[2] = words[o + 2]!;
    key[3] = words[o + 3]!;
    const at = -find(next, key, hashOf(key)) - 1;
    next.words.set(key, at * 4);
    next.state[at] = USED;
    next.used++;
  }
  return next;
}

/** Creates an empty {@link IdSet}, or one holding a frozen set's ids (sharing its arrays until the first change). */
export function createIdSet(from?: ReadonlyIdSet): IdSet {
  const tables: IdTable[] = from ? [...from.parts.tables] : Array.from({ length: SEGMENTS }, () => emptyTable(64));
  const shared = new Array<boolean>(SEGMENTS).fill(from !== undefined);
  let others = new Set(from?.parts.others ?? []);
  let othersShared = false;
  const key = new Uint32Array(4);
  /** The segment of `key` (hash `h`), copied first if it is shared with a frozen set. */
  const own = (segment: number): IdTable => {
    if (shared[segment]) {
      tables[segment] = copyTable(tables[segment]!);
      shared[segment] = false;
    }
    return tables[segment]!;
  };
  const has = (ts: readonly IdTable[], os: ReadonlySet<string>, id: string): boolean => {
    if (!packUuid(id, key, 0)) return os.has(id);
    const h = hashOf(key);
    return find(ts[h >>> 26]!, key, h) >= 0;
  };
  const size = () => tables.reduce((n, t) => n + t.used, 0) + others.size;
  return {
    get size() {
      return size();
    },
    has: (id) => has(tables, others, id),
    add(id) {
      if (!packUuid(id, key, 0)) {
        if (others.has(id)) return false;
        if (othersShared) (others = new Set(others)), (othersShared = false);
        others.add(id);
        return true;
      }
      const h = hashOf(key);
      const segment = h >>> 26;
      if (find(tables[segment]!, key, h) >= 0) return false;
      let t = own(segment);
      if ((t.used + t.deleted + 1) * 10 > t.state.length * 6) t = tables[segment] = rehash(t, t.used * 10 > t.state.length * 3 ? t.state.length * 2 : t.state.length);
      const at = -find(t, key, h) - 1;
      if (t.state[at] === DELETED) t.deleted--;
      t.words.set(key, at * 4);
      t.state[at] = USED;
      t.used++;
      return true;
    },
    delete(id) {
      if (!packUuid(id, key, 0)) {
        if (!others.has(id)) return false;
        if (othersShared) (others = new Set(others)), (othersShared = false);
        return others.delete(id);
      }
      const h = hashOf(key);
      const segment = h >>> 26;
      if (find(tables[segment]!, key, h) < 0) return false;
      const t = own(segment);
      t.state[find(t, key, h)] = DELETED;
      t.used--;
      t.deleted++;
      return true;
    },
    freeze() {
      shared.fill(true);
      othersShared = true;
      const frozenTables = [...tables];
      const frozenOthers = others;
      return { size: size(), has: (id: string) => has(frozenTables, frozenOthers, id), parts: { tables: frozenTables, others: frozenOthers } };
    },
  };
}
