import { readInstantParam } from './readParams.ts';
import { validationError, type ValidationError } from './types.ts';

/** Thirty days of 24 hours, in milliseconds: the default period length. DESIGN §3.2. */
export const DEFAULT_PERIOD_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The raw `start`/`end` query values as a form-decoding parser hands them over.
 * Shape: absent, one string, or an array of strings when the parameter was repeated. DESIGN §3.2.
 */
export interface RawPeriodQuery {
  start?: string | string[] | undefined;
  end?: string | string[] | undefined;
}

/**
 * A resolved period `[startMs, endMs)`, or the 400 that refuses it.
 * Units: milliseconds since epoch; `startMs < endMs` always holds on success. DESIGN §3.2.
 */
export type UsagePeriodResult =
  | { ok: true; startMs: number; endMs: number }
  | { ok: false; error: ValidationError };

/** Reads one optional instant parameter with the API's one grammar (DESIGN §3.2). */
function readParam(field: 'start' | 'end', raw: string | string[] | undefined): { ok: true; ms: number | undefined } | { ok: false; error: ValidationError } {
  if (raw !== undefined && typeof raw !== 'string' && !Array.isArray(raw)) return { ok: false, error: validationError(field, raw, 'must be a single date or date-time string') };
  return readInstantParam(field, raw);
}

/**
 * Resolves the `start`/`end` query parameters into the period `[start, end)`.
 * Units: `nowMs` and the result in milliseconds since epoch. Defaults: `end` = now; `start` = `end` − 30 × 24 h
 * (also when only `end` is given). Errors (as values, code `VALIDATION_ERROR`): an unparseable or
 * repeated parameter (`details.field` = that parameter, `details.value` = the string or array), and
 * `start` not strictly before `end` (`details.field` = `end`). `start` is checked before `end`. DESIGN §3.2.
 */
export function resolveUsagePeriod(raw: RawPeriodQuery, nowMs: number): UsagePeriodResult {
  const start = readParam('start', raw.start);
  if (!start.ok) return start;
  const end = readParam('end', raw.end);
  if (!end.ok) return end;
  const endMs = end.ms ?? nowMs;
  const startMs = start.ms ?? endMs - DEFAULT_PERIOD_MS;
  if (!(startMs < endMs)) {
    const reason =
      raw.end === undefined
        ? `must be after start; start ${String(raw.start)} is not before now (${new Date(nowMs).toISOString()})`
        : `must be after start ${String(raw.start ?? '(default)')}`;
    return { ok: false, error: validationError('end', raw.end ?? new Date(endMs).toISOString(), reason) };
  }
  return { ok: true, startMs, endMs };
}
