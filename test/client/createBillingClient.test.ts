import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillingClient } from '../../src/client/index.ts';
import { loadSpecDocument } from '../../src/validation/index.ts';

type Json = Record<string, any>;
const examples = (loadSpecDocument('api') as Json).components.examples as Json;

let server: Server;
let baseUrl: string;
let lastRequest: IncomingMessage | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    lastRequest = req;
    res.setHeader('Content-Type', 'application/json');
    const auth = req.headers.authorization;
    if (req.url?.startsWith('/proxy-error')) {
      res.statusCode = 502;
      res.setHeader('Content-Type', 'text/html');
      res.end('<html>Bad gateway</html>');
    } else if (auth === 'Bearer sk_test_good') {
      res.end(JSON.stringify(examples.AtsMixed.value));
    } else {
      res.statusCode = 401;
      res.end(JSON.stringify(examples.InvalidApiKey.value));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createBillingClient', () => {
  it('sends the key as a Bearer Authorization header to /billing/usage', async () => {
    const client = createBillingClient({ baseUrl, apiKey: 'sk_test_good' });
    const { data, error } = await client.getUsage();
    expect(error).toBeUndefined();
    expect(lastRequest?.headers.authorization).toBe('Bearer sk_test_good');
    expect(lastRequest?.url).toBe('/billing/usage');
    expect(data?.totalInterviews).toBe(22);
    expect(data?.companies.map((c) => c.companyName)).toEqual(['Hooli Talent', 'Initech', 'Stark Recruiting', 'Umbrella Staffing']);
  });

  it('sends the session as X-Mock-Session when one is given, and no such header otherwise (DESIGN §11)', async () => {
    await createBillingClient({ baseUrl, apiKey: 'sk_test_good', session: 'worker-2' }).getUsage();
    expect(lastRequest?.headers['x-mock-session']).toBe('worker-2');
    await createBillingClient({ baseUrl, apiKey: 'sk_test_good' }).getUsage();
    expect(lastRequest?.headers['x-mock-session']).toBeUndefined();
  });

  it('serialises a Date as an ISO 8601 instant and passes strings and companyId through', async () => {
    const client = createBillingClient({ baseUrl: `${baseUrl}/`, apiKey: 'sk_test_good' });
    await client.getUsage({
      start: new Date(Date.UTC(2024, 0, 1, 0, 0, 0)),
      end: '2024-01-31T00:00:00+02:00',
      companyId: '44444444-4444-4444-8444-444444444444',
    });
    const url = new URL(lastRequest!.url!, baseUrl);
    expect(url.pathname).toBe('/billing/usage');
    expect(url.searchParams.get('start')).toBe('2024-01-01T00:00:00.000Z');
    expect(url.searchParams.get('end')).toBe('2024-01-31T00:00:00+02:00');
    expect(url.search).toContain('%2B02%3A00');
    expect(url.searchParams.get('companyId')).toBe('44444444-4444-4444-8444-444444444444');
  });

  it('returns a 401 envelope as a typed error value carrying the status and code', async () => {
    const client = createBillingClient({ baseUrl, apiKey: 'sk_test_unknown' });
    const { data, error } = await client.getUsage();
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ status: 401, code: 'INVALID_API_KEY', message: 'The API key is invalid, revoked or expired.' });
  });

  it('reports a body that is not the envelope as UNEXPECTED_RESPONSE with its status', async () => {
    const client = createBillingClient({ baseUrl: `${baseUrl}/proxy-error`, apiKey: 'sk_test_good' });
    const { error } = await client.getUsage();
    expect(error).toMatchObject({ status: 502, code: 'UNEXPECTED_RESPONSE' });
  });

  it('uses an injected fetch', async () => {
    const seen: string[] = [];
    const fetchSpy: typeof fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      seen.push(`${request.method} ${request.url} ${request.headers.get('authorization')}`);
      return new Response(JSON.stringify(examples.RegularCredits.value), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const client = createBillingClient({ baseUrl: 'http://provider.invalid/v1', apiKey: 'sk_live_x', fetch: fetchSpy });
    const { data } = await client.getUsage();
    expect(seen).toEqual(['GET http://provider.invalid/v1/billing/usage Bearer sk_live_x']);
    expect(data?.totalCreditsUsed).toBe(612.5);
  });

  it('refuses an Invalid Date instead of sending "Invalid Date"', async () => {
    const client = createBillingClient({ baseUrl, apiKey: 'sk_test_good' });
    await expect(client.getUsage({ start: new Date('nope') })).rejects.toThrow(/Invalid Date/);
  });
});
