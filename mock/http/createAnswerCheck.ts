import type { Logger } from 'pino';
import { validateAgainst, validateResponse, type ValidationIssue } from '../../src/validation/index.ts';
import { errorBody, type MockAnswer } from '../api/envelope.ts';

/** How many recent mismatches the check keeps (older ones are only counted): memory stays bounded (DESIGN §6.3). */
export const MAX_KEPT_MISMATCHES = 100;

/** One answer that did not match the spec: where it went, its status and the issues (JSON pointers into the body). */
export interface AnswerMismatch {
  method: string;
  path: string;
  status: number;
  issues: ValidationIssue[];
}

/**
 * The mock's own response check (docs/decisions/0004): every JSON answer is validated against the
 * operation's response schema in spec/openapi.yaml or spec/admin.openapi.yaml. `off` checks nothing;
 * `log` logs a mismatch and sends the answer; `strict` (tests) answers 500 `INTERNAL_ERROR` listing the
 * issues instead. Mismatches are counted, and the last {@link MAX_KEPT_MISMATCHES} kept.
 */
export interface AnswerCheck {
  readonly mode: 'off' | 'log' | 'strict';
  /** The answer to send: `answer` itself, or in strict mode a 500 when it does not match. */
  check(method: string, path: string, answer: MockAnswer, nowMs: number): MockAnswer;
  /** How many answers failed so far, and the most recent ones (oldest first). */
  mismatches(): { count: number; recent: AnswerMismatch[] };
}

/** Creates an {@link AnswerCheck}; `logger` receives each mismatch as an error line. */
export function createAnswerCheck(mode: AnswerCheck['mode'], logger: Logger): AnswerCheck {
  let count = 0;
  const recent: AnswerMismatch[] = [];
  return {
    mode,
    check(method, path, answer, nowMs) {
      if (mode === 'off' || answer.unchecked || answer.body === undefined) return answer;
      const issues =
        answer.specPath === undefined && answer.status >= 400
          ? validateAgainst(answer.spec, answer.spec === 'admin' ? '/components/schemas/AdminErrorResponse' : '/components/schemas/ErrorResponse', answer.body)
          : validateResponse(answer.spec, method === 'HEAD' ? 'get' : method, answer.specPath, answer.status, answer.body);
      if (issues.length === 0) return answer;
      count++;
      recent.push({ method, path, status: answer.status, issues: issues.slice(0, 20) });
      if (recent.length > MAX_KEPT_MISMATCHES) recent.shift();
      logger.error({ method, path, status: answer.status, issues: issues.slice(0, 20) }, 'response does not match the spec');
      if (mode === 'log') return answer;
      return { status: 500, headers: {}, body: errorBody('INTERNAL_ERROR', `The mock's answer (HTTP ${answer.status}) does not match the spec.`, { issues: issues.slice(0, 20) }, nowMs), spec: answer.spec, unchecked: true };
    },
    mismatches: () => ({ count, recent: recent.slice() }),
  };
}
