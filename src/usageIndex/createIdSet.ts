import { packUuid } from './packedIds.ts';

/**
 * A set of event ids that stays small and cheap to copy at a million entries: canonical lower-case
 * UUIDs are kept as four 32-bit words in an open-addressing table of typed arrays (about 40 bytes an id,
 * none on the JS heap), any other id in a plain `Set`. `freeze()` hands out a read-only copy that shares
 * the arrays; the set copies them before its next change (copy on write). DESIGN §6.1 (duplicate ids),
 * §6.6 (large states).
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
  /** @internal the shared table. */
  readonly table: IdTable;
}

/** @internal The table behind an {@link IdSet}: 4 words a slot; `state` 0 empty, 1 used, 2 deleted. */
interface IdTable {
  words: Uint32Array;
  state: Uint8Array;
  used: number;
  deleted: number;
  others: Set<string>;
}

const EMPTY = 0;
const USED = 1;
const DELETED = 2;

function emptyTable(slots: number): IdTable {
  return { words: new Uint32Array(slots * 4), state: new Uint8Array(slots), used: 0, deleted: 0, others: new Set() };
}

function copyTable(t: IdTable): IdTable {
  return { words: t.words.slice(), state: t.state.slice(), used: t.used, deleted: t.deleted, others: new Set(t.others) };
}

/** The slot of the packed id in `key`: where it is, or (negated, minus one) the first free slot on its probe path. */
function find(t: IdTable, key: Uint32Array): number {
  const mask = t.state.length - 1;
  let h = Math.imul(key[0]! ^ Math.imul(key[1]!, 0x9e3779b1) ^ Math.imul(key[2]!, 0x85ebca77) ^ Math.imul(key[3]!, 0xc2b2ae3d), 0x27d4eb2f);
  h ^= h >>> 15;
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

/** A table with the same ids and room for `slots` slots (a power of two), deleted slots dropped. */
function rehash(t: IdTable, slots: number): IdTable {
  const next = emptyTable(slots);
  next.others = t.others;
  const key = new Uint32Array(4);
  for (let slot = 0; slot < t.state.length; slot++) {
    if (t.state[slot] !== USED) continue;
    key.set(t.words.subarray(slot * 4, slot * 4 + 4));
    const at = -find(next, key) - 1;
    next.words.set(key, at * 4);
    next.state[at] = USED;
    next.used++;
  }
  return next;
}

/** Creates an empty {@link IdSet}, or one holding a frozen set's ids (sharing its arrays until the first change). */
export function createIdSet(from?: ReadonlyIdSet): IdSet {
  let table: IdTable = from ? from.table : emptyTable(1024);
  let shared = from !== undefined;
  const key = new Uint32Array(4);
  const own = (): IdTable => {
    if (shared) {
      table = copyTable(table);
      shared = false;
    }
    return table;
  };
  const has = (t: IdTable, id: string): boolean => (packUuid(id, key, 0) ? find(t, key) >= 0 : t.others.has(id));
  const set: IdSet = {
    get size() {
      return table.used + table.others.size;
    },
    has: (id) => has(table, id),
    add(id) {
      if (!packUuid(id, key, 0)) {
        if (table.others.has(id)) return false;
        own().others.add(id);
        return true;
      }
      if (find(table, key) >= 0) return false;
      let t = own();
      if ((t.used + t.deleted + 1) * 10 > t.state.length * 6) t = table = rehash(t, t.used * 10 > t.state.length * 3 ? t.state.length * 2 : t.state.length);
      const at = -find(t, key) - 1;
      if (t.state[at] === DELETED) t.deleted--;
      t.words.set(key, at * 4);
      t.state[at] = USED;
      t.used++;
      return true;
    },
    delete(id) {
      if (!packUuid(id, key, 0)) return table.others.has(id) ? own().others.delete(id) : false;
      if (find(table, key) < 0) return false;
      const t = own();
      const at = find(t, key);
      t.state[at] = DELETED;
      t.used--;
      t.deleted++;
      return true;
    },
    freeze() {
      shared = true;
      const frozen = table;
      return { size: frozen.used + frozen.others.size, has: (id: string) => has(frozen, id), table: frozen };
    },
  };
  return set;
}
