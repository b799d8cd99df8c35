import type { Logger } from 'pino';
import { validateAgainst } from '../../src/validation/validateAgainst.ts';
import { validateResponse } from '../../src/validation/validateResponse.ts';
import type { ValidationIssue } from '../../src/validation/compiledValidators.ts';
import { answerBody, answerText, errorBody, type MockAnswer } from '../api/envelope.ts';

/** How many recent mismatches the check keeps (older ones are only counted): memory stays bounded (DESIGN §6.3). */
export const MAX_KEPT_MISMATCHES = 100;

/** The most text (characters) of answers known to match, kept so an answer seen before is not validated again. */
export const MAX_REMEMBERED_CHARS = 8_000_000;

/**
 * What decides a verdict: the operation, the status and the body's text without its `timestamp`
 * (always last in the envelope, written by `toISOString` of a clock bounded to years 0000–9999).
 */
function verdictKey(method: string, answer: MockAnswer, text: string): string {
  const at = text.endsWith('"}') ? text.lastIndexOf(',"timestamp":"') : -1;
  return `${answer.spec} ${method} ${answer.specPath ?? ''} ${answer.status} ${at > 0 ? text.slice(0, at) : text}`;
}

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
 * issues instead. Mismatches are counted, and the last {@link MAX_KEPT_MISMATCHES} kept. An answer
 * whose text (timestamp aside) matched before is not validated again (issue 11: the check stays on by
 * default and cheap; a mismatch is never missed, since the same text gets the same verdict).
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
  const matched = new Map<string, true>();
  let matchedChars = 0;
  return {
    mode,
    check(method, path, answer, nowMs) {
      if (mode === 'off' || answer.unchecked) return answer;
      // A report's data text is one string per report (the state's cache): remembered by itself, cheaply.
      const text = answer.report?.text ?? answerText(answer);
      if (text === undefined) return answer;
      const key = answer.report?.text ?? verdictKey(method, answer, text);
      if (matched.has(key)) return answer;
      const body = answerBody(answer);
      const issues =
        answer.specPath === undefined && answer.status >= 400
          ? validateAgainst(answer.spec, answer.spec === 'admin' ? '/components/schemas/AdminErrorResponse' : '/components/schemas/ErrorResponse', body)
          : validateResponse(answer.spec, method === 'HEAD' ? 'get' : method, answer.specPath, answer.status, body);
      if (issues.length === 0) {
        matched.set(key, true);
        matchedChars += key.length;
        for (const [old] of matched) {
          if (matchedChars <= MAX_REMEMBERED_CHARS) break;
          matched.delete(old);
          matchedChars -= old.length;
        }
        return answer;
      }
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
