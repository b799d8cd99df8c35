import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { MockAnswer } from '../api/envelope.ts';
import { createAnswerCheck } from './createAnswerCheck.ts';

/** A 200 of GET /billing/usage whose body breaks UsageResponse (`success` must be true). */
const broken: MockAnswer = { status: 200, headers: {}, body: { success: 'yes' }, spec: 'api', specPath: '/billing/usage' };
const silent = pino({ level: 'silent' });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('createAnswerCheck', () => {
  it('in log mode sends the answer unchanged and counts the mismatch right after', async () => {
    const check = createAnswerCheck('log', silent);
    expect(check.check('GET', '/billing/usage', broken, 0)).toBe(broken);
    expect(check.mismatches().count).toBe(0);
    await nextTurn();
    expect(check.mismatches().count).toBe(1);
    expect(check.mismatches().recent[0]).toMatchObject({ method: 'GET', path: '/billing/usage', status: 200 });
  });

  it('in strict mode answers 500 INTERNAL_ERROR at once instead of the mismatching answer', () => {
    const check = createAnswerCheck('strict', silent);
    const sent = check.check('GET', '/billing/usage', broken, Date.parse('2024-01-31T10:30:00Z'));
    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ success: false, error: { code: 'INTERNAL_ERROR' }, timestamp: '2024-01-31T10:30:00.000Z' });
    expect(check.mismatches().count).toBe(1);
  });
});
