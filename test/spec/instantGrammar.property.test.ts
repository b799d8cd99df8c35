import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/billing/parseInstant.ts';
import { pad, specAccepts } from '../support/instantSchemas.ts';

/**
 * The RFC 3339 shape a response instant adds to DESIGN §3.2's grammar: seconds and an explicit
 * offset are required. Only the shape; ranges and the calendar are left to parseInstant.
 */
const WITH_SECONDS_AND_OFFSET = /^[^Tt]+[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const FAST_CHECK = { seed: 20_240_110, numRuns: 4_000 };

const digits = (min: number, max: number, width: number) => fc.integer({ min, max }).map((n) => pad(n, width));

/** The fields of a valid instant, each drawn over its whole range (days up to 31, so 30 February comes up too). */
const validParts = fc.record({
  year: fc.oneof(digits(0, 9999, 4), fc.constantFrom('2024', '2023', '2000', '1900', '2100', '0000', '9999')),
  month: fc.oneof({ weight: 4, arbitrary: digits(1, 12, 2) }, { weight: 1, arbitrary: fc.constant('02') }),
  day: fc.oneof(digits(1, 28, 2), digits(29, 31, 2)),
  time: fc.option(
    fc.record({
      sep: fc.constantFrom<string>('T', 't'),
      hour: digits(0, 23, 2),
      minute: digits(0, 59, 2),
      second: fc.option(digits(0, 59, 2), { nil: undefined }),
      // Fractions of many digits: truncated to milliseconds by the server, any length in the pattern.
      fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{1,3}$/), fc.stringMatching(/^\.\d{4,40}$/)),
      offset: fc.oneof(
        fc.constantFrom('', 'Z', 'z', '-00:00'),
        fc.tuple(fc.constantFrom('+', '-'), digits(0, 23, 2), digits(0, 59, 2)).map(([sign, h, m]) => `${sign}${h}:${m}`),
      ),
    }),
    { nil: undefined },
  ),
});

type Parts = typeof validParts extends fc.Arbitrary<infer T> ? T : never;
type TimeParts = NonNullable<Parts['time']>;

/** One field replaced by a near miss: out of range by one, malformed, or a form DESIGN §3.2 refuses. */
const nearMiss = fc.oneof(
  fc.constantFrom('202', '02024', '+2024', '-2024').map((year) => ({ year })),
  fc.constantFrom('00', '13', '1', '001').map((month) => ({ month })),
  fc.constantFrom('00', '32', '1', '001').map((day) => ({ day })),
  fc.constantFrom(' ', '', '_', 'TT').map((sep) => ({ sep })),
  fc.constantFrom('24', '1', '99').map((hour) => ({ hour })),
  fc.constantFrom('60', '1').map((minute) => ({ minute })),
  fc.constantFrom('60', '61', '1').map((second) => ({ second })),
  fc.constantFrom('.', '.5e3', ',5').map((fraction) => ({ fraction })),
  // Hour-only (+09), no colon (+0930), a + turned into a space by form decoding, out of range, stray letters.
  fc
    .tuple(fc.constantFrom('+', '-'), digits(0, 23, 2), digits(0, 59, 2))
    .chain(([sign, h, m]) => fc.constantFrom(`${sign}${h}`, `${sign}${h}${m}`, ` ${h}:${m}`, ` ${h}`))
    .map((offset) => ({ offset })),
  fc.constantFrom('+24:00', '-23:60', '+9:00', 'UTC', 'ZZ', '+09:00Z', 'Z+09:00').map((offset) => ({ offset })),
);

/** Writes the fields as text: `YYYY-MM-DD` then, when there is a time, `THH:MM[:SS[.fff]][offset]`. */
function render(parts: Parts, broken: Partial<Omit<Parts, 'time'> & TimeParts> = {}): string {
  const { year, month, day } = { ...parts, ...broken };
  const date = `${year}-${month}-${day}`;
  const timeBroken = ['sep', 'hour', 'minute', 'second', 'fraction', 'offset'].some((k) => k in broken);
  const time: TimeParts | undefined = parts.time ?? (timeBroken ? { sep: 'T', hour: '10', minute: '00', second: '00', fraction: '', offset: 'Z' } : undefined);
  if (!time) return date;
  const t = { ...time, ...broken };
  // A fraction is only written after seconds; a broken fraction brings seconds with it.
  const second = t.second ?? ('fraction' in broken ? '00' : undefined);
  return `${date}${t.sep}${t.hour}:${t.minute}${second === undefined ? '' : `:${second}${t.fraction}`}${t.offset}`;
}

