import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { apiMessages } from '../api/apiErrors.ts';
import { MAX_QUERY_BYTES } from '../api/apiRoutes.ts';
import { errorBody, type MockErrorCode } from '../api/envelope.ts';


const REASONS: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed', 414: 'URI Too Long', 417: 'Expectation Failed', 431: 'Request Header Fields Too Large', 505: 'HTTP Version Not Supported' };

/** A whole HTTP/1.1 answer in the envelope, with a new `X-Request-Id`, closing the connection. */
function rawAnswer(status: number, code: MockErrorCode, message: string, details: Record<string, unknown> | undefined, nowMs: number, extra = ''): string {
  const body = JSON.stringify(errorBody(code, message, details, nowMs));
  return `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n${extra}Content-Type: application/json; charset=utf-8\r\nX-Request-Id: ${randomUUID()}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** What Node's parser refused, as DESIGN §3.6 answers it: a request line over the query limit is 414, other oversize 431, an unknown HTTP version 505, the rest 400. */
function classify(err: Error & { code?: string; rawPacket?: Buffer }): { status: number; code: MockErrorCode; message: string } {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    const packet = err.rawPacket ?? Buffer.alloc(0);
    const lineEnd = packet.indexOf('\r\n');
    const line = lineEnd < 0 ? packet : packet.subarray(0, lineEnd);
    const query = line.indexOf('?');
    if (lineEnd < 0 || (query >= 0 && line.length - query > MAX_QUERY_BYTES)) return { status: 414, code: 'URI_TOO_LONG', message: apiMessages.uriTooLong(MAX_QUERY_BYTES) };
    return { status: 431, code: 'BAD_REQUEST', message: 'The request headers are too large.' };
  }
  if (err.code === 'HPE_INVALID_VERSION') return { status: 505, code: 'BAD_REQUEST', message: 'Only HTTP/1.0 and HTTP/1.1 are spoken here.' };
  return { status: 400, code: 'BAD_REQUEST', message: 'The request could not be parsed as HTTP/1.1.' };
}

/**
 * Answers requests Node's HTTP parser rejects by itself (a request line or headers too large, a
 * malformed request line, an unknown HTTP version) with the error envelope and an `X-Request-Id`
 * instead of a bare closed socket (DESIGN §3.6); the server keeps serving.
 * Use as `server.on('clientError', createClientErrorHandler(clock))`.
 */
export function createClientErrorHandler(now: () => number) {
  return (err: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void => {
    if (!socket.writable) return void socket.destroy();
    const { status, code, message } = classify(err);
    socket.end(rawAnswer(status, code, message, { reason: err.code ?? 'PARSE_ERROR' }, now()));
  };
}

/**
 * Answers a request whose `Expect` header is not `100-continue` (Node would send a bare 417) with 417
 * in the envelope and an `X-Request-Id` (DESIGN §3.6). Use as `server.on('checkExpectation', …)`.
 */
export function createExpectationHandler(now: () => number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const body = JSON.stringify(errorBody('BAD_REQUEST', `Expect: ${String(req.headers.expect)} is not supported; only 100-continue is.`, { field: 'Expect', reason: 'only 100-continue is supported' }, now()));
    res.writeHead(417, { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': randomUUID(), 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
}

/**
 * Answers a CONNECT request (which Node hands to the server, not to Express) with 405
 * `METHOD_NOT_ALLOWED` in the envelope, then closes the connection: the mock is no proxy.
 */
export function createConnectHandler(now: () => number) {
  return (_req: unknown, socket: Socket): void => {
    socket.end(rawAnswer(405, 'METHOD_NOT_ALLOWED', 'CONNECT is not supported: this is an API mock, not a proxy.', undefined, now(), 'Allow: GET, HEAD, OPTIONS\r\n'));
  };
}
