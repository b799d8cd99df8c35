import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { adminError } from '../admin/adminAnswers.ts';
import { createAdminGuard } from '../admin/createAdminGuard.ts';
import { packagePath } from '../../src/packagePath.ts';
import type { AnswerCheck } from '../http/createAnswerCheck.ts';
import { sendAnswer } from '../http/sendAnswer.ts';

/** A file of the console's assets, found from `mock/console/` in a checkout and from `dist/mock/console/` in the package. */
const asset = (name: string) => packagePath('mock', 'console', 'assets', name);

/**
 * Redoc's standalone bundle (never a CDN): the copy `npm run build` puts beside the compiled router
 * (`dist/mock/console/vendor/`, what the npm package ships, so installing it does not pull Redoc's
 * React tree), else, running the sources in a checkout, the `redoc` devDependency.
 */
const REDOC_BUNDLE = (() => {
  const shipped = fileURLToPath(new URL('./vendor/redoc.standalone.js', import.meta.url));
  if (existsSync(shipped)) return shipped;
  try {
    return createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');
  } catch {
    return shipped; // missing either way: the page's script answers 404, the rest of the mock runs
  }
})();

/** The console's own page: script, styles and data only from this origin, never framed (clickjacking). */
const CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** Redoc's page: as the console's, plus the inline styles, web worker and fonts Redoc makes itself. */
const DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Each file the console serves, by path under `/__admin`: a fixed list (no path from the request ever
 * reaches the file system). The spec files sit beside the docs page so their relative `$ref`s
 * (`./openapi.yaml`, `./scenario.schema.json`) resolve to these URLs.
 */
const FILES: Record<string, { file: string; policy?: string }> = {
  '/': { file: asset('index.html'), policy: CONSOLE_POLICY },
  '/assets/console.js': { file: asset('console.js') },
  '/assets/api.js': { file: asset('api.js') },
  '/assets/render.js': { file: asset('render.js') },
  '/assets/console.css': { file: asset('console.css') },
  '/docs': { file: asset('docs.html'), policy: DOCS_POLICY },
  '/docs/admin': { file: asset('docs.html'), policy: DOCS_POLICY },
  '/docs/docs.js': { file: asset('docs.js') },
  '/docs/redoc.standalone.js': { file: REDOC_BUNDLE },
  '/docs/openapi.yaml': { file: packagePath('spec', 'openapi.yaml') },
  '/docs/admin.openapi.yaml': { file: packagePath('spec', 'admin.openapi.yaml') },
  '/docs/scenario.schema.json': { file: packagePath('spec', 'scenario.schema.json') },
};

/** What the console router needs: the guard's allowed hosts, the mock clock and the response check (for its JSON errors). */
export interface ConsoleRouterOptions {
  /** `Host` names accepted besides loopback (`--host`, `--allowed-hosts`), DESIGN §6.3. */
  allowedHosts: readonly string[];
  /** The mock clock's now, milliseconds since epoch (for the `timestamp` of a refusal). */
  now(): number;
  check: AnswerCheck;
}

/**
 * The QA console and the API reference under `/__admin` (DESIGN §12): `GET /__admin/` (the page;
 * `/__admin` redirects there), its script and styles under `/__admin/assets/`, `GET /__admin/docs`
 * and `/__admin/docs/admin` (Redoc over spec/openapi.yaml and spec/admin.openapi.yaml) with the spec
 * files and Redoc's bundle beside them. Static files only, served from the package: they hold no
 * state, so they need no admin token (the page asks for it and sends it on its JSON calls), but they
 * keep the control plane's Host and Origin checks (DESIGN §6.3). Other methods answer 405; any
 * other path goes on to the control plane. HTML answers are not JSON: no envelope, no response check.
 */
export function createConsoleRouter(opts: ConsoleRouterOptions): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const guard = createAdminGuard({ allowedHosts: opts.allowedHosts }, () => opts.now());
  const paths = Object.keys(FILES);
  router.all(paths, guard, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const answer = adminError(opts.now(), undefined, { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on ${req.originalUrl.split('?')[0]}; use GET.`, details: { allowed: ['GET', 'HEAD'] } }, { Allow: 'GET, HEAD' });
      return sendAnswer(req, res, answer, opts.check, opts.now());
    }
    if (req.path === '/' && req.originalUrl.split('?')[0] === '/__admin') return res.redirect(302, '/__admin/');
    const { file, policy } = FILES[req.path]!;
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (policy) Object.assign(headers, { 'Content-Security-Policy': policy, 'X-Frame-Options': 'DENY' });
    res.sendFile(file, { headers }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  });
  return router;
}
