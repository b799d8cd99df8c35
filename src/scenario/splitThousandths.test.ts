import { describe, expect, it } from 'vitest';
import { splitThousandths } from './splitThousandths.ts';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('splitThousandths (exact shares of a quantity in thousandths)', () => {
  it('splits 245.5 minutes over 42 events into 10 shares of 5.846 and 32 of 5.845, summing to exactly 245.5', () => {
    // 245 500 / 42 = 5845 remainder 10: ten shares get one thousandth more.
    const shares = splitThousandths(245_500, 42);
    expect(shares).toEqual([...Array(10).fill(5846), ...Array(32).fill(5845)]);
    expect(sum(shares)).toBe(245_500);
    const minutes = shares.map((s) => s / 1000);
    expect(minutes.every((m) => /^\d+(\.\d{1,3})?$/.test(String(m)))).toBe(true);
  });

  it('splits 0.001 over 3 events as 0.001, 0 and 0', () => {
    expect(splitThousandths(1, 3)).toEqual([1, 0, 0]);
  });

  it('splits 0 over 4 events as four zeros', () => {
    expect(splitThousandths(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it('gives the whole quantity to a single event', () => {
    expect(splitThousandths(612_500, 1)).toEqual([612_500]);
  });

  it('keeps the largest exact quantity exact over 7 events', () => {
    // 9 007 199 254 740 991 = 7 × 1 286 742 750 677 284 + 3
    const shares = splitThousandths(Number.MAX_SAFE_INTEGER, 7);
    expect(shares.slice(0, 4)).toEqual([1_286_742_750_677_285, 1_286_742_750_677_285, 1_286_742_750_677_285, 1_286_742_750_677_284]);
    expect(shares.reduce((a, b) => BigInt(a) + BigInt(b), 0n)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('refuses 0 parts and a fractional total as programmer errors', () => {
    expect(() => splitThousandths(10, 0)).toThrow(RangeError);
    expect(() => splitThousandths(0.5, 2)).toThrow(RangeError);
  });
});
