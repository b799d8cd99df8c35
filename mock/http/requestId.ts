import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What Node accepts in a header value (RFC 9110 field-value): anything a caller could have sent. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]+$/;

/**
 * The request's id (DESIGN §3.6): the caller's `X-Request-Id`, echoed as sent, else a new UUID; also set as the response's `X-Request-Id`. Called once per request by the request prelude.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && given.trim() !== '' && HEADER_VALUE.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
