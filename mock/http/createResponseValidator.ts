import type { RequestHandler } from 'express';
import { validateAgainst, validateResponse } from '../../src/validation/index.ts';
import type { MockContext } from '../MockContext.ts';
import { errorBody } from './envelope.ts';

/**
 * Middleware validating every JSON answer against the spec before it leaves (issue: responses are
 * validated in tests and with `--validate-responses`). The route names its spec path in
 * `res.locals.specPath` (`api` spec) or `res.locals.adminSpecPath` (`admin` spec); answers shaped by
 * an injected fault are deliberately broken and are not checked. A mismatch is logged as an error and
 * recorded in `ctx.responseIssues`; in `strict` mode the answer becomes a 500 `INTERNAL_ERROR` listing
 * the issues, so a test cannot miss it.
 */
export function createResponseValidator(ctx: MockContext): RequestHandler {
  return (req, res, next) => {
    if (ctx.options.validateResponses === 'off') return next();
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.locals.faultId) return json(body);
      const admin = req.originalUrl.startsWith('/__admin');
      const path = (admin ? res.locals.adminSpecPath : res.locals.specPath) as string | undefined;
      const issues =
        admin && path === undefined && res.statusCode >= 400
          ? validateAgainst('admin', '/components/schemas/AdminErrorResponse', body)
          : validateResponse(admin ? 'admin' : 'api', req.method, path, res.statusCode, body);
      if (issues.length === 0) return json(body);
      ctx.responseIssues.push({ method: req.method, path: req.path, status: res.statusCode, issues });
      ctx.logger.error({ method: req.method, path: req.path, status: res.statusCode, issues }, 'response does not match the spec');
      if (ctx.options.validateResponses === 'log') return json(body);
      res.status(500);
      return json(errorBody('INTERNAL_ERROR', `The mock's answer (HTTP ${res.statusCode}) does not match the spec.`, { issues }, ctx.clock.now()));
    };
    next();
  };
}
