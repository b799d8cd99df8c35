import { execFileSync } from 'node:child_process';

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The version and branch a pacticipant publishes under: `GITHUB_SHA`/`GIT_COMMIT` or `git rev-parse HEAD`,
 * and `GITHUB_HEAD_REF`/`GITHUB_REF_NAME`/`GIT_BRANCH` or the checked-out branch.
 * @throws Error when no version can be found (not a git checkout and no env var).
 */
export function gitVersion(env: NodeJS.ProcessEnv): { version: string; branch?: string } {
  const version = env.GITHUB_SHA || env.GIT_COMMIT || git(['rev-parse', 'HEAD']);
  if (!version) throw new Error('No version: set GIT_COMMIT (or run inside a git checkout).');
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || env.GIT_BRANCH || git(['rev-parse', '--abbrev-ref', 'HEAD']);
  return { version, ...(branch && branch !== 'HEAD' ? { branch } : {}) };
}
