import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { rulesScenario } from '../support/rulesScenario.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
afterAll(() => m.close());

/** Sends raw bytes and returns the raw answer (for requests fetch refuses to send). */
function raw(request: string): Promise<string> {
  const { port, hostname } = new URL(m.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('HTTP behaviour (DESIGN §3.6)', () => {
  it('answers a browser preflight with 204 allowing Authorization', async () => {
    const res = await fetch(`${m.baseUrl}/billing/usage`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('exposes the rate-limit headers, X-Request-Id and Retry-After to a browser GET', async () => {
    const r = await m.get('/billing/usage', 'sk_test_acme', { Origin: 'http://localhost:5173' });
    const exposed = r.headers.get('access-control-expose-headers')?.split(',').map((h) => h.trim().toLowerCase());
    expect(exposed).toEqual(expect.arrayContaining(['x-ratelimit-remaining-minute', 'x-ratelimit-reset-hour', 'x-request-id', 'retry-after']));
  });

  it('narrows CORS to --cors-origin', async () => {
    const narrow = await startMock(rulesScenario, { corsOrigin: 'http://app.test' });
    try {
      const ok = await narrow.get('/billing/usage', 'sk_test_acme', { Origin: 'http://app.test' });
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://app.test');
      const other = await narrow.get('/billing/usage', 'sk_test_acme', { Origin: 'http://evil.test' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await narrow.close();
    }
  });

  it('echoes the caller X-Request-Id and makes one up otherwise', async () => {
    expect((await m.get('/billing/usage', 'sk_test_acme', { 'X-Request-Id': 'trace-42' })).headers.get('x-request-id')).toBe('trace-42');
    const long = `trace-${'x'.repeat(600)}`;
    expect((await m.get('/billing/usage', 'sk_test_acme', { 'X-Request-Id': long })).headers.get('x-request-id')).toBe(long);
    expect((await m.get('/billing/usage')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await fetch(`${m.baseUrl}/billing/usage`, { method: 'HEAD', headers: { Authorization: 'Bearer sk_test_acme' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit-minute')).toBe('60');
    expect(await res.text()).toBe('');
  });

  it.each(['/billing/usage/', '/Billing/usage', '/billing', '/v2/billing/usage'])('answers 404 RESOURCE_NOT_FOUND for %s (strict routing)', async (path) => {
    const r = await m.get(path, 'sk_test_acme');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('RESOURCE_NOT_FOUND');
  });

  it.each(['PUT', 'DELETE', 'PATCH'])('answers 405 for %s on /v1/billing/usage', async (method) => {
    const res = await fetch(`${m.baseUrl}/v1/billing/usage`, { method, headers: { Authorization: 'Bearer sk_test_acme' } });
    expect(res.status).toBe(405);
  });

  it('answers 414 URI_TOO_LONG for a query string over 8 KiB', async () => {
    const r = await m.get(`/billing/usage?pad=${'x'.repeat(8 * 1024)}`, 'sk_test_acme');
    expect(r.status).toBe(414);
    expect(r.body.error.code).toBe('URI_TOO_LONG');
  });

  it('answers a query of exactly 8 KiB normally', async () => {
    const r = await m.get(`/billing/usage?pad=${'x'.repeat(8 * 1024 - 4)}`, 'sk_test_acme');
    expect(r.status).toBe(200);
  });

  it('answers a malformed request line with the error envelope and keeps serving', async () => {
    const answer = await raw('GARBAGE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code).toBe('BAD_REQUEST');
    expect((await m.get('/billing/usage', 'sk_test_acme')).status).toBe(200);
  });

  it('answers oversized headers with 431 and the envelope', async () => {
    const answer = await raw(`GET /billing/usage HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40 * 1024)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    expect(answer).toMatch(/X-Request-Id: [0-9a-f-]{36}/);
    expect(answer).toContain('"success":false');
  });

  it('answers bad percent-encoding in a date with 400, not 500', async () => {
    const r = await m.get('/billing/usage?start=%E0%A4%A', 'sk_test_acme');
    expect(r.status).toBe(400);
  });
});

describe('requests Express never sees (DESIGN §3.6)', () => {
  it('answers an HTTP/1.1 request without Host with the envelope', async () => {
    const answer = await raw('GET /billing/usage HTTP/1.1\r\nAuthorization: Bearer sk_test_acme\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('"success":true');
  });

  it('answers CONNECT with 405 and the envelope', async () => {
    const answer = await raw('CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 405/);
    expect(answer).toContain('"METHOD_NOT_ALLOWED"');
  });
});

describe('ordering of the HTTP checks (DESIGN §3.6)', () => {
  it('puts CORS headers on a 414 so a browser can read it, and answers a long preflight with 204', async () => {
    const long = `/billing/usage?pad=${'x'.repeat(9000)}`;
    const r = await m.get(long, 'sk_test_acme', { Origin: 'http://localhost:5173' });
    expect(r.status).toBe(414);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const pre = await fetch(`${m.baseUrl}${long}`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' } });
    expect(pre.status).toBe(204);
  });

  it('routes and checks the method before an injected fault applies', async () => {
    await m.admin('PUT', '/faults', { status: 503 });
    try {
      expect((await m.get('/billing/usage/extra', 'sk_test_acme')).status).toBe(404);
      expect((await fetch(`${m.baseUrl}/billing/usage`, { method: 'POST' })).status).toBe(405);
      expect((await m.get('/billing/usage', 'sk_test_acme')).status).toBe(503);
    } finally {
      await m.admin('DELETE', '/faults');
    }
  });

  it('draws fault error rates from the seeded generator, the same sequence after every reset', async () => {
    const run = async () => {
      await m.admin('POST', '/reset');
      await m.admin('PUT', '/faults', { status: 500, errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await m.get('/billing/usage', 'sk_test_acme')).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
    await m.admin('POST', '/reset');
  });
});
