import { compareCodeUnits } from '../billing/compareCodeUnits.ts';
import { formatUuidWords, UUID_DIGIT_AT } from '../billing/uuid.ts';

/**
 * A growable column of ids, four 32-bit words per row for canonical lower-case UUIDs, so a million
 * ids cost 16 MB off the JS heap instead of a million strings; any other id is kept as a string in
 * `others` (row → id). Shape: `words.length` ≥ 4 × rows. DESIGN §3.4 (index memory).
 */
export interface PackedIds {
  words: Uint32Array;
  others: Map<number, string>;
}

/**
 * Creates an empty id column with room for `capacity` rows.
 * Units: `capacity` a row count; `words` gets 4 × `capacity` zeroed 32-bit words. DESIGN §3.4 (index memory).
 */
export function createPackedIds(capacity: number): PackedIds {
  return { words: new Uint32Array(capacity * 4), others: new Map() };
}

/** The value of hex digit `code` (lower case only), or −1. */
function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * Writes a canonical lower-case UUID as four 32-bit words at `out[offset .. offset + 3]` (most
 * significant first) and returns true; returns false (words then undefined) for any other string.
 * DESIGN §3.4 (packed ids).
 */
export function packUuid(id: string, out: Uint32Array, offset: number): boolean {
  if (id.length !== 36 || id.charCodeAt(8) !== 45 || id.charCodeAt(13) !== 45 || id.charCodeAt(18) !== 45 || id.charCodeAt(23) !== 45) return false;
  for (let w = 0; w < 4; w++) {
    let value = 0;
    for (let k = 0; k < 8; k++) {
      const v = nibble(id.charCodeAt(UUID_DIGIT_AT[w * 8 + k]!));
      if (v < 0) return false;
      value = value * 16 + v;
    }
    out[offset + w] = value;
  }
  return true;
}

/**
 * Stores `id` at `row`, packed into four words when it is a canonical lower-case UUID, else kept in `others`.
 * Shape: `row` < the column's capacity (`words.length / 4`; not checked). DESIGN §3.4 (index memory).
 */
export function setId(col: PackedIds, row: number, id: string): void {
  if (packUuid(id, col.words, row * 4)) {
    col.others.delete(row);
    return;
  }
  col.others.set(row, id);
}

/** Reads the id at `row` back as exactly the string that was stored (UUIDs lower-case, as stored). DESIGN §3.4. */
export function getId(col: PackedIds, row: number): string {
  const other = col.others.get(row);
  if (other !== undefined) return other;
  return formatUuidWords(col.words, row * 4);
}

/**
 * Orders two rows' ids: packed before others, packed by words, others by code units; 0 when equal.
 * Shape: a negative number, 0 or a positive number, for sorting; only equality carries meaning (interviews). DESIGN §3.4.
 */
export function compareIds(col: PackedIds, a: number, b: number): number {
  const oa = col.others.size === 0 ? undefined : col.others.get(a);
  const ob = col.others.size === 0 ? undefined : col.others.get(b);
  if (oa === undefined && ob === undefined) {
    for (let w = 0; w < 4; w++) {
      const d = col.words[a * 4 + w]! - col.words[b * 4 + w]!;
      if (d !== 0) return d;
    }
    return 0;
  }
  if (oa === undefined) return -1;
  if (ob === undefined) return 1;
  return compareCodeUnits(oa, ob);
}

/** A new column holding `rows` (row numbers of `col`) in that order, with no spare room. DESIGN §3.4. */
export function pickIds(col: PackedIds, rows: ArrayLike<number>): PackedIds {
  const out = createPackedIds(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    for (let w = 0; w < 4; w++) out.words[k * 4 + w] = col.words[row * 4 + w]!;
    const other = col.others.size === 0 ? undefined : col.others.get(row);
    if (other !== undefined) out.others.set(k, other);
  }
  return out;
}

/**
 * A copy of `col` with room for `capacity` rows (`capacity` ≥ current rows); `others` is shared, not copied.
 * Units: `capacity` a row count. DESIGN §3.4 (index memory).
 */
export function growIds(col: PackedIds, capacity: number): PackedIds {
  const words = new Uint32Array(capacity * 4);
  words.set(col.words.subarray(0, Math.min(col.words.length, words.length)));
  return { words, others: col.others };
}
