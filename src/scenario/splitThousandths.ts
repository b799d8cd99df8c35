/**
 * Splits a quantity held in integer thousandths into `parts` non-negative integer shares that add up
 * to it exactly, as evenly as integers allow: every share is ⌊total / parts⌋ or one more, and the
 * larger shares come first. Units: thousandths of a minute or of a credit, in and out (so each share,
 * divided by 1000, is a quantity with at most 3 decimals). DESIGN §3.6 ("sums are exact").
 * @example splitThousandths(1, 3) → [1, 0, 0]; splitThousandths(245_500, 42) → 10 × 5846 then 32 × 5845.
 * @throws RangeError (programmer error) when `total` is not a non-negative safe integer or `parts`
 * not a positive safe integer.
 */
export function splitThousandths(total: number, parts: number): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`splitThousandths: total must be a non-negative safe integer, got ${total}`);
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`splitThousandths: parts must be a positive safe integer, got ${parts}`);
  const share = Math.floor(total / parts);
  const larger = total - share * parts; // 0 ≤ larger < parts
  return Array.from({ length: parts }, (_, i) => (i < larger ? share + 1 : share));
}
