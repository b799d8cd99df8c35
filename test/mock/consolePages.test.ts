import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { rulesScenario } from '../support/rulesScenario.ts';

let m: TestMock;
let guarded: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
  guarded = await startMock(rulesScenario, { adminToken: 'page-secret' });
});
afterAll(async () => {
  await m.close();
  await guarded.close();
});

/** A raw GET with chosen headers and the path sent as written (fetch would not let a test set `Host`, and would resolve `..`). */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the console and API reference pages (DESIGN §12)', () => {
  it('serves the console at /__admin/ as HTML that may not be framed and runs only its own scripts', async () => {
    const res = await fetch(`${m.baseUrl}/__admin/`);
    expect([res.status, res.headers.get('content-type'), res.headers.get('x-frame-options')]).toEqual([200, 'text/html; charset=utf-8', 'DENY']);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'; style-src 'self'; connect-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await res.text()).toContain('<script type="module" src="assets/console.js"></script>');
  });

  it('redirects /__admin to /__admin/, so the page’s relative links resolve', async () => {
    const res = await fetch(`${m.baseUrl}/__admin`, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([302, '/__admin/']);
  });

  it('serves the page, its script and the docs without the admin token, but not the state', async () => {
    const statuses = [];
    for (const path of ['/__admin/', '/__admin/assets/console.js', '/__admin/docs', '/__admin/docs/redoc.standalone.js', '/__admin/health']) statuses.push((await fetch(`${guarded.baseUrl}${path}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 401]);
  });

  it('keeps the Host and Origin checks of the control plane on the pages (DESIGN §6.3)', async () => {
    const port = new URL(m.baseUrl).port;
    expect([
      await rawGet(m.baseUrl, '/__admin/', { Host: `attacker.example:${port}` }),
      await rawGet(m.baseUrl, '/__admin/', { Origin: 'http://attacker.example' }),
      await rawGet(m.baseUrl, '/__admin/', { Origin: `http://127.0.0.1:${port}` }),
    ]).toEqual([403, 403, 200]);
  });

  it('answers another method on a page with 405 allowing GET and HEAD', async () => {
    const res = await fetch(`${m.baseUrl}/__admin/`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    expect([res.status, res.headers.get('allow'), ((await res.json()) as { error: { code: string } }).error.code]).toEqual([405, 'GET, HEAD', 'METHOD_NOT_ALLOWED']);
  });

  it('serves the three spec files beside the docs page, so relative $refs resolve', async () => {
    const texts = [];
    for (const file of ['openapi.yaml', 'admin.openapi.yaml', 'scenario.schema.json']) {
      const res = await fetch(`${m.baseUrl}/__admin/docs/${file}`);
      expect(res.status).toBe(200);
      texts.push(await res.text());
    }
    expect([texts[0]!.startsWith('openapi: 3.1.0\n'), texts[1]!.includes("$ref: './scenario.schema.json#/$defs/"), JSON.parse(texts[2]!).title]).toEqual([true, true, 'InstaView mock scenario']);
  });

  it("serves Redoc's standalone bundle from the installed redoc package", async () => {
    const res = await fetch(`${m.baseUrl}/__admin/docs/redoc.standalone.js`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await res.text()).startsWith('/*! For license information please see redoc.standalone.js.LICENSE.txt */')).toBe(true);
  });

  it('leaves the pages out of the request journal, and a path under /__admin/docs that is not a file answers 404', async () => {
    await m.admin('DELETE', '/requests');
    await fetch(`${m.baseUrl}/__admin/`);
    const outside = await rawGet(m.baseUrl, '/__admin/docs/../../package.json');
    const unknown = await rawGet(m.baseUrl, '/__admin/docs/package.json');
    expect([outside, unknown, (await m.admin('GET', '/requests')).body.data.total]).toEqual([404, 404, 0]);
  });
});
