import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseRequestId } from '../api/apiRoutes.ts';

/**
 * The request's id (DESIGN §3.6): the caller's `X-Request-Id`, echoed as sent, else a new UUID; also set as the response's `X-Request-Id`. Called once per request by the request prelude.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = chooseRequestId(typeof given === 'string' ? given : undefined);
  res.setHeader('X-Request-Id', id);
  return id;
}
