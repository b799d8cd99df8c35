import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { launcherChain } from '../../src/cli/watchLaunchers.ts';
import { CLI } from '../support/spawnServe.ts';

describe('the mock stops when whatever launched it ends (issue 8)', () => {
  it('watches the parent, and walks up through sh -c wrappers to the process that started them', () => {
    const table: Record<number, { ppid: number; argv: string[] }> = {
      500: { ppid: 400, argv: ['node', 'dist/src/cli/main.js', 'serve'] },
      400: { ppid: 300, argv: ['sh', '-c', 'node dist/src/cli/main.js serve'] },
      300: { ppid: 200, argv: ['npm', 'start'] },
      200: { ppid: 1, argv: ['bash'] },
    };
    expect(launcherChain(500, (pid) => table[pid])).toEqual([400, 300]);
    // Started from an interactive shell: only that shell.
    expect(launcherChain(300, (pid) => table[pid])).toEqual([200]);
  });

  it('stops a mock started as `sh -c` under another process when that process is killed with -9', async () => {
    const command = `${process.execPath} ${CLI.join(' ')} serve --port 0 --scenario seed-examples --log-level silent; echo ended`;
    const launcher = spawn(process.execPath, ['-e', `require('node:child_process').spawn('sh', ['-c', ${JSON.stringify(command)}], { stdio: 'inherit' }); setInterval(() => {}, 1e6);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const baseUrl = await new Promise<string>((resolve, reject) => {
      launcher.stdout!.on('data', (chunk) => {
        out += chunk;
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m && out.includes('control plane')) resolve(m[1]!);
      });
      launcher.on('exit', () => reject(new Error(`the launcher ended first: ${out}`)));
    });
    expect((await fetch(`${baseUrl}/__admin/health`)).status).toBe(200);
    launcher.removeAllListeners('exit');
    launcher.kill('SIGKILL');
    const deadline = Date.now() + 8000;
    let stillUp = true;
    while (stillUp && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      stillUp = await fetch(`${baseUrl}/__admin/health`).then(() => true, () => false);
    }
    expect(stillUp).toBe(false);
  }, 30_000);
});
