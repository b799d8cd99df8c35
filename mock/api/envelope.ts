import type { components as AdminComponents } from '../../src/generated/admin.ts';
import type { components as ApiComponents } from '../../src/generated/openapi.ts';

/**
 * Error codes the mock answers with: the API's (spec/openapi.yaml `ErrorCode`, DESIGN §3.1) and the
 * control plane's (spec/admin.openapi.yaml `AdminErrorCode`, DESIGN §6), from the generated types.
 */
export type MockErrorCode = ApiComponents['schemas']['ErrorCode'] | AdminComponents['schemas']['AdminErrorCode'];

/** The failure envelope: `{success:false, data:null, error:{code, message, details?}, timestamp}` (DESIGN §3.6); `nowMs` the mock clock's now. */
export function errorBody(code: MockErrorCode, message: string, details: Record<string, unknown> | undefined, nowMs: number) {
  return {
    success: false as const,
    data: null,
    error: { code, message, ...(details === undefined ? {} : { details }) },
    timestamp: new Date(nowMs).toISOString(),
  };
}

/** The success envelope: `{success:true, data, error:null, timestamp}`; `timestamp` is the mock clock's now (milliseconds since epoch). */
export function successBody<T>(data: T, nowMs: number) {
  return { success: true as const, data, error: null, timestamp: new Date(nowMs).toISOString() };
}

/**
 * One answer of the mock, before any transport writes it (Express, MSW): status, headers, the JSON
 * body (none for 204 or HEAD) and what to check it against. `spec` and `specPath` name the operation in
 * spec/openapi.yaml (`api`) or spec/admin.openapi.yaml (`admin`) whose response schema the body must
 * match (DESIGN §3.6; docs/decisions/0004); `unchecked` marks an answer broken on purpose (`dropFields`).
 */
export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  spec: 'api' | 'admin';
  specPath?: string;
  unchecked?: boolean;
}
