import { describe, expect, it } from 'vitest';
import { creditsForMinutes, MAX_EXACT_MILLI, milliToNumber, parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it('reads 0.1 as exactly 100 thousandths', () => {
    expect(parseQuantity(0.1)).toEqual({ ok: true, milli: 100 });
  });
  it('reads 245.5 as 245500 thousandths', () => {
    expect(parseQuantity(245.5)).toEqual({ ok: true, milli: 245500 });
  });
  it('reads 1.005, whose double is just below 1.005, as 1005 thousandths', () => {
    expect(parseQuantity(1.005)).toEqual({ ok: true, milli: 1005 });
  });
  it('reads 0.007 as 7 thousandths', () => {
    expect(parseQuantity(0.007)).toEqual({ ok: true, milli: 7 });
  });
  it('reads zero and negative zero as 0', () => {
    expect(parseQuantity(0)).toEqual({ ok: true, milli: 0 });
    expect(Object.is((parseQuantity(-0) as { milli: number }).milli, 0)).toBe(true);
  });
  it('refuses a fourth decimal place instead of rounding it', () => {
    expect(parseQuantity(0.0001).ok).toBe(false);
    expect(parseQuantity(2.0005).ok).toBe(false);
  });
  it('refuses negative numbers', () => {
    expect(parseQuantity(-1).ok).toBe(false);
  });
  it('refuses NaN and infinities', () => {
    expect(parseQuantity(Number.NaN).ok).toBe(false);
    expect(parseQuantity(Number.POSITIVE_INFINITY).ok).toBe(false);
  });
  it('refuses numeric strings', () => {
    expect(parseQuantity('1.5')).toMatchObject({ ok: false, reason: expect.stringContaining('number') });
  });
  it('accepts 999999999999.999, the largest 15-significant-digit quantity (DESIGN §6.8)', () => {
    expect(parseQuantity(999_999_999_999.999)).toEqual({ ok: true, milli: 999_999_999_999_999 });
  });
  it('refuses 1000000000000, just above the 15-digit limit', () => {
    expect(parseQuantity(1_000_000_000_000)).toMatchObject({ ok: false, reason: expect.stringContaining('999999999999.999') });
  });
  it('refuses 9007199254740.991, whose 16 digits a JSON number does not carry exactly', () => {
    expect(parseQuantity(9_007_199_254_740.991).ok).toBe(false);
  });
});

describe('milliToNumber', () => {
  it('turns 300 thousandths into 0.3', () => {
    expect(milliToNumber(300)).toBe(0.3);
  });
  it('turns three summed events of 0.1 into exactly 0.3', () => {
    const milli = [0.1, 0.1, 0.1].reduce((sum, v) => sum + (parseQuantity(v) as { milli: number }).milli, 0);
    expect(milliToNumber(milli)).toBe(0.3);
  });
});

describe('creditsForMinutes', () => {
  const rule = { baseCost: 2, includedMinutes: 10, costPerMinute: 0.35 };
  it('charges 2 + 0.35 × 2.5 = 2.875 credits for 12.5 minutes', () => {
    expect(creditsForMinutes(rule, 12_500)).toEqual({ ok: true, milli: 2_875 });
  });
  it('charges only the base cost within the included minutes', () => {
    expect(creditsForMinutes(rule, 5_000)).toEqual({ ok: true, milli: 2_000 });
  });
  it('charges only the base cost at exactly the included minutes', () => {
    expect(creditsForMinutes(rule, 10_000)).toEqual({ ok: true, milli: 2_000 });
  });
  it('rounds half up: 0.005 × 0.1 min = 0.0005 becomes 0.001', () => {
    expect(creditsForMinutes({ baseCost: 0, includedMinutes: 0, costPerMinute: 0.005 }, 100)).toEqual({ ok: true, milli: 1 });
  });
  it('rounds below half down: 0.004 × 0.1 min = 0.0004 becomes 0', () => {
    expect(creditsForMinutes({ baseCost: 0, includedMinutes: 0, costPerMinute: 0.004 }, 100)).toEqual({ ok: true, milli: 0 });
  });
  it('rounds 0.35 × 1.001 = 0.35035 down to 0.35', () => {
    expect(creditsForMinutes({ baseCost: 0, includedMinutes: 0, costPerMinute: 0.35 }, 1_001)).toEqual({ ok: true, milli: 350 });
  });
  it('refuses, as a value, a price above 8796093022207.999 credits: 999999999999.999 per minute × 10000 minutes', () => {
    expect(creditsForMinutes({ baseCost: 0, includedMinutes: 0, costPerMinute: 999_999_999_999.999 }, 10_000_000)).toMatchObject({ ok: false, reason: expect.stringContaining('above the exact limit 8796093022207.999') });
  });
  it('prices up to 8796093022207.999 credits, the largest thousandth below 2^43, and refuses one thousandth more', () => {
    // baseCost 999 999 999 999.999 + 7 796 093 022 208 × 1 credit per minute = 8 796 093 022 207.999.
    const rule = { baseCost: 999_999_999_999.999, includedMinutes: 0, costPerMinute: 1 };
    expect(creditsForMinutes(rule, 7_796_093_022_208_000)).toEqual({ ok: true, milli: 8_796_093_022_207_999 });
    expect(creditsForMinutes(rule, 7_796_093_022_208_001).ok).toBe(false);
  });
  it('MAX_EXACT_MILLI is the largest thousandth below 2^43, which prints back as itself; past 2^43 thousandths are lost', () => {
    expect(MAX_EXACT_MILLI).toBe(8_796_093_022_207_999);
    expect(String(MAX_EXACT_MILLI / 1000)).toBe('8796093022207.999');
    expect(String(8_999_999_999_999_991 / 1000)).toBe('8999999999999.99'); // why the bound is not 2^53 − 1 thousandths
  });
  it('throws for a pricing rule with four decimals, a programmer error', () => {
    expect(() => creditsForMinutes({ baseCost: 0.0001, includedMinutes: 0, costPerMinute: 1 }, 1)).toThrow(/baseCost/);
  });
});
