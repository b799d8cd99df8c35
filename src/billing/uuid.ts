/**
 * A UUID of any version in the 8-4-4-4-12 hex form, case-insensitive (the spec's `format: uuid`).
 * Shape: 36 characters, dashes at positions 8, 13, 18 and 23. DESIGN §3.2, §6.1.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tells whether a value is a UUID string as {@link UUID_PATTERN} reads it (any version, any case).
 * Shape: anything in; `true` only for a 36-character string. Never throws. DESIGN §3.2, §6.1.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/**
 * Character positions, in a 36-character UUID, of its 32 hex digits in order: word `w`'s digit `k`
 * (most significant first) is at `UUID_DIGIT_AT[w * 8 + k]`. DESIGN §3.4 (packed ids).
 */
export const UUID_DIGIT_AT: readonly number[] = Array.from({ length: 32 }, (_, k) => k + (k >= 8 ? 1 : 0) + (k >= 12 ? 1 : 0) + (k >= 16 ? 1 : 0) + (k >= 20 ? 1 : 0));

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/**
 * Character codes of the UUID being formatted: '-' at 8, 13, 18 and 23, the digits rewritten in full by
 * every call, so nothing carries over between calls. Reused because one array per id made the
 * generator's million events ~8 % slower (bench/RESULTS.md).
 */
const SCRATCH = new Array<number>(36).fill(45);

/**
 * Writes four 32-bit words as a canonical lower-case UUID string, the inverse of packing one.
 * Shape: reads `words[offset .. offset + 3]` (unsigned 32-bit integers, most significant word first);
 * returns one flat 36-character string (not a rope of pieces). DESIGN §3.4 (packed ids), §7 (generators).
 */
export function formatUuidWords(words: ArrayLike<number>, offset = 0): string {
  for (let w = 0; w < 4; w++) {
    const value = words[offset + w]!;
    for (let k = 0; k < 8; k++) SCRATCH[UUID_DIGIT_AT[w * 8 + k]!] = HEX_CODES[(value >>> (28 - 4 * k)) & 15]!;
  }
  return String.fromCharCode.apply(null, SCRATCH);
}
