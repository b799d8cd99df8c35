import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envFlag } from '../../src/cli/serveCommand.ts';

const CLI = ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts'];

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
}

/** Starts `serve` with `args` and resolves with its base URL once it prints it; the caller kills it. */
async function serve(args: string[]): Promise<{ baseUrl: string; out: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--log-level', 'silent', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && out.includes('control plane')) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { baseUrl, out: () => out, stop };
}

describe('instaview-mock command line (DESIGN §9)', () => {
  it('serve --state-file keeps what the control plane stored across a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'state-')), 'state.json');
    const first = await serve(['--scenario', 'seed-examples', '--state-file', file]);
    try {
      const res = await fetch(`${first.baseUrl}/__admin/usage-events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ companyId: '0b6f4f3e-7c1a-4d2b-9a57-3f0c6e1d2a01', occurredAt: '2024-01-30T12:00:00Z', minutes: 4.5 }),
      });
      expect(res.status).toBe(201);
    } finally {
      await first.stop();
    }
    const second = await serve(['--state-file', file]);
    try {
      const res = await fetch(`${second.baseUrl}/billing/usage`, { headers: { Authorization: 'Bearer sk_example_minutes' } });
      const body = (await res.json()) as { data: { totalMinutesUsed: number; totalInterviews: number } };
      expect([body.data.totalMinutesUsed, body.data.totalInterviews]).toEqual([250, 43]);
    } finally {
      await second.stop();
    }
  });

  it('serve prints its base URL and the key table, then answers with the scenario\'s numbers', async () => {
    const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--scenario', 'seed-examples', '--log-level', 'silent'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const baseUrl = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m && out.includes('sk_example_ats')) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      expect(out).toContain('sk_example_minutes');
      const res = await fetch(`${baseUrl}/billing/usage`, { headers: { Authorization: 'Bearer sk_example_ats' } });
      const body = (await res.json()) as { data: { totalMinutesUsed: number; totalInterviews: number } };
      expect([body.data.totalMinutesUsed, body.data.totalInterviews]).toEqual([200.5, 42]);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('serve names the console and the API reference in its banner (DESIGN §12)', async () => {
    const mock = await serve(['--scenario', 'seed-examples']);
    try {
      expect(mock.out()).toContain(`console: ${mock.baseUrl}/__admin/ (open it in a browser`);
      expect(mock.out()).toContain(`API reference: ${mock.baseUrl}/__admin/docs\n`);
    } finally {
      await mock.stop();
    }
  });

  it('serve reads INSTAVIEW_MOCK_* variables and refuses a bad one with a clear message', () => {
    const r = run(['serve'], { INSTAVIEW_MOCK_PORT: 'eighty' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--port must be a whole number from 0 to 65535, got "eighty"');
  });

  it('serve reads on/off variables strictly: false is off, and a word it does not know is refused', () => {
    expect(envFlag('X', { X: 'false' })).toEqual({ ok: true, value: false });
    expect(envFlag('X', { X: 'TRUE' })).toEqual({ ok: true, value: true });
    expect(envFlag('X', { X: '0' })).toEqual({ ok: true, value: false });
    expect(envFlag('X', {})).toEqual({ ok: true, value: undefined });
    const r = run(['serve'], { INSTAVIEW_MOCK_RATE_LIMIT: 'maybe' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('INSTAVIEW_MOCK_RATE_LIMIT="maybe" is not on/off');
  });

  it('serve refuses an address off loopback without --admin-token', () => {
    const r = run(['serve', '--host', '0.0.0.0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--admin-token');
  });

  it('serve names an unknown scenario and lists the built-in ones', () => {
    const r = run(['serve', '--scenario', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown scenario "nope"');
    expect(r.stderr).toContain('seed-examples');
  });

  it('scenario validate names the file, line and field of a bad value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      ['name: bad', 'description: a typo on line 6', 'atsIntegrations: []', 'companies:', '  - name: Acme', '    billingSystem: hours', 'apiKeys: []', ''].join('\n'),
    );
    const r = run(['scenario', 'validate', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:6: /companies/0/billingSystem`);
  });

  it('serve stops with exit 2 naming file, line and field when a scenario breaks the exact range (DESIGN §6.8)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'huge-price.yaml');
    writeFileSync(
      file,
      [
        'name: huge-price',
        'description: a price past 15 significant digits',
        'atsIntegrations: []',
        'companies:',
        '  - id: 22222222-2222-4222-8222-222222222222',
        '    name: Globex',
        '    billingSystem: credits',
        '    pricing:',
        '      GENERIC:',
        '        baseCost: 0',
        '        includedMinutes: 0',
        '        costPerMinute: 9007199254740',
        'apiKeys: []',
        '',
      ].join('\n'),
    );
    const r = run(['serve', '--port', '0', '--scenario', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:12: /companies/0/pricing/GENERIC/costPerMinute: Invalid "pricing/GENERIC/costPerMinute": must be at most 999999999999.999`);
    expect(r.stderr).not.toContain('    at ');
  });

  it('scenario validate accepts every built-in scenario', () => {
    const r = run(['scenario', 'validate', 'default', 'seed-examples', 'empty-period', 'edge-cases']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['default: valid', 'seed-examples: valid', 'empty-period: valid', 'edge-cases: valid']);
  });
});
