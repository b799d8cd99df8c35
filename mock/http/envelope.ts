import type { Response } from 'express';
import type { components as AdminComponents } from '../../src/generated/admin.ts';
import type { components as ApiComponents } from '../../src/generated/openapi.ts';

type ApiSchemas = ApiComponents['schemas'];
type AdminSchemas = AdminComponents['schemas'];

/**
 * Error codes the mock answers with: the API's (spec/openapi.yaml `ErrorCode`, DESIGN §3.1) and the
 * control plane's (spec/admin.openapi.yaml `AdminErrorCode`, DESIGN §6), from the generated types.
 */
export type MockErrorCode = ApiSchemas['ErrorCode'] | AdminSchemas['AdminErrorCode'];

/** The failure envelope: `{success:false, data:null, error:{code, message, details?}, timestamp}` (DESIGN §3.6). */
export function errorBody(code: MockErrorCode, message: string, details: Record<string, unknown> | undefined, nowMs: number) {
  return {
    success: false as const,
    data: null,
    error: { code, message, ...(details === undefined ? {} : { details }) },
    timestamp: new Date(nowMs).toISOString(),
  };
}

/** The success envelope: `{success:true, data, error:null, timestamp}`; `timestamp` is the mock clock's now. */
export function successBody<T>(data: T, nowMs: number) {
  return { success: true as const, data, error: null, timestamp: new Date(nowMs).toISOString() };
}

/** Reads the mock clock that createApp put on `res.locals` (falls back to wall time outside an app). */
function nowOf(res: Response): number {
  const clock = res.locals.clock as { now(): number } | undefined;
  return clock ? clock.now() : Date.now();
}

/** Sends an error envelope with an HTTP status. */
export function sendError(res: Response, status: number, code: MockErrorCode, message: string, details?: Record<string, unknown>): void {
  res.status(status).json(errorBody(code, message, details, nowOf(res)));
}

/** Sends a success envelope (200 unless `status` is given, e.g. 201 for a create). */
export function sendSuccess(res: Response, data: unknown, status = 200): void {
  res.status(status).json(successBody(data, nowOf(res)));
}
