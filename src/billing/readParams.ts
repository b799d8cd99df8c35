import { parseInstant } from './parseInstant.ts';
import { validationError, type ValidationError } from './types.ts';
import { isUuid } from './uuid.ts';

/** A raw query value as {@link readQuery} hands it over: absent, one string, or the array of a repeated parameter. */
export type RawParam = string | string[] | undefined;

/** A parameter given more than once: refused, never reduced to one of its values (DESIGN §3.2). */
function repeated(field: string, raw: string[]): { ok: false; error: ValidationError } {
  return { ok: false, error: validationError(field, raw, `was given ${raw.length} times; give it at most once`) };
}

/**
 * Reads an optional UUID parameter (`companyId` of the API, `companyId`/`atsIntegrationId` filters of
 * the control plane), lower-cased: UUIDs compare case-insensitively. Errors as values (code
 * `VALIDATION_ERROR`, `details.field` = `field`): repeated (`details.value` the array), not a UUID. DESIGN §3.2.
 */
export function readUuidParam(field: string, raw: RawParam): { ok: true; value: string | undefined } | { ok: false; error: ValidationError } {
  if (raw === undefined) return { ok: true, value: undefined };
  if (Array.isArray(raw)) return repeated(field, raw);
  if (!isUuid(raw)) return { ok: false, error: validationError(field, raw, 'must be a UUID such as 33333333-3333-4333-8333-333333333333') };
  return { ok: true, value: raw.toLowerCase() };
}

/**
 * Reads an optional instant parameter (`start`/`end` of the API and of the control plane's event list)
 * with {@link parseInstant}'s one grammar. Units: `ms` milliseconds since epoch. Errors as values
 * (`details.field` = `field`): repeated, or not a date/date-time (the reason says why). DESIGN §3.2.
 */
export function readInstantParam(field: string, raw: RawParam): { ok: true; ms: number | undefined } | { ok: false; error: ValidationError } {
  if (raw === undefined) return { ok: true, ms: undefined };
  if (Array.isArray(raw)) return repeated(field, raw);
  const parsed = parseInstant(raw);
  return parsed.ok ? { ok: true, ms: parsed.ms } : { ok: false, error: validationError(field, raw, parsed.reason) };
}

/**
 * Reads an optional whole-number parameter within `[min, max]` (`limit`, `offset`), `fallback` when
 * absent. Errors as values (`details.field` = `field`): repeated, not a whole number, out of range. DESIGN §3.2, §6.2.
 */
export function readIntegerParam(field: string, raw: RawParam, min: number, max: number, fallback: number): { ok: true; value: number } | { ok: false; error: ValidationError } {
  if (raw === undefined) return { ok: true, value: fallback };
  if (Array.isArray(raw)) return repeated(field, raw);
  const n = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) return { ok: false, error: validationError(field, raw, `must be a whole number from ${min} to ${max}`) };
  return { ok: true, value: n };
}

/**
 * Reads an optional free-text parameter (the control plane's `path`, `key`, `requestId` filters):
 * taken as given, 1 to `maxLength` characters. Errors as values (`details.field` = `field`): repeated,
 * empty, too long. DESIGN §3.2 (a repeated filter → 400), §12.
 */
export function readTextParam(field: string, raw: RawParam, maxLength: number): { ok: true; value: string | undefined } | { ok: false; error: ValidationError } {
  if (raw === undefined) return { ok: true, value: undefined };
  if (Array.isArray(raw)) return repeated(field, raw);
  if (raw === '' || raw.length > maxLength) return { ok: false, error: validationError(field, raw.length > 200 ? `${raw.slice(0, 200)}…` : raw, `must be 1 to ${maxLength} characters`) };
  return { ok: true, value: raw };
}
