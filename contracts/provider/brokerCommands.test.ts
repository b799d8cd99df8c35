import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_SCENARIO } from '../../mock/state/providerStates.ts';
import { startMock, type TestMock } from '../../test/support/startMock.ts';
import { PACT_FILE } from '../pactNames.ts';
import { runPublishCli } from './publishPacts.ts';
import { runVerifyCli } from './verifyCli.ts';

const PACT_TEXT = readFileSync(new URL(`../pacts/${PACT_FILE}`, import.meta.url), 'utf8');

/** A fake Pact Broker on loopback: records requests, serves the committed pact as "latest". */
let broker: Server;
let brokerUrl: string;
const seen: Array<{ method: string; url: string; auth?: string; body: string }> = [];
let mock: TestMock;

beforeAll(async () => {
  broker = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method ?? '', url: req.url ?? '', ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), body });
    if (req.method === 'GET' && req.url === '/pacts/provider/instaview-billing-api/consumer/billing-dashboard/latest') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(PACT_TEXT);
    if (req.method === 'POST' && req.url === '/contracts/publish') return res.writeHead(200, { 'Content-Type': 'application/hal+json' }).end('{}');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  brokerUrl = `http://127.0.0.1:${(broker.address() as AddressInfo).port}`;
  mock = await startMock(CONTRACT_SCENARIO);
});
afterAll(async () => {
  broker.closeAllConnections();
  await new Promise<void>((resolve) => broker.close(() => resolve()));
  await mock.close();
});

const io = (env: NodeJS.ProcessEnv, lines: string[]) => ({ env, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) });

describe('broker commands', () => {
  it('contracts:publish posts the pact to /contracts/publish with the version, branch and token', async () => {
    const lines: string[] = [];
    const code = await runPublishCli(['--consumer-version', 'abc123', '--branch', 'main'], io({ PACT_BROKER_BASE_URL: brokerUrl, PACT_BROKER_TOKEN: 't0k' }, lines));
    expect(code, lines.join('\n')).toBe(0);
    const post = seen.find((r) => r.url === '/contracts/publish')!;
    expect(post.auth).toBe('Bearer t0k');
    const body = JSON.parse(post.body);
    expect(body).toMatchObject({ pacticipantName: 'billing-dashboard', pacticipantVersionNumber: 'abc123', branch: 'main' });
    expect(body.contracts).toHaveLength(1);
    expect(JSON.parse(Buffer.from(body.contracts[0].content, 'base64').toString('utf8')).interactions).toHaveLength(11);
  });

  it('contracts:publish without PACT_BROKER_BASE_URL says what to set', async () => {
    const lines: string[] = [];
    expect(await runPublishCli([], io({}, lines))).toBe(2);
    expect(lines.join('\n')).toContain('set PACT_BROKER_BASE_URL');
  });

  it('contracts:verify fetches the pact from the broker and does not publish a partial verification', async () => {
    const lines: string[] = [];
    const code = await runVerifyCli(
      ['--provider-base-url', mock.baseUrl, '--provider-states-setup-url', `${mock.baseUrl}/__admin/provider-states`, '--provider-version', 'p1'],
      io({ PACT_BROKER_BASE_URL: brokerUrl, INSTAVIEW_ATS_KEY: 'sk_test_ats_mixed' }, lines),
    );
    const text = lines.join('\n');
    expect(code, text).toBe(0);
    expect(text).toContain(`11 interactions from the broker ${brokerUrl}`);
    expect(text).toContain('5 verified, 0 failed, 6 skipped (of 11 interactions)');
    expect(text).toContain('results NOT published: a partial verification must not count as one');
  }, 60_000);
});
