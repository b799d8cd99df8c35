import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A Prism server started by a test: its base URL and a way to stop it. */
export interface TestPrism {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** Stops Prism (SIGTERM) and resolves once the process has exited. */
  close(): Promise<void>;
}

/** A free port on 127.0.0.1 (asked of the OS, then released for Prism to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts Stoplight Prism (the dev dependency @stoplight/prism-cli) on 127.0.0.1 and a free port.
 * Shape: `args` are Prism's command and its arguments before the host and port, e.g.
 * `['mock', 'spec/openapi.yaml']` or `['proxy', 'spec/openapi.yaml', upstreamUrl]`.
 * @throws Error with Prism's output when it exits or does not say it is listening within 45 s.
 */
export async function startPrism(args: string[]): Promise<TestPrism> {
  const port = await freePort();
  const prism = spawn(process.execPath, ['node_modules/@stoplight/prism-cli/dist/index.js', ...args, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => prism.once('exit', () => resolve()));
  let log = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Prism did not start in 45 s:\n${log}`)), 45_000);
      const onData = (chunk: Buffer) => {
        log += chunk;
        if (log.includes('Prism is listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      prism.stdout!.on('data', onData);
      prism.stderr!.on('data', onData);
      prism.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited with ${code}:\n${log}`));
      });
    });
  } catch (err) {
    prism.kill('SIGTERM');
    throw err;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      if (prism.exitCode === null && prism.signalCode === null) prism.kill('SIGTERM');
      await exited;
    },
  };
}
