import type { ValidationError } from '../../src/billing/types.ts';
import { STATUS_OF } from '../api/apiErrors.ts';
import { errorBody, successBody, type MockAnswer, type MockErrorCode } from '../api/envelope.ts';
import type { StateError, StateResult } from '../state/stateErrors.ts';

/** The admin spec's path of a control-plane route, e.g. `/__admin/companies/{id}`: what its answers are checked against. */
export type AdminSpecPath = `/__admin${string}`;

/** A success answer of the control plane in the envelope (200 unless `status`, e.g. 201 for a create). `nowMs`: the mock clock's now. */
export function adminSuccess(nowMs: number, specPath: AdminSpecPath, data: unknown, status = 200): MockAnswer {
  return { status, headers: {}, body: successBody(data, nowMs), spec: 'admin', specPath };
}

/** An error answer of the control plane: the status comes from the code (`STATUS_OF`, DESIGN §6). */
export function adminError(nowMs: number, specPath: AdminSpecPath | undefined, error: StateError | ValidationError | { code: MockErrorCode; message: string; details?: Record<string, unknown> }, headers: Record<string, string> = {}): MockAnswer {
  return { status: STATUS_OF[error.code], headers, body: errorBody(error.code, error.message, error.details, nowMs), spec: 'admin', ...(specPath ? { specPath } : {}) };
}

/** A command's result as the control plane answers it: its value in the envelope, or its error. */
export function adminResult<T>(nowMs: number, specPath: AdminSpecPath, result: StateResult<T>, status = 200, shape: (value: T) => unknown = (v) => v): MockAnswer {
  return result.ok ? adminSuccess(nowMs, specPath, shape(result.value), status) : adminError(nowMs, specPath, result.error);
}
