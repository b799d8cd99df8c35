import type { NextFunction, Request, Response } from 'express';
import { bearerToken } from '../../src/billing/authenticate.ts';
import type { MockState } from '../state/createMockState.ts';

/** Whether a path belongs to the control plane (or its console), which the journal leaves out. */
function isAdminPath(path: string): boolean {
  return path === '/__admin' || path.startsWith('/__admin/');
}

/**
 * Express middleware that records every request outside `/__admin` in its state's request journal
 * (DESIGN §12) once the answer has been sent: the usage paths, unknown paths (404), 414s and CORS
 * preflights alike, since the journal shows what the app under test actually sent. Mount it after the
 * request-id middleware (the entry reads the answer's `X-Request-Id`) and after sessions are resolved.
 * `stateFor` picks the state that serves the request (the default one, or a session's); `sessionOf` names
 * that state's session (`null` for the default one). A request whose client left before the
 * answer was complete is not recorded.
 */
export function createJournalRecorder(stateFor: (req: Request) => MockState, sessionOf: (state: MockState) => string | null = () => null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isAdminPath(req.path)) return next();
    const state = stateFor(req);
    const at = new Date(state.now()).toISOString();
    const started = performance.now();
    const q = req.url.indexOf('?');
    res.once('finish', () => {
      state.journal.record({
        at,
        method: req.method,
        path: req.path,
        query: q < 0 ? '' : req.url.slice(q + 1),
        apiKey: bearerToken(req.get('authorization')),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        requestId: String(res.getHeader('X-Request-Id') ?? ''),
        session: sessionOf(state),
      });
    });
    next();
  };
}
