import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { rulesScenario } from '../support/rulesScenario.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
beforeEach(async () => {
  await m.admin('POST', '/reset');
});
afterAll(() => m.close());

async function withAuthorization(value: string | undefined, query = '') {
  const res = await fetch(`${m.baseUrl}/billing/usage${query}`, { headers: value === undefined ? {} : { Authorization: value } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

describe('authentication, checked in the order of DESIGN §3.1', () => {
  it('answers 401 MISSING_API_KEY with WWW-Authenticate when there is no Authorization header', async () => {
    const r = await withAuthorization(undefined);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('MISSING_API_KEY');
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="instaview"');
    expect(r.body).toMatchObject({ success: false, data: null });
  });

  it.each(['Basic c2tfdGVzdF9hY21lOg==', 'Bearer', 'Bearer    ', 'sk_test_acme', 'Token sk_test_acme'])('treats "%s" as a missing key', async (value) => {
    const r = await withAuthorization(value);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('MISSING_API_KEY');
  });

  it('accepts a lower-case scheme and spaces around the key', async () => {
    const r = await withAuthorization('bearer    sk_test_acme   ');
    expect(r.status).toBe(200);
    expect(r.body.data.companies[0].companyName).toBe('Acme');
  });

  it.each(['sk_test_unknown', 'sk_test_revoked', 'sk_test_expired', 'sk_test_expires_now'])('answers 401 INVALID_API_KEY for %s', async (key) => {
    const r = await m.get('/billing/usage', key);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('INVALID_API_KEY');
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="instaview"');
  });

  it('still accepts a key that expires one millisecond after now', async () => {
    expect((await m.get('/billing/usage', 'sk_test_expires_later')).status).toBe(200);
  });

  it('answers 403 API_KEY_SUSPENDED for a suspended key', async () => {
    const r = await m.get('/billing/usage', 'sk_test_suspended');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('API_KEY_SUSPENDED');
  });

  it('answers 403 INSUFFICIENT_SCOPE naming read:billing for a key without it', async () => {
    const r = await m.get('/billing/usage', 'sk_test_noscope');
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'INSUFFICIENT_SCOPE', details: { requiredScope: 'read:billing' } });
  });

  it('checks the key before the dates: an invalid key with a bad date is 401', async () => {
    const r = await m.get('/billing/usage?start=2024-02-30', 'sk_test_unknown');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('INVALID_API_KEY');
  });

  it('checks the scope before the dates: a key without scope and a bad date is 403', async () => {
    const r = await m.get('/billing/usage?start=2024-02-30', 'sk_test_noscope');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('INSUFFICIENT_SCOPE');
  });

  it('checks the dates before the company: an unmanaged companyId with a bad date is 400', async () => {
    const r = await m.get('/billing/usage?start=yesterday&companyId=11111111-1111-4111-8111-111111111111', 'sk_test_ats');
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('start');
  });

  it('checks the method before the key: POST without a key is 405 with Allow', async () => {
    const res = await fetch(`${m.baseUrl}/billing/usage`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(((await res.json()) as any).error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
