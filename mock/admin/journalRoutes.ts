import { readIntegerParam, readTextParam } from '../../src/billing/readParams.ts';
import type { RawQuery } from '../../src/billing/readQuery.ts';
import { validationError } from '../../src/billing/types.ts';
import type { MockAnswer } from '../api/envelope.ts';
import type { JournalFilter } from '../state/createRequestJournal.ts';
import { adminError, adminSuccess } from './adminAnswers.ts';
import type { AdminCall } from './createAdminRouter.ts';

const SPEC_PATH = '/__admin/requests';
const FILTERS = ['path', 'key', 'status', 'requestId', 'limit'];

/** The first query parameter not in `allowed`, refused: a misspelt filter must not list (or clear) everything. */
function unknownParameter(query: RawQuery, allowed: readonly string[]) {
  const name = Object.keys(query).find((k) => !allowed.includes(k));
  return name === undefined ? undefined : validationError(name, query[name], `is not a parameter of this call; it takes ${allowed.length === 0 ? 'none' : allowed.join(', ')}`);
}

/**
 * Reads the journal's filters with the API's own parameter readers (DESIGN §3.2, §12): `path`, `key`
 * (a whole key or the suffix the journal shows), `status` (100–599), `requestId`, `limit` (1–1 000 000,
 * default every entry). A repeated, empty, malformed or unknown parameter → 400 `VALIDATION_ERROR`.
 */
function readJournalQuery(query: RawQuery): { ok: true; filter: JournalFilter; limit: number } | { ok: false; error: ReturnType<typeof validationError> } {
  const unknown = unknownParameter(query, FILTERS);
  if (unknown) return { ok: false, error: unknown };
  const path = readTextParam('path', query.path, 2048);
  const key = readTextParam('key', query.key, 256);
  const requestId = readTextParam('requestId', query.requestId, 8192);
  const status = readIntegerParam('status', query.status, 100, 599, 0);
  const limit = readIntegerParam('limit', query.limit, 1, 1_000_000, Number.MAX_SAFE_INTEGER);
  for (const r of [path, key, requestId, status, limit]) if (!r.ok) return r;
  const filter: JournalFilter = {};
  if (path.ok && path.value !== undefined) filter.path = path.value;
  if (key.ok && key.value !== undefined) filter.key = key.value;
  if (requestId.ok && requestId.value !== undefined) filter.requestId = requestId.value;
  if (status.ok && query.status !== undefined) filter.status = status.value;
  return { ok: true, filter, limit: limit.ok ? limit.value : Number.MAX_SAFE_INTEGER };
}

/**
 * `GET /__admin/requests` (DESIGN §12): the request journal, newest first, filtered; `data` is
 * `{ capacity, total, dropped, items }` (spec/admin.openapi.yaml `JournalPage`).
 */
export function listRequests({ state, query }: AdminCall): MockAnswer {
  const read = readJournalQuery(query);
  if (!read.ok) return adminError(state.now(), SPEC_PATH, read.error);
  return adminSuccess(state.now(), SPEC_PATH, state.journal.list(read.filter, read.limit));
}

/** `DELETE /__admin/requests` (DESIGN §12): empties the journal; `data` is `{ cleared: n }`. Takes no parameters. */
export function clearRequests({ state, query }: AdminCall): MockAnswer {
  const unknown = unknownParameter(query, []);
  if (unknown) return adminError(state.now(), SPEC_PATH, unknown);
  return adminSuccess(state.now(), SPEC_PATH, { cleared: state.journal.clear() });
}
