import type { Request, Response } from 'express';
import type { MockAnswer } from '../api/envelope.ts';
import type { AnswerCheck } from './createAnswerCheck.ts';

/**
 * Writes a {@link MockAnswer} with Express after the mock's own response check (which may turn it into
 * a 500 in strict mode): status, headers, then the JSON body (Node leaves the body out for HEAD).
 * `nowMs` is the mock clock's now, for the timestamp of a replaced answer.
 */
export function sendAnswer(req: Request, res: Response, answer: MockAnswer, check: AnswerCheck, nowMs: number): void {
  const checked = check.check(req.method, req.path, answer, nowMs);
  res.status(checked.status);
  for (const [name, value] of Object.entries(checked.headers)) res.setHeader(name, value);
  if (checked.body === undefined) {
    res.end();
    return;
  }
  const text = JSON.stringify(checked.body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(req.method === 'HEAD' ? undefined : text);
}
