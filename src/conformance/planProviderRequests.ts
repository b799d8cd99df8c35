/** The kind of an API key under test: `--api-key` gives regular keys, `--ats-key` ATS keys. DESIGN §9. */
export type KeyKind = 'regular' | 'ats';

/** An API key the run calls with, and how it is shown (never in full: keys are secrets). */
export interface KeyUnderTest {
  value: string;
  kind: KeyKind;
  /** E.g. `regular sk_live_…3f9a`. */
  shown: string;
}

/**
 * What an answer must be, as far as the docs promise it of a real provider. DESIGN §9.
 * Shape: `status` the HTTP status; `code` the error code, `promised` when the docs name it (a different
 * code is then a failure, else a warning); `field` the `details.field` DESIGN §3.2 names (a warning);
 * `why` a few words for messages ("no API key").
 */
export interface ExpectedAnswer {
  status: number;
  code?: { value: string; promised: boolean };
  field?: string;
  why: string;
}

/**
 * One request of the matrix: which key, which query, what must come back, and the §8 context of a 200.
 * Shape: `query` name/value pairs in order (a name may repeat); `companyId` the one sent (§8 rule 9).
 */
export interface PlannedRequest {
  id: string;
  label: string;
  key?: KeyUnderTest;
  query: Array<[string, string]>;
  expect: ExpectedAnswer;
  companyId?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Shows an API key without giving it away: its `sk_`, `sk_live_` or `sk_test_` prefix, `…`, and its last
 * 4 characters (`sk_test_regular_minutes` → `sk_test_…utes`); keys of 12 characters or fewer keep only the prefix.
 * Never throws. DESIGN §9 (`check` prints a table CI logs keep).
 */
export function maskApiKey(key: string): string {
  const prefix = /^sk_(?:live_|test_)?/.exec(key)?.[0] ?? key.slice(0, 3);
  return key.length <= 12 ? `${prefix}…` : `${prefix}…${key.slice(-4)}`;
}

/** Builds a key-under-test record. */
export function keyUnderTest(value: string, kind: KeyKind): KeyUnderTest {
  return { value, kind, shown: `${kind} ${maskApiKey(value)}` };
}

/**
 * The four period requests every key gets, each expecting 200: the default period, a date-only range
 * (last calendar month, UTC), a date-time range with a `+02:00` offset (the last 7 days), and a period
 * ending now (the last 7 × 24 h, instants in UTC). Units: `nowMs` milliseconds since the epoch. DESIGN §3.2, §9.
 */
export function periodRequests(key: KeyUnderTest, nowMs: number): Array<Omit<PlannedRequest, 'id'>> {
  const now = new Date(nowMs);
  const thisMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const lastMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  const ok = (): ExpectedAnswer => ({ status: 200, why: 'a valid request' });
  return [
    { label: 'default period', key, query: [], expect: ok() },
    { label: 'date-only range', key, query: [['start', date(lastMonth)], ['end', date(thisMonth)]], expect: ok() },
    { label: 'date-time range, +02:00 offset', key, query: [['start', `${date(nowMs - 7 * DAY_MS)}T00:00:00+02:00`], ['end', `${date(nowMs)}T00:00:00+02:00`]], expect: ok() },
    { label: 'period ending now', key, query: [['start', new Date(nowMs - 7 * DAY_MS).toISOString()], ['end', new Date(nowMs).toISOString()]], expect: ok() },
  ];
}

/**
 * The requests without a usable key: none at all (401) and an unknown `sk_invalid_` + hex key (401
 * `INVALID_API_KEY`, the one code the docs name). `invalidKey` is that unknown key. DESIGN §3.1, §9.
 */
export function keylessRequests(invalidKey: string): Array<Omit<PlannedRequest, 'id'>> {
  return [
    { label: 'no API key', query: [], expect: { status: 401, code: { value: 'MISSING_API_KEY', promised: false }, why: 'no API key' } },
    {
      label: 'unknown API key',
      key: { value: invalidKey, kind: 'regular', shown: `sk_invalid_…${invalidKey.slice(-4)}` },
      query: [],
      expect: { status: 401, code: { value: 'INVALID_API_KEY', promised: true }, why: 'a key that was never issued' },
    },
  ];
}

/**
 * The invalid queries any valid key allows, each expecting 400: `start` after `end`, `start=yesterday`,
 * and `start` given twice. Units: `nowMs` milliseconds since the epoch. DESIGN §3.2, §9.
 */
export function invalidQueryRequests(key: KeyUnderTest, nowMs: number): Array<Omit<PlannedRequest, 'id'>> {
  const bad = (field: string, why: string): ExpectedAnswer => ({ status: 400, code: { value: 'VALIDATION_ERROR', promised: false }, field, why });
  return [
    { label: 'start after end', key, query: [['start', date(nowMs)], ['end', date(nowMs - DAY_MS)]], expect: bad('end', 'start after end') },
    { label: 'start=yesterday', key, query: [['start', 'yesterday']], expect: bad('start', 'start is not a date') },
    { label: 'repeated start', key, query: [['start', date(nowMs - 2 * DAY_MS)], ['start', date(nowMs - DAY_MS)]], expect: bad('start', 'start given twice') },
  ];
}

/** One managed company by `companyId` (200, exactly that company: §8 rule 9). DESIGN §3.3, §9. */
export function companyRequest(key: KeyUnderTest, companyId: string, companyName: string | undefined): Omit<PlannedRequest, 'id'> {
  return { label: `companyId of ${companyName ?? companyId}`, key, query: [['companyId', companyId]], companyId, expect: { status: 200, why: 'a company the key manages' } };
}

/** A `companyId` the ATS key does not manage (403; `COMPANY_ACCESS_DENIED` is our code). DESIGN §3.1, §9. */
export function unmanagedCompanyRequest(key: KeyUnderTest, companyId: string): Omit<PlannedRequest, 'id'> {
  return {
    label: 'unmanaged companyId',
    key,
    query: [['companyId', companyId]],
    expect: { status: 403, code: { value: 'COMPANY_ACCESS_DENIED', promised: false }, why: 'a company the key does not manage' },
  };
}

/** Formats 16 random bytes (32 hex digits) as a version-4 UUID. Never throws. */
export function uuidFromHex(hex: string): string {
  const h = hex.padEnd(32, '0').slice(0, 32).toLowerCase().split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16]!, 16) % 4]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
