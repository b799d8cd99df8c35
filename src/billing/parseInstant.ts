/**
 * The result of reading an instant: milliseconds since epoch, or why the text was refused.
 * Units: `ms` in milliseconds since 1970-01-01T00:00:00Z. DESIGN §3.2.
 */
export type InstantResult = { ok: true; ms: number } | { ok: false; reason: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;
/** A time followed by ` HH:MM`: a `+` offset that form decoding turned into a space. */
const PLUS_AS_SPACE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)? \d{2}(?::\d{2})?$/;
const SPACE_FOR_T = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;
const HOUR_ONLY_OFFSET = /[+-]\d{2}$/;
const EXPECTED = 'expected YYYY-MM-DD or an RFC 3339 date-time such as 2024-01-01T00:00:00Z or 2024-01-01T02:00:00%2B02:00';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Whether `year` is a Gregorian leap year. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Checks a calendar date, returning its day number or a reason. */
function readDate(y: string, m: string, d: string): { ok: true; days: number } | { ok: false; reason: string } {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12) return { ok: false, reason: `month ${m} is not 01–12` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { ok: false, reason: `day ${d} does not exist in ${y}-${m} (it has ${last} days)` };
  return { ok: true, days: daysFromCivil(year, month, day) };
}

/** Explains why a text that matched neither form was refused. */
function explainMismatch(text: string): string {
  if (text === '') return 'must not be empty';
  if (PLUS_AS_SPACE.test(text)) {
    return 'has a space where the offset sign should be: a raw "+" in a query string is decoded as a space, so encode "+" as %2B (e.g. 2024-01-01T02:00:00%2B02:00)';
  }
  if (SPACE_FOR_T.test(text)) return `uses a space between date and time; use "T" (${EXPECTED})`;
  if (/^\d+$/.test(text)) return `is a bare number; Unix timestamps are not accepted (${EXPECTED})`;
  if (HOUR_ONLY_OFFSET.test(text) && /[Tt]/.test(text)) return `has an hour-only offset; write it as ±HH:MM (${EXPECTED})`;
  return `is not a date or date-time (${EXPECTED})`;
}

/**
 * Reads a `start`/`end` query value as an instant.
 * Units: result `ms` in milliseconds since epoch (UTC). Accepts `YYYY-MM-DD` (00:00:00.000 UTC) or an
 * RFC 3339 date-time: `T`/`t` separator, optional seconds and fraction (truncated to milliseconds),
 * `Z`/`z`, a `±HH:MM` offset up to ±23:59, or no offset (UTC); `-00:00` is UTC. Refuses, as
 * `{ ok: false, reason }`: impossible dates (2024-02-30), hour 24, minute or second ≥ 60, hour-only
 * offsets, a space for `T`, bare numbers and empty text; a space where the offset sign belongs gets
 * a reason telling to encode `+` as `%2B`. DESIGN §3.2.
 */
export function parseInstant(text: string): InstantResult {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const date = readDate(dateOnly[1]!, dateOnly[2]!, dateOnly[3]!);
    return date.ok ? { ok: true, ms: date.days * MS_PER_DAY } : date;
  }
  const m = DATE_TIME.exec(text);
  if (!m) return { ok: false, reason: explainMismatch(text) };
  const [, y, mo, d, hh, mi, ss, frac, , sign, offH, offM] = m;
  const date = readDate(y!, mo!, d!);
  if (!date.ok) return date;
  const hour = Number(hh);
  const minute = Number(mi);
  const second = ss === undefined ? 0 : Number(ss);
  if (hour > 23) return { ok: false, reason: `hour ${hh} is not 00–23` };
  if (minute > 59) return { ok: false, reason: `minute ${mi} is not 00–59` };
  if (second > 59) return { ok: false, reason: `second ${ss} is not 00–59 (leap seconds are not accepted)` };
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (sign !== undefined) {
    const oh = Number(offH);
    const om = Number(offM);
    if (oh > 23 || om > 59) return { ok: false, reason: `offset ${sign}${offH}:${offM} is beyond ±23:59` };
    offsetMinutes = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const local = date.days * MS_PER_DAY + (hour * 60 + minute) * MS_PER_MINUTE + second * 1000 + millis;
  return { ok: true, ms: local - offsetMinutes * MS_PER_MINUTE };
}
