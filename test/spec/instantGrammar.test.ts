import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/billing/parseInstant.ts';
import { pad, specAccepts } from '../support/instantSchemas.ts';

describe('the spec and the mock agree on every calendar date (DESIGN §3.2)', () => {
  it('ajv on the start parameter agrees with parseInstant on every YYYY-MM-DD with month 00–13 and day 00–32 of years 1896–2104 and of every century year', () => {
    const years = [...Array.from({ length: 209 }, (_, i) => 1896 + i), ...Array.from({ length: 100 }, (_, i) => i * 100), 9999];
    const disagreements: string[] = [];
    let accepted = 0;
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const ok = parseInstant(text).ok;
          if (ok) accepted++;
          if (specAccepts.start(text) !== ok) disagreements.push(text);
        }
      }
    }
    expect(disagreements).toEqual([]);
    // 310 years of 365 days, plus 29 February of 76 leap years: 51 of 1896–2104 (53 multiples of 4
    // less 1900 and 2100) and 25 of the century years (0000, 0400, …, 9600).
    expect(accepted).toBe(365 * 310 + 76);
  });
});

describe('named near misses, both sides (DESIGN §3.2)', () => {
  it.each([
    ['a calendar date', '2024-01-01', true],
    ['a date-time with Z', '2024-01-10T10:00:00Z', true],
    ['lower-case t and z', '2024-01-10t10:00:00z', true],
    ['no seconds', '2024-01-10T10:00Z', true],
    ['no offset (UTC)', '2024-01-10T10:00:00', true],
    ['a ±HH:MM offset', '2024-01-10T10:00:00+09:00', true],
    ['a fraction of 12 digits', '2024-01-10T10:00:00.123456789012Z', true],
    ['29 February of a leap year', '2024-02-29', true],
    ['29 February 2000 (divisible by 400)', '2000-02-29T00:00:00Z', true],
    ['an hour-only offset', '2024-01-10T10:00:00+09', false],
    ['an offset without colon', '2024-01-10T10:00:00+0930', false],
    ['a space instead of T', '2024-01-10 10:00:00Z', false],
    ['second 60', '2024-12-31T23:59:60Z', false],
    ['hour 24', '2024-01-10T24:00:00Z', false],
    ['30 February', '2024-02-30', false],
    ['29 February of a common year', '2023-02-29', false],
    ['29 February 1900 (a century not divisible by 400)', '1900-02-29T00:00:00Z', false],
    ['31 April in a date-time', '2024-04-31T10:00:00Z', false],
    ['a fraction without seconds', '2024-01-10T10:00.5Z', false],
    ['a dot without digits', '2024-01-10T10:00:00.Z', false],
    ['a date without leading zeros', '2024-1-1', false],
    ['a trailing newline', '2024-01-10\n', false],
    ['a leading space', ' 2024-01-10', false],
    ['a word', 'yesterday', false],
    ['a Unix timestamp', '1704067200', false],
    ['an empty value', '', false],
  ])('%s (%j): accepted = %s', (_name, text, accepted) => {
    expect(parseInstant(text).ok).toBe(accepted);
    expect(specAccepts.start(text)).toBe(accepted);
  });

  it.each([
    ['an hour-only offset', '2024-01-10T10:00:00+09'],
    ['an offset without colon', '2024-01-10T10:00:00+0930'],
    ['a space instead of T', '2024-01-10 10:00:00Z'],
    ['second 60 at the end of a UTC day', '2016-12-31T23:59:60Z'],
    ['a date-time without offset', '2024-01-10T10:00:00'],
    ['a date-time without seconds', '2024-01-10T10:00Z'],
    ['30 February', '2024-02-30T00:00:00Z'],
  ])('the response Instant refuses %s (%s)', (_name, text) => {
    expect(specAccepts.instant(text)).toBe(false);
  });
});
