import { describe, expect, it } from 'vitest';
import { createUsageIndex } from './createUsageIndex.ts';
import type { UsageEvent } from '../billing/types.ts';

const ACME = '11111111-1111-4111-8111-111111111111';
const DAY = 86_400_000;
let nextId = 0;

/** An event of Acme at `occurredAtMs` with the given fields; minutes default to 1.000. */
function event(occurredAtMs: number, fields: Partial<UsageEvent> = {}): UsageEvent {
  nextId++;
  return {
    id: `e${nextId}`,
    companyId: ACME,
    interviewId: `i${nextId}`,
    costKey: 'interview_minutes',
    occurredAtMs,
    minutesMilli: 1_000,
    agentFocus: 'GENERIC',
    isTest: false,
    ...fields,
  };
}

describe('createUsageIndex tally', () => {
  it('counts an event exactly at start', () => {
    const index = createUsageIndex();
    index.add([event(1_000)]);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000)).toEqual({
      buckets: [{ costKey: 'interview_minutes', events: 1, milli: 1_000 }],
      interviews: 1,
    });
  });
  it('does not count an event exactly at end', () => {
    const index = createUsageIndex();
    index.add([event(2_000)]);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000)).toEqual({ buckets: [], interviews: 0 });
  });
  it('leaves out test events', () => {
    const index = createUsageIndex();
    index.add([event(1_500, { isTest: true }), event(1_600, { minutesMilli: 2_500 })]);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000)).toEqual({
      buckets: [{ costKey: 'interview_minutes', events: 1, milli: 2_500 }],
      interviews: 1,
    });
  });
  it('counts two events of one interview under two cost keys as one interview', () => {
    const index = createUsageIndex();
    index.add([event(1_100, { interviewId: 'x' }), event(1_200, { interviewId: 'x', costKey: 'transcription', minutesMilli: 500 })]);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000)).toEqual({
      buckets: [
        { costKey: 'interview_minutes', events: 1, milli: 1_000 },
        { costKey: 'transcription', events: 1, milli: 500 },
      ],
      interviews: 1,
    });
  });
  it('counts an interview that started before start once when it has an event in the period', () => {
    const index = createUsageIndex();
    index.add([event(500, { interviewId: 'x' }), event(1_500, { interviewId: 'x' }), event(1_600, { interviewId: 'y' })]);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000).interviews).toBe(2);
  });
  it('does not count an interview whose events lie on both sides of the period but none inside', () => {
    const index = createUsageIndex();
    index.add([event(500, { interviewId: 'x' }), event(2_500, { interviewId: 'x' }), event(1_600, { interviewId: 'y' })]);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000).interviews).toBe(1);
  });
  it('counts an interview whose events are ten days apart when its second event is in the period', () => {
    const index = createUsageIndex();
    index.add([event(0, { interviewId: 'x' }), event(10 * DAY, { interviewId: 'x' }), event(DAY, { interviewId: 'short-a' }), event(DAY + 1, { interviewId: 'short-a' })]);
    expect(index.tally(ACME, 'minutes', 5 * DAY, 11 * DAY).interviews).toBe(1);
  });
  it('sums the credits unit from creditsMilli', () => {
    const index = createUsageIndex();
    index.add([event(1_100, { creditsMilli: 2_875 }), event(1_200, { creditsMilli: 2_000 })]);
    expect(index.tally(ACME, 'credits', 1_000, 2_000).buckets).toEqual([{ costKey: 'interview_minutes', events: 2, milli: 4_875 }]);
  });
  it('sorts cost keys in code-unit order, upper case before lower case', () => {
    const index = createUsageIndex();
    index.add([event(1_100, { costKey: 'alpha' }), event(1_200, { costKey: 'Zeta' })]);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000).buckets.map((b) => b.costKey)).toEqual(['Zeta', 'alpha']);
  });
  it('gives the same answer for events added out of order over several calls', () => {
    const index = createUsageIndex();
    index.add([event(1_900, { interviewId: 'x' })]);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000).interviews).toBe(1);
    index.add([event(1_100, { interviewId: 'x' }), event(900)]);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000)).toEqual({
      buckets: [{ costKey: 'interview_minutes', events: 2, milli: 2_000 }],
      interviews: 1,
    });
  });
  it('gives an empty tally for an unknown company', () => {
    expect(createUsageIndex().tally(ACME, 'minutes', 0, 1)).toEqual({ buckets: [], interviews: 0 });
  });
});

describe('createUsageIndex storage', () => {
  it('lists stored events, test ones included, sorted by time', () => {
    const index = createUsageIndex();
    index.add([event(3, { id: 'c' }), event(1, { id: 'a', isTest: true }), event(2, { id: 'b' })]);
    expect(index.list().map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
  it('lists only the events of the filter', () => {
    const index = createUsageIndex();
    index.add([event(1, { id: 'a', isTest: true }), event(2, { id: 'b' }), event(3, { id: 'c', costKey: 'transcription' })]);
    expect(index.list({ companyId: ACME, startMs: 1, endMs: 3, includeTest: false }).map((e) => e.id)).toEqual(['b']);
  });
  it('counts stored events per company and in all', () => {
    const index = createUsageIndex();
    index.add([event(1), event(2, { isTest: true }), event(3, { companyId: 'other' })]);
    expect([index.count(ACME), index.count()]).toEqual([2, 3]);
  });
  it('removes matching events and stops counting them', () => {
    const index = createUsageIndex();
    index.add([event(1_100, { id: 'gone' }), event(1_200, { id: 'kept' })]);
    index.tally(ACME, 'minutes', 1_000, 2_000);
    expect(index.removeEvents((e) => e.id === 'gone')).toBe(1);
    expect(index.tally(ACME, 'minutes', 1_000, 2_000).buckets).toEqual([{ costKey: 'interview_minutes', events: 1, milli: 1_000 }]);
  });
  it('removes a company with all its events', () => {
    const index = createUsageIndex();
    index.add([event(1_100), event(1_200)]);
    expect(index.removeCompany(ACME)).toBe(2);
    expect(index.count()).toBe(0);
  });
  it('gives back UUID, upper-case UUID and free-form ids exactly as given', () => {
    const index = createUsageIndex();
    const ids = ['0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D', 'evt-1'];
    index.add(ids.map((id, i) => event(i, { id, interviewId: id })));
    expect(index.list().map((e) => [e.id, e.interviewId])).toEqual(ids.map((id) => [id, id]));
  });
  it('lists an event with all its fields, credits included', () => {
    const index = createUsageIndex();
    const e = event(5, { creditsMilli: 2_875, costKey: 'transcription', agentFocus: 'SCREENING', isTest: true });
    index.add([e]);
    expect(index.list()).toEqual([e]);
  });
  it('stores a copy, so changing the added object changes nothing', () => {
    const index = createUsageIndex();
    const e = event(1_100);
    index.add([e]);
    e.minutesMilli = 99_000;
    expect(index.tally(ACME, 'minutes', 1_000, 2_000).buckets[0]?.milli).toBe(1_000);
  });
});
