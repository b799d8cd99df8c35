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
  /** The body as JSON text, when already written (`answerText` fills it); either `body` or `text` may come alone. */
  text?: string;
  /**
   * A usage report's body in parts: `head` + `text` + `tail` is the whole JSON text. `text` (the report,
   * `data`) is one string for every answer with the same report, so the check remembers it cheaply;
   * `bytes` is it in UTF-8, encoded once, for a transport to write around without encoding it again.
   */
  report?: { head: string; text: string; bytes: Uint8Array; tail: string };
  spec: 'api' | 'admin';
  specPath?: string;
  unchecked?: boolean;
}

/** An answer's body as JSON text (`undefined` for none), written once and kept on the answer. */
export function answerText(answer: MockAnswer): string | undefined {
  if (answer.text === undefined && answer.report !== undefined) answer.text = answer.report.head + answer.report.text + answer.report.tail;
  if (answer.text === undefined && answer.body !== undefined) answer.text = JSON.stringify(answer.body);
  return answer.text;
}

/** An answer's body as a value (parsed from its text when it came as text alone). */
export function answerBody(answer: MockAnswer): unknown {
  if (answer.body === undefined) {
    const text = answerText(answer);
    if (text !== undefined) answer.body = JSON.parse(text);
  }
  return answer.body;
}
