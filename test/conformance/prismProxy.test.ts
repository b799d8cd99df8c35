import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';

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

let mock: TestMock;
let prism: ChildProcess;
let proxyUrl: string;

beforeAll(async () => {
  mock = await startMock('seed-examples');
  const port = await freePort();
  proxyUrl = `http://127.0.0.1:${port}`;
  prism = spawn(process.execPath, ['node_modules/@stoplight/prism-cli/dist/index.js', 'proxy', 'spec/openapi.yaml', mock.baseUrl, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
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
    prism.on('exit', (code) => reject(new Error(`Prism exited with ${code}:\n${log}`)));
  });
}, 60_000);

afterAll(async () => {
  prism?.kill('SIGTERM');
  await mock?.close();
});

// Stoplight Prism's validation proxy checks each request and answer against spec/openapi.yaml and
// reports violations in the `sl-violations` header: an independent second opinion on the mock.
describe('Prism validation proxy in front of the mock', () => {
  it.each([
    ['sk_example_minutes', '', 200],
    ['sk_example_credits', '?start=2024-01-01&end=2024-01-31', 200],
    ['sk_example_ats', '', 200],
    ['sk_unknown', '', 401],
  ])('finds no violation in the answer for %s%s (HTTP %i)', async (key, query, status) => {
    const res = await fetch(`${proxyUrl}/billing/usage${query}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(status);
    const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]') as Array<{ location: string[] }>;
    expect(violations.filter((v) => v.location[0] === 'response')).toEqual([]);
  });

  it('flags the request, not the answer, when the caller sends an impossible date', async () => {
    const res = await fetch(`${proxyUrl}/billing/usage?start=2024-02-30`, { headers: { Authorization: 'Bearer sk_example_minutes' } });
    const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]') as Array<{ location: string[] }>;
    expect(violations.map((v) => v.location.join('.'))).toContain('request.query.start');
    expect(violations.filter((v) => v.location[0] === 'response')).toEqual([]);
  });

  it('does report a violation when the mock is made to break the spec', async () => {
    await mock.admin('PUT', '/faults', { path: '/billing/usage', dropFields: ['/data/companies/0/billingSystem'] });
    const res = await fetch(`${proxyUrl}/billing/usage`, { headers: { Authorization: 'Bearer sk_example_minutes' } });
    expect(res.headers.get('sl-violations')).toContain('billingSystem');
    await mock.admin('DELETE', '/faults');
  });
});
