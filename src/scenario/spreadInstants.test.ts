import { describe, expect, it } from 'vitest';
import { instantsFit, spreadInstants } from './spreadInstants.ts';

const JAN_1 = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

describe('spreadInstants (events spread over [start, end))', () => {
  it('puts 3 instants in the middle of three equal slices of a 3-day period', () => {
    expect(spreadInstants(JAN_1, JAN_1 + 3 * DAY, 3)).toEqual([JAN_1 + DAY / 2, JAN_1 + (3 * DAY) / 2, JAN_1 + (5 * DAY) / 2]);
  });

  it('fills a period exactly as long as the count with one instant per millisecond', () => {
    expect(spreadInstants(1000, 1004, 4)).toEqual([1000, 1001, 1002, 1003]);
  });

  it('keeps every instant before end and distinct when the period is barely longer than the count', () => {
    // span 5, count 4: ⌊(2i+1)·5/8⌋ = 0, 1, 3, 4
    expect(spreadInstants(0, 5, 4)).toEqual([0, 1, 3, 4]);
  });

  it('stays exact from year 0000 to 9999 with 100 000 instants', () => {
    // span × (2i + 1) reaches about 6e19, past 2^53: BigInt keeps it exact.
    const start = Date.parse('0000-01-01T00:00:00Z');
    const end = Date.parse('9999-12-31T23:59:59.999Z');
    const out = spreadInstants(start, end, 100_000);
    expect(out.length).toBe(100_000);
    expect(out[0]! >= start && out.at(-1)! < end).toBe(true);
    expect(out.every((t, i) => i === 0 || t > out[i - 1]!)).toBe(true);
  });

  it('gives no instants for a count of 0', () => {
    expect(spreadInstants(0, 10, 0)).toEqual([]);
  });

  it('says 5 events do not fit in 4 milliseconds, nor anything in an empty period', () => {
    expect(instantsFit(0, 4, 5)).toBe(false);
    expect(instantsFit(0, 4, 4)).toBe(true);
    expect(instantsFit(10, 10, 0)).toBe(false);
    expect(() => spreadInstants(0, 4, 5)).toThrow(RangeError);
  });
});
