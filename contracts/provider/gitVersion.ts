import { execFileSync } from 'node:child_process';

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The version and branch a pacticipant publishes under: `GIT_COMMIT`, else `GITHUB_SHA`, else `git rev-parse HEAD`;
 * `GIT_BRANCH`, else `GITHUB_HEAD_REF` (a PR's source branch), else `GITHUB_REF_NAME`, else the checked-out branch.
 * @throws Error when no version can be found (not a git checkout and no env var).
 */
export function gitVersion(env: NodeJS.ProcessEnv): { version: string; branch?: string } {
  const version = env.GIT_COMMIT || env.GITHUB_SHA || git(['rev-parse', 'HEAD']);
  if (!version) throw new Error('No version: set GIT_COMMIT (or run inside a git checkout).');
  const branch = env.GIT_BRANCH || env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || git(['rev-parse', '--abbrev-ref', 'HEAD']);
  return { version, ...(branch && branch !== 'HEAD' ? { branch } : {}) };
}
