import { spawn, type ChildProcess } from 'node:child_process';

/** The command line from the sources, as `npm run cli` runs it (one process: tsx as a loader, not its CLI wrapper). */
export const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

/** A `serve` child process: its base URL once listening, everything it printed, and how it ended. */
export interface ServeProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM (a clean stop), resolved once it has exited. */
  stop(): Promise<number | string>;
  /** SIGKILL (kill -9), resolved once it has exited. */
  kill(): Promise<number | string>;
}

/**
 * Starts `instaview-mock serve --port 0 --log-level silent …args` from the sources and resolves once it
 * prints its base URL; rejects with everything it printed when it exits first. The caller stops it.
 */
export async function spawnServe(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--log-level', 'silent', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && out.includes('control plane')) resolve(m[1]!);
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
  return {
    child,
    baseUrl,
    output: () => out,
    exited,
    stop: () => (child.kill('SIGTERM'), exited),
    kill: () => (child.kill('SIGKILL'), exited),
  };
}
