import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { apiError, type ApiRequest } from '../api/answerUsageRequest.ts';
import { apiMessages } from '../api/apiErrors.ts';
import { MAX_QUERY_BYTES } from '../api/apiRoutes.ts';
import { errorBody, type MockAnswer } from '../api/envelope.ts';
import { handleApiRequest } from '../api/handleApiRequest.ts';
import type { MockState } from '../state/createMockState.ts';
import type { AnswerCheck } from './createAnswerCheck.ts';
import { writeAnswer } from './sendAnswer.ts';


/** A Connect-style middleware over plain Node objects (the `cors` package is one). */
type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** What the API handler is built from (createApp wires it). */
export interface ApiHandlerOptions {
  /** Sets the request id and registers the log line and journal entry (mock/http/createRequestPrelude.ts). */
  start(req: IncomingMessage, res: ServerResponse): string;
  /** Resolves `X-Mock-Session` (DESIGN §11): the state to serve, or the answer refusing the session. */
  session(req: IncomingMessage): Promise<{ state: MockState } | { answer: MockAnswer }>;
  /** The default state (no session header). */
  state: MockState;
  /** CORS for the API paths (DESIGN §3.6): the `cors` package's middleware. */
  cors: NodeMiddleware;
  check: AnswerCheck;
  logger: Logger;
}

/**
 * Serves the API paths (`GET|HEAD|… /billing/usage`, `/v1/billing/usage`; a CORS preflight goes to
 * Express) straight on Node's request and response, without Express's router and request wrappers:
 * the API answers on every request, so its per-request work is kept to what DESIGN §3 asks (issue 11).
 * In order: request id, log line and journal entry; CORS headers; 414 for a query over 8 KiB; the
 * session; then `handleApiRequest` (method, `Prefer`, faults, DESIGN §3.1's checks, the report) and the
 * mock's own response check. An unexpected error is a 500 in the envelope, logged, never a stack trace.
 */
export function createApiHandler(opts: ApiHandlerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    opts.start(req, res);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? '' : url.slice(q + 1);
    const fail = (err: unknown) => {
      opts.logger.error({ err, path }, 'unexpected error');
      if (res.headersSent) return void res.destroy();
      const body = JSON.stringify(errorBody('INTERNAL_ERROR', 'The mock failed unexpectedly; see its log.', undefined, opts.state.now()));
      res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
    };
    opts.cors(req, res, (err) => {
      if (err) return fail(err);
      if (Buffer.byteLength(query) > MAX_QUERY_BYTES) {
        const answer = apiError(opts.state, 'URI_TOO_LONG', apiMessages.uriTooLong(MAX_QUERY_BYTES), { maxBytes: MAX_QUERY_BYTES });
        return writeAnswer(res, method, path, { ...answer, specPath: undefined }, opts.check, opts.state.now());
      }
      const serve = (state: MockState) => {
        const request: ApiRequest = {
          method,
          path,
          query,
          header: (name) => {
            const value = req.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : value;
          },
        };
        const outcome = handleApiRequest(state, request);
        if (outcome.delayMs <= 0) return writeAnswer(res, method, path, outcome.answer(), opts.check, state.now());
        setTimeout(() => {
          try {
            writeAnswer(res, method, path, outcome.answer(), opts.check, state.now());
          } catch (e) {
            fail(e);
          }
        }, outcome.delayMs);
      };
      try {
        if (req.headers['x-mock-session'] === undefined) return serve(opts.state);
        opts.session(req).then((r) => ('answer' in r ? writeAnswer(res, method, path, r.answer, opts.check, opts.state.now()) : serve(r.state)), fail);
      } catch (e) {
        fail(e);
      }
    });
  };
}
