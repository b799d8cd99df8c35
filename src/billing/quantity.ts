/**
 * The result of reading a quantity: its exact value in thousandths, or why it was refused.
 * Units: `milli` is thousandths of the input unit (minutes or credits), a non-negative safe integer.
 * Implements DESIGN §3.6 and §6.1 ("more than 3 decimal places are rejected, never rounded").
 */
export type QuantityResult = { ok: true; milli: number } | { ok: false; reason: string };

/**
 * The largest input quantity: 999 999 999 999.999, the largest value with 3 decimals whose 15
 * significant digits a JSON number (a double) always carries exactly. DESIGN §6.8.
 */
export const MAX_INPUT_QUANTITY = 999_999_999_999.999;

/**
 * The largest stored quantity or sum, in thousandths: 8 796 093 022 207 999, i.e. 8 796 093 022 207.999
 * units, the largest thousandth below 2^43. Below 2^43 neighbouring doubles are less than 0.001 apart,
 * so every value with 3 decimals is its own double and prints back as itself (`String(x / 1000)`);
 * from 2^43 on they are 2^-9 apart and a total such as 8 999 999 999 999.991 would print as
 * 8999999999999.99. A change that would make a stored value, or a sum the API can report (a company's
 * total, an ATS integration's total), exceed it is refused. DESIGN §6.8 ("every sum the API can report
 * stays exact"; its figure 2^53 − 1 thousandths is not exact as a JSON number, see decision 0014).
 */
export const MAX_EXACT_MILLI = 2 ** 43 * 1000 - 1;

/** {@link MAX_EXACT_MILLI} as the quantity messages name it: `8796093022207.999`. */
export const MAX_EXACT_TEXT = '8796093022207.999';

/**
 * Reads a quantity (minutes or credits) as exact integer thousandths.
 * Units: input in minutes or credits, output `milli` in thousandths of the same unit.
 * Accepts finite, non-negative JavaScript numbers with at most 3 decimal places (0.1, 245.5, 1.005
 * are exact); refuses strings, NaN, ±Infinity, negatives, 0.0001 and values above
 * {@link MAX_INPUT_QUANTITY}, returning `{ ok: false, reason }`. DESIGN §3.6, §6.1, §6.8.
 */
export function parseQuantity(value: unknown): QuantityResult {
  if (typeof value !== 'number') return { ok: false, reason: `must be a number, got ${typeof value}` };
  if (!Number.isFinite(value)) return { ok: false, reason: `must be a finite number, got ${value}` };
  if (value < 0) return { ok: false, reason: `must not be negative, got ${value}` };
  if (value > MAX_INPUT_QUANTITY) return { ok: false, reason: `must be at most 999999999999.999 (15 significant digits), got ${value}` };
  const milli = Math.round(value * 1000);
  if (milli / 1000 !== value) {
    return { ok: false, reason: `must have at most 3 decimal places, got ${value}` };
  }
  return { ok: true, milli: milli === 0 ? 0 : milli };
}

/**
 * Converts exact thousandths back to the JSON number they stand for (300 → 0.3).
 * Units: `milli` in thousandths; result in whole units. The division of an integer by 1000 yields
 * the nearest double to the decimal, so the printed value has at most 3 decimals. DESIGN §3.6.
 */
export function milliToNumber(milli: number): number {
  return milli / 1000;
}

/**
 * A company's per-agent-focus pricing rule, in whole units as written by callers.
 * Units: `baseCost` credits, `includedMinutes` minutes, `costPerMinute` credits per minute; each a
 * non-negative quantity with at most 3 decimals. DESIGN §6.1.
 */
export interface PricingRule {
  baseCost: number;
  includedMinutes: number;
  costPerMinute: number;
}

/** Reads one field of a pricing rule, throwing for a value that was never validated. */
function ruleMilli(rule: PricingRule, field: keyof PricingRule): bigint {
  const parsed = parseQuantity(rule[field]);
  if (!parsed.ok) {
    throw new TypeError(`creditsForMinutes: pricing rule ${field} ${parsed.reason}; validate pricing with parseQuantity first`);
  }
  return BigInt(parsed.milli);
}

/**
 * Prices an event: baseCost + costPerMinute × max(0, minutes − includedMinutes), rounded half-up to 3 decimals.
 * Units: `minutesMilli` in thousandths of a minute; result `milli` in thousandths of a credit, computed
 * exactly with BigInt. A price above {@link MAX_EXACT_MILLI} thousandths is refused as a value
 * (`{ ok: false, reason }`, DESIGN §6.8). Throws (programmer error) when a rule field is not a valid
 * quantity or `minutesMilli` is not a non-negative safe integer. DESIGN §6.1.
 */
export function creditsForMinutes(rule: PricingRule, minutesMilli: number): QuantityResult {
  if (!Number.isSafeInteger(minutesMilli) || minutesMilli < 0) {
    throw new TypeError(`creditsForMinutes: minutesMilli must be a non-negative safe integer, got ${minutesMilli}`);
  }
  const base = ruleMilli(rule, 'baseCost');
  const included = ruleMilli(rule, 'includedMinutes');
  const perMinute = ruleMilli(rule, 'costPerMinute');
  const minutes = BigInt(minutesMilli);
  const over = minutes > included ? minutes - included : 0n;
  // perMinute (thousandths) × over (thousandths) is in millionths; half-up back to thousandths.
  const overCost = (perMinute * over + 500n) / 1000n;
  const total = base + overCost;
  if (total > BigInt(MAX_EXACT_MILLI)) {
    return { ok: false, reason: `the pricing rule gives ${total} thousandths of a credit, above the exact limit ${MAX_EXACT_TEXT}` };
  }
  return { ok: true, milli: Number(total) };
}
