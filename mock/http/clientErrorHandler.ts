import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { errorBody } from '../api/envelope.ts';

/**
 * Answers requests Node's HTTP parser rejects by itself (oversized headers, a malformed request line)
 * with the error envelope instead of a bare closed socket (DESIGN §3.6); the server keeps serving.
 * Use as `server.on('clientError', createClientErrorHandler(clock))`.
 */
export function createClientErrorHandler(now: () => number) {
  return (err: Error & { code?: string }, socket: Socket): void => {
    if (!socket.writable) return void socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify(
      errorBody(
        'BAD_REQUEST',
        tooLarge ? 'The request line or headers are too large.' : 'The request could not be parsed as HTTP/1.1.',
        { reason: err.code ?? 'PARSE_ERROR' },
        now(),
      ),
    );
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nX-Request-Id: ${randomUUID()}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}

/**
 * Answers a CONNECT request (which Node hands to the server, not to Express) with 405
 * `METHOD_NOT_ALLOWED` in the envelope, then closes the connection: the mock is no proxy.
 */
export function createConnectHandler(now: () => number) {
  return (_req: unknown, socket: Socket): void => {
    const body = JSON.stringify(errorBody('METHOD_NOT_ALLOWED', 'CONNECT is not supported: this is an API mock, not a proxy.', undefined, now()));
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, OPTIONS\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `X-Request-Id: ${randomUUID()}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}
