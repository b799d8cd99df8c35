import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { rulesScenario } from '../support/rulesScenario.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
afterAll(() => m.close());

const acme = async (query: string) => m.get(`/billing/usage?${query}`, 'sk_test_acme');
const interviewMinutes = (body: any) => body.data.breakdownByCostKey.find((b: any) => b.costKey === 'interview_minutes');

// Acme's interview_minutes events: 2024-02-10T00:00Z, 01:00Z and 02:00Z, 0.1 minutes each.
describe('the period [start, end) (DESIGN §3.2)', () => {
  it('counts an event exactly at start and not one exactly at end', async () => {
    const r = await acme('start=2024-02-10T01:00:00Z&end=2024-02-10T02:00:00Z');
    expect(r.status).toBe(200);
    expect(r.body.data.totalInterviews).toBe(1);
    expect(interviewMinutes(r.body)).toEqual({ costKey: 'interview_minutes', events: 1, minutesUsed: 0.1 });
  });

  it('reads a +02:00 offset sent as %2B', async () => {
    const r = await acme('start=2024-02-10T03:00:00%2B02:00&end=2024-02-10T04:00:00%2B02:00');
    expect(r.status).toBe(200);
    expect(interviewMinutes(r.body).events).toBe(1);
  });

  it('reads date-only values as 00:00 UTC, so end=2024-02-10 leaves out all of February 10', async () => {
    expect((await acme('start=2024-02-01&end=2024-02-10')).body.data.totalInterviews).toBe(0);
    const r = await acme('start=2024-02-10&end=2024-02-11');
    expect(interviewMinutes(r.body)).toEqual({ costKey: 'interview_minutes', events: 3, minutesUsed: 0.3 });
  });

  it('defaults to the 30 days before the mock clock (2024-01-31T12:00Z to 2024-03-01T12:00Z)', async () => {
    const r = await m.get('/billing/usage', 'sk_test_acme');
    expect(r.body.data.totalMinutesUsed).toBe(5.3);
    expect((await acme('end=2024-02-10T00:00:00Z')).body.data.totalInterviews).toBe(0);
    expect((await acme('start=2024-02-10T02:00:00Z')).body.data.totalMinutesUsed).toBe(5.1);
  });

  it.each([
    ['start equal to end', 'start=2024-02-10&end=2024-02-10', 'end'],
    ['start after end', 'start=2024-02-11&end=2024-02-10', 'end'],
    ['a day that does not exist', 'start=2024-02-30', 'start'],
    ['an empty value', 'start=', 'start'],
    ['a month without zero padding', 'end=2024-1-1', 'end'],
    ['a word', 'start=yesterday', 'start'],
    ['a Unix timestamp', 'start=1704067200', 'start'],
    ['a space instead of T', 'start=2024-02-10%2000:00:00Z', 'start'],
    ['second 60', 'start=2024-02-10T00:00:60Z', 'start'],
    ['an hour-only offset', 'start=2024-02-10T00:00:00%2B09', 'start'],
  ])('answers 400 for %s, naming the field', async (_what, query, field) => {
    const r = await acme(query);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_ERROR');
    expect(r.body.error.details.field).toBe(field);
  });

  it('answers 400 for a repeated start with the values as an array', async () => {
    const r = await acme('start=2024-02-01&start=2024-02-02');
    expect(r.status).toBe(400);
    expect(r.body.error.details).toMatchObject({ field: 'start', value: ['2024-02-01', '2024-02-02'] });
  });

  it('tells the caller to encode + as %2B when a raw + arrives as a space', async () => {
    const r = await acme('start=2024-02-10T03:00:00+02:00');
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('start');
    expect(r.body.error.message).toContain('%2B');
  });

  it('ignores unknown parameters', async () => {
    expect((await acme('foo=bar&start=2024-02-10&end=2024-02-11')).status).toBe(200);
  });
});
