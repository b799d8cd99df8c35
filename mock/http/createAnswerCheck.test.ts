import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createAnswerCheck, MAX_KEPT_MISMATCHES } from './createAnswerCheck.ts';

const silent = pino({ level: 'silent' });
const broken = (n: number) => ({ status: 200, headers: {}, body: { success: true, data: { n }, error: null, timestamp: 'not an instant' }, spec: 'api' as const, specPath: '/billing/usage' });

describe('the mock\'s own response check keeps bounded memory (issue 8, finding 5)', () => {
  it('counts 10 000 mismatching answers and keeps only the last 100', () => {
    const check = createAnswerCheck('log', silent);
    for (let n = 0; n < 10_000; n++) check.check('GET', '/billing/usage', broken(n), 0);
    const { count, recent } = check.mismatches();
    expect(count).toBe(10_000);
    expect(recent).toHaveLength(MAX_KEPT_MISMATCHES);
    expect(MAX_KEPT_MISMATCHES).toBe(100);
  });

  it('sends the answer as it is in log mode and a 500 INTERNAL_ERROR in strict mode', () => {
    expect(createAnswerCheck('log', silent).check('GET', '/billing/usage', broken(1), 0).status).toBe(200);
    const strict = createAnswerCheck('strict', silent).check('GET', '/billing/usage', broken(1), 0);
    expect(strict.status).toBe(500);
    expect((strict.body as { error: { code: string } }).error.code).toBe('INTERNAL_ERROR');
  });

  it('does not check an answer broken on purpose (dropFields) and counts nothing when off', () => {
    const check = createAnswerCheck('strict', silent);
    expect(check.check('GET', '/billing/usage', { ...broken(1), unchecked: true }, 0).status).toBe(200);
    const off = createAnswerCheck('off', silent);
    off.check('GET', '/billing/usage', broken(1), 0);
    expect([check.mismatches().count, off.mismatches().count]).toEqual([0, 0]);
  });
});
