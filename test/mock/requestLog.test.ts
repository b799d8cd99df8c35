import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { rulesScenario } from '../support/rulesScenario.ts';

const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(JSON.parse(String(chunk)));
    done();
  },
});

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario, { logger: pino({ level: 'info' }, sink) });
});
afterAll(() => m.close());

describe('request log (issue: pino, one line per request)', () => {
  it('logs method, path, status, time and request id, and only the last 4 characters of the key', async () => {
    await m.get('/billing/usage?start=2024-02-01', 'sk_test_globex', { 'X-Request-Id': 'trace-7' });
    const line = lines.find((l) => l.reqId === 'trace-7')!;
    expect(line).toMatchObject({ level: 30, req: { method: 'GET', path: '/billing/usage' }, res: { status: 200 }, key: '…obex' });
    expect(typeof line.responseTime).toBe('number');
    expect(line.msg).toMatch(/^GET \/billing\/usage → 200 in \d+ ms · trace-7 · key …obex$/);
    expect(JSON.stringify(line)).not.toContain('sk_test_globex');
  });
});
