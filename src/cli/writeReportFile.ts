import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { resolveUserPath } from './resolveUserPath.ts';

/**
 * Writes a report (e.g. JUnit XML) to a path the user typed (resolved as {@link resolveUserPath} does),
 * creating missing folders. When it cannot be written, calls `fail` with a message naming the file and
 * the system's reason (the CLI's usage error, exit code 2). Returns the absolute path written. DESIGN §9.
 */
export function writeReportFile(path: string, text: string, fail: (message: string) => never): string {
  const file = resolveUserPath(path);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (err) {
    fail(`Cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return file;
}
