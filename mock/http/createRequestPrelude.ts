import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { bearerToken } from '../../src/billing/authenticate.ts';
import type { MockState } from '../state/createMockState.ts';
import { requestIdOf } from './requestId.ts';

/** Whether a path belongs to the control plane (or its console), which the request journal leaves out. */
export function isAdminPath(path: string): boolean {
  return path === '/__admin' || path.startsWith('/__admin/');
}

/** What the prelude needs: where to log, which state serves a request, and its session's name. */
export interface RequestPreludeOptions {
  logger: Logger;
  /** The state that serves the request, once its session (if any) is resolved. */
  stateFor(req: IncomingMessage): MockState;
  /** The session a state belongs to (`null` for the default state), for the journal. */
  sessionOf(state: MockState): string | null;
}

/**
 * The work every request needs, in one middleware and one `finish` listener (issue 11: per-request cost):
 * the request id (DESIGN §3.6: the caller's `X-Request-Id` echoed, else a new UUID, on the answer); once
 * the answer is sent, one log line (method, path, status, time, request id, the key's last 4 characters
 * only: `GET /billing/usage → 200 in 3 ms · <id> · key …obex`, with the same fields as JSON) and, for
 * requests outside `/__admin`, an entry in the serving state's request journal (DESIGN §12). A request
 * whose client left before the answer was complete is neither logged as answered nor journaled.
 * Mount it first: the serving state is looked up when the answer is done, after sessions are resolved.
 */
export function createRequestPrelude(opts: RequestPreludeOptions) {
  const begin = createRequestStart(opts);
  return (req: Request, res: Response, next: NextFunction): void => {
    begin(req, res);
    next();
  };
}

/**
 * The same as {@link createRequestPrelude} for a plain Node request (the API paths are served without
 * Express, issue 11): sets the request id and registers the log line and journal entry; returns the id.
 */
export function createRequestStart(opts: RequestPreludeOptions) {
  const { logger } = opts;
  const logs = logger.isLevelEnabled('info');
  return (req: IncomingMessage, res: ServerResponse): string => {
    const started = performance.now();
    const id = requestIdOf(req, res);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const journaled = !isAdminPath(path);
    if (!logs && !journaled) return id;
    res.once('finish', () => {
      const state = journaled ? opts.stateFor(req) : undefined;
      const ms = Math.round(performance.now() - started);
      const auth = req.headers.authorization;
      const key = bearerToken(typeof auth === 'string' ? auth : undefined);
      const status = res.statusCode;
      const method = req.method ?? 'GET';
      if (state) {
        state.journal.record({ at: new Date(state.now()).toISOString(), method, path, query: q < 0 ? '' : url.slice(q + 1), apiKey: key, status, ms, requestId: id, session: opts.sessionOf(state) });
      }
      if (logs) {
        const suffix = key ? ` · key …${key.slice(-4)}` : '';
        const fields = { reqId: id, req: { method, path }, res: { status }, responseTime: ms, ...(key ? { key: `…${key.slice(-4)}` } : {}) };
        const message = `${method} ${path} → ${status} in ${ms} ms · ${id}${suffix}`;
        if (status >= 500) logger.error(fields, message);
        else logger.info(fields, message);
      }
    });
    return id;
  };
}
