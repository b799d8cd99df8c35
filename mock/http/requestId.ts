import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SAFE_ID = /^[\x21-\x7e]{1,200}$/;

/**
 * The request's id (DESIGN §3.6): the caller's `X-Request-Id` when it is 1–200 visible ASCII
 * characters, else a new UUID; also set as the response's `X-Request-Id`. Used as pino-http's `genReqId`.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
