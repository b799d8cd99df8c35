import { MatchersV3 } from '@pact-foundation/pact';

const { regex, integer, number, string, eachLike } = MatchersV3;

/** A UUID in any case (DESIGN §3.2: UUIDs compare case-insensitively); Pact's own `uuid()` is lower-case only. */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** Matches any UUID; `example` is what the consumer test sees. */
export const uuid = (example: string) => regex(UUID_PATTERN, example);

/** An ISO 8601 instant with an offset, seconds and fraction optional (`2024-01-15T10:30:00Z`, `…00.000Z`). */
export const ISO_INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$';
/** A cost key as the spec describes it: lower-case snake case (`interview_minutes`). */
export const COST_KEY_PATTERN = '^[a-z][a-z0-9_]*$';

/** Matches any ISO instant; the example is the docs' timestamp. */
export const isoInstant = () => regex(ISO_INSTANT_PATTERN, '2024-01-31T10:30:00.000Z');
/** Matches any cost key; the example is the one the docs show. */
export const costKey = () => regex(COST_KEY_PATTERN, 'interview_minutes');
/**
 * Zero, sent as `0` or `0.0` (a regex on the number's text: plain equality would tell `0` from `0.0`).
 * Used where the value itself is the contract: totals of a period with no usage.
 */
export const zero = () => ({ 'pact:matcher:type': 'regex', regex: '^0(\\.0+)?$', value: 0 });
/**
 * A JSON response's Content-Type. A plain value, not a matcher: Pact compares Content-Type as a media
 * type, so `application/json; charset=utf-8` passes, while a regex matcher here is applied per part and fails.
 */
export const JSON_CONTENT_TYPE = { 'Content-Type': 'application/json' };

/** `Authorization` header with a demo key; the verify CLI swaps demo keys for real ones per role. */
export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/**
 * A minutes company (DESIGN §3.4): typed fields only; `number` for quantities, so `120` passes for
 * 120.0; at least one bucket with `minutesUsed`.
 * @param companyId a matcher or example UUID for `companyId`.
 */
export function minutesCompany(companyId: unknown = uuid('11111111-1111-4111-8111-111111111111')) {
  return {
    companyId,
    companyName: string('Your Company'),
    billingSystem: 'minutes',
    totalMinutesUsed: number(245.5),
    totalInterviews: integer(42),
    breakdownByCostKey: eachLike({ costKey: costKey(), events: integer(42), minutesUsed: number(245.5) }),
  };
}

/** A credits company (DESIGN §3.4): the mirror of {@link minutesCompany} with `creditsUsed`. */
export function creditsCompany(companyId: unknown = uuid('22222222-2222-4222-8222-222222222222')) {
  return {
    companyId,
    companyName: string('Your Company'),
    billingSystem: 'credits',
    totalCreditsUsed: number(612.5),
    totalInterviews: integer(42),
    breakdownByCostKey: eachLike({ costKey: costKey(), events: integer(42), creditsUsed: number(612.5) }),
  };
}

/** The success envelope around `data` (DESIGN §3.6). */
export function successEnvelope(data: unknown) {
  return { success: true, data, error: null, timestamp: isoInstant() };
}

/**
 * The error envelope (DESIGN §3.6): exact `code` (the spec's ErrorCode), any non-empty `message`,
 * and `details` when given (its leaves as written: pass matchers for values that vary).
 */
export function errorEnvelope(code: string, details?: Record<string, unknown>) {
  return {
    success: false,
    data: null,
    error: { code, message: string('A sentence saying what went wrong and what to do.'), ...(details ? { details } : {}) },
    timestamp: isoInstant(),
  };
}
