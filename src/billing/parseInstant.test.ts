import { describe, expect, it } from 'vitest';
import { parseInstant } from './parseInstant.ts';

/** 2024-01-01T00:00:00Z: 1 704 067 200 seconds after the epoch. */
const NEW_YEAR_2024 = 1_704_067_200_000;

describe('parseInstant accepts', () => {
  it('a calendar date as 00:00 UTC of that day', () => {
    expect(parseInstant('2024-01-01')).toEqual({ ok: true, ms: NEW_YEAR_2024 });
  });
  it('a +02:00 offset: 02:00 at +02:00 is midnight UTC', () => {
    expect(parseInstant('2024-01-01T02:00:00+02:00')).toEqual({ ok: true, ms: NEW_YEAR_2024 });
  });
  it('a -05:00 offset: 19:00 the day before is midnight UTC', () => {
    expect(parseInstant('2023-12-31T19:00:00-05:00')).toEqual({ ok: true, ms: NEW_YEAR_2024 });
  });
  it('lower-case t and z', () => {
    expect(parseInstant('2024-01-01t00:00:00z')).toEqual({ ok: true, ms: NEW_YEAR_2024 });
  });
  it('a date-time without seconds', () => {
    expect(parseInstant('2024-01-01T00:00Z')).toEqual({ ok: true, ms: NEW_YEAR_2024 });
  });
  it('a date-time without an offset, read as UTC', () => {
    expect(parseInstant('2024-01-01T00:00:00')).toEqual({ ok: true, ms: NEW_YEAR_2024 });
  });
  it('-00:00 as UTC', () => {
    expect(parseInstant('2024-01-01T00:00:00-00:00')).toEqual({ ok: true, ms: NEW_YEAR_2024 });
  });
  it('a fraction, truncating beyond the millisecond', () => {
    expect(parseInstant('2024-01-01T00:00:00.1239Z')).toEqual({ ok: true, ms: NEW_YEAR_2024 + 123 });
  });
  it('a one-digit fraction as tenths', () => {
    expect(parseInstant('2024-01-01T00:00:00.5Z')).toEqual({ ok: true, ms: NEW_YEAR_2024 + 500 });
  });
  it('the largest offset +23:59', () => {
    expect(parseInstant('2024-01-01T00:00:00+23:59')).toEqual({ ok: true, ms: NEW_YEAR_2024 - 86_340_000 });
  });
  it('29 February of a leap year, 59 days after 1 January', () => {
    expect(parseInstant('2024-02-29')).toEqual({ ok: true, ms: NEW_YEAR_2024 + 59 * 86_400_000 });
  });
  it('29 February 2000, a leap century', () => {
    expect(parseInstant('2000-02-29')).toEqual({ ok: true, ms: 951_782_400_000 });
  });
  it('the last millisecond of a day', () => {
    expect(parseInstant('2023-12-31T23:59:59.999Z')).toEqual({ ok: true, ms: NEW_YEAR_2024 - 1 });
  });
});

describe('parseInstant refuses', () => {
  it.each([
    ['a date without leading zeros', '2024-1-1'],
    ['30 February', '2024-02-30'],
    ['29 February of a common year', '2023-02-29'],
    ['29 February 1900, a common century', '1900-02-29'],
    ['31 April', '2024-04-31'],
    ['month 13', '2024-13-01'],
    ['month 00', '2024-00-10'],
    ['day 00', '2024-01-00'],
    ['a word', 'yesterday'],
    ['a Unix timestamp', '1704067200'],
    ['an empty value', ''],
    ['a space instead of T', '2024-01-01 00:00:00Z'],
    ['second 60', '2024-01-01T23:59:60Z'],
    ['an hour-only offset', '2024-01-01T00:00:00+09'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['minute 60', '2024-01-01T00:60:00Z'],
    ['offset hour 24', '2024-01-01T00:00:00+24:00'],
    ['offset minute 60', '2024-01-01T00:00:00+23:60'],
    ['a dot without fraction digits', '2024-01-01T00:00:00.Z'],
    ['a fraction without seconds', '2024-01-01T00:00.5Z'],
    ['trailing text', '2024-01-01T00:00:00Zx'],
  ])('%s (%s)', (_name, text) => {
    expect(parseInstant(text).ok).toBe(false);
  });

  it('a form-decoded + offset, telling to encode + as %2B', () => {
    const result = parseInstant('2024-01-01T00:00:00 02:00');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('%2B');
  });
});
