import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { resolveUserPath } from './resolveUserPath.ts';

/**
 * Creates the missing folders above `file`, one level at a time. Not `mkdirSync(…, { recursive: true })`:
 * on Node 20 that never returns for a folder the kernel refuses without a clear error (`/proc/x`).
 * @throws an Error whose message names the path and the reason: a path part that is a file
 * (`… is not a folder`), or the system's code (EACCES, ENOENT, EROFS…) for the level it could not make.
 */
function makeFolders(file: string): void {
  const missing: string[] = [];
  let dir = dirname(file);
  for (;;) {
    let stat;
    try {
      stat = statSync(dir, { throwIfNoEntry: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw new Error(`cannot read the folder ${dir} (${(err as NodeJS.ErrnoException).code})`);
    }
    if (stat) {
      if (!stat.isDirectory()) throw new Error(`${dir} is not a folder`);
      break;
    }
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot make the folder ${level} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
}

/**
 * Writes a report (e.g. JUnit XML) to a path the user typed (resolved as {@link resolveUserPath} does),
 * creating missing folders. When it cannot be written, calls `fail` with a message naming the file and
 * the reason (a path part that is a file, or the system's code such as EACCES): the CLI's usage error,
 * exit code 2. Returns the absolute path written. DESIGN §9.
 */
export function writeReportFile(path: string, text: string, fail: (message: string) => never): string {
  const file = resolveUserPath(path);
  try {
    makeFolders(file);
  } catch (err) {
    fail(`Cannot write ${file}: ${(err as Error).message}`);
  }
  try {
    writeFileSync(file, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(`Cannot write ${file}: ${code === 'EISDIR' ? 'it is a folder' : (code ?? (err as Error).message)}`);
  }
  return file;
}