/** Instants built field by field: valid ones (a few with a day the month lacks) and ones with one near-miss field. */
const structured = fc.oneof(
  { weight: 3, arbitrary: validParts.map((parts) => render(parts)) },
  { weight: 2, arbitrary: fc.tuple(validParts, nearMiss).map(([parts, broken]) => render(parts, broken)) },
);

/** Junk around a structured instant: spaces, newlines, letters, a non-ASCII digit. */
const junk = fc.constantFrom('', '', '', ' ', '\n', 'x', '0', 'Z', '\u0660', '%2B');

const wrapped = fc.tuple(junk, structured, junk).map(([before, text, after]) => `${before}${text}${after}`);

/** A structured instant with one character removed, replaced or inserted. */
const mutated = fc
  .tuple(structured, fc.nat(), fc.constantFrom('', '0', '9', ':', '-', 'T', ' ', '+', '.'), fc.constantFrom('remove', 'replace', 'insert'))
  .map(([text, at, ch, how]) => {
    const i = at % (text.length + 1);
    if (how === 'insert') return text.slice(0, i) + ch + text.slice(i);
    return text.slice(0, i) + (how === 'replace' ? ch : '') + text.slice(i + 1);
  });

const anyInstantText = fc.oneof(
  { weight: 6, arbitrary: structured },
  { weight: 2, arbitrary: wrapped },
  { weight: 2, arbitrary: mutated },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

// Issue 15: the spec's validator (ajv compiled from spec/ by src/validation) and the mock's parser
// (parseInstant) must read start/end with one grammar. The calendar is part of the pattern
// (docs/decisions/0009-instant-grammar-and-spec-lint.md), so no generated text is exempt: impossible
// days (2024-02-30, 29 February 1900) are generated and must be refused by both.
describe('the spec and the mock read instants with one grammar (DESIGN §3.2)', () => {
  it('ajv on the start parameter accepts a text exactly when parseInstant does', () => {
    fc.assert(
      fc.property(anyInstantText, (text) => {
        expect(specAccepts.start(text)).toBe(parseInstant(text).ok);
      }),
      FAST_CHECK,
    );
  });

  it('at least a fifth of the generated texts are valid and a fifth invalid, so both sides are exercised', () => {
    const sample = fc.sample(anyInstantText, { seed: FAST_CHECK.seed, numRuns: 2_000 });
    const valid = sample.filter((text) => parseInstant(text).ok).length;
    expect(valid).toBeGreaterThan(400);
    expect(valid).toBeLessThan(1_600);
  });

  it('the end parameter has the same schema as start', () => {
    fc.assert(
      fc.property(anyInstantText, (text) => {
        expect(specAccepts.end(text)).toBe(specAccepts.start(text));
      }),
      { ...FAST_CHECK, numRuns: 500 },
    );
  });

  it('Instant and the scenario DateTime accept exactly the instants parseInstant accepts that have seconds and an offset', () => {
    fc.assert(
      fc.property(anyInstantText, (text) => {
        const expected = parseInstant(text).ok && WITH_SECONDS_AND_OFFSET.test(text);
        expect(specAccepts.instant(text)).toBe(expected);
        expect(specAccepts.scenarioDateTime(text)).toBe(expected);
      }),
      FAST_CHECK,
    );
  });

  it('Instant accepts every instant of years 0000–9999 as the mock writes it (toISOString)', () => {
    const firstMs = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z: 719 528 days of 86 400 000 ms before 1970
    const lastMs = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
    fc.assert(
      fc.property(fc.integer({ min: firstMs, max: lastMs }), (ms) => {
        expect(specAccepts.instant(new Date(ms).toISOString())).toBe(true);
      }),
      { ...FAST_CHECK, numRuns: 1_000 },
    );
  });
});
