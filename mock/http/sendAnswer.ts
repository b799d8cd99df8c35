import type { ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { answerText, type MockAnswer } from '../api/envelope.ts';
import type { AnswerCheck } from './createAnswerCheck.ts';

/** From this size (bytes) a report is written as its kept UTF-8 bytes between the envelope's parts; smaller ones as one string. */
const LARGE_REPORT_BYTES = 16 * 1024;

/**
 * Writes a {@link MockAnswer} with Express after the mock's own response check (which may turn it into
 * a 500 in strict mode): status, headers, then the JSON body (Node leaves the body out for HEAD).
 * `nowMs` is the mock clock's now, for the timestamp of a replaced answer.
 */
export function sendAnswer(req: Request, res: Response, answer: MockAnswer, check: AnswerCheck, nowMs: number): void {
  writeAnswer(res, req.method, req.path, answer, check, nowMs);
}

/** {@link sendAnswer} for a plain Node response: `method` and `path` of the request it answers. */
export function writeAnswer(res: ServerResponse, method: string, path: string, answer: MockAnswer, check: AnswerCheck, nowMs: number): void {
  const checked = check.check(method, path, answer, nowMs);
  if (checked.report !== undefined && checked.report.bytes.length >= LARGE_REPORT_BYTES) {
    // A report: the envelope around its encoded bytes, nothing encoded or measured again.
    const head = Buffer.from(checked.report.head);
    const tail = Buffer.from(checked.report.tail);
    res.writeHead(checked.status, { ...checked.headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': head.length + checked.report.bytes.length + tail.length });
    if (method === 'HEAD') return void res.end();
    res.cork();
    res.write(head);
    res.write(checked.report.bytes);
    res.end(tail);
    res.uncork();
    return;
  }
  const text = answerText(checked);
  if (text === undefined) {
    res.writeHead(checked.status, checked.headers);
    res.end();
    return;
  }
  // One writeHead with every header (those set earlier, such as X-Request-Id and CORS, are kept).
  res.writeHead(checked.status, { ...checked.headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(method === 'HEAD' ? undefined : text);
}
