import { resolve } from 'node:path';

/**
 * Resolves a path the user typed against the folder they typed it in: npm runs scripts from the
 * package root, and `INIT_CWD` (set by npm) is where `npm run …` was called; outside npm, the
 * working directory. Absolute paths are returned as they are.
 */
export function resolveUserPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}
