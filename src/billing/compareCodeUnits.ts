/**
 * Orders two strings by plain UTF-16 code units, as JavaScript's default sort does (never locale order).
 * Shape: a negative number, 0 or a positive number, for `Array.prototype.sort`. DESIGN §3.3, §3.4.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
