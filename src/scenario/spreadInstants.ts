/**
 * Places `count` distinct instants evenly over the period `[startMs, endMs)`: instant i is at
 * startMs + ⌊(2i + 1) × span / (2 × count)⌋, the middle of the i-th of `count` equal slices, so none
 * falls on `start` or `end` when the slices are wider than a millisecond. Units: milliseconds since
 * 1970-01-01T00:00:00Z, in and out; ascending. Computed with BigInt, so long periods and many
 * instants stay exact. DESIGN §3.2 (the period is `[start, end)`).
 * @returns [] for count 0.
 * @throws RangeError (programmer error) when the period is empty or holds fewer than `count`
 * milliseconds (the instants would not all be distinct): check {@link instantsFit} first.
 */
export function spreadInstants(startMs: number, endMs: number, count: number): number[] {
  if (!instantsFit(startMs, endMs, count)) {
    throw new RangeError(`spreadInstants: ${count} distinct milliseconds do not fit in [${startMs}, ${endMs})`);
  }
  const start = BigInt(startMs);
  const span = BigInt(endMs - startMs);
  const twice = 2n * BigInt(count);
  return Array.from({ length: count }, (_, i) => Number(start + ((2n * BigInt(i) + 1n) * span) / twice));
}

/**
 * Tells whether `count` distinct millisecond instants fit in `[startMs, endMs)`: the period must be
 * non-empty and at least `count` milliseconds long. Units: milliseconds since epoch. DESIGN §3.2.
 */
export function instantsFit(startMs: number, endMs: number, count: number): boolean {
  return Number.isSafeInteger(startMs) && Number.isSafeInteger(endMs) && Number.isSafeInteger(count) && count >= 0 && endMs > startMs && endMs - startMs >= count;
}
