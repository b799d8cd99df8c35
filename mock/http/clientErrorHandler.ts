import type { Socket } from 'node:net';
import { errorBody } from './envelope.ts';

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
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}
