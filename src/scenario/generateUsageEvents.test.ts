import { describe, expect, it } from 'vitest';
import { generateUsageEvents, type UsageGenerator } from './generateUsageEvents.ts';

/** 2024-01-31T10:30:00Z, the frozen clock of DESIGN §5. */
const NOW = Date.parse('2024-01-31T10:30:00Z');
const ACME = '11111111-1111-4111-8111-111111111111';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const one: UsageGenerator = { companyId: ACME, days: 3, interviewsPerDay: { min: 2, max: 2 }, multiEventShare: 0, testShare: 0 };

describe('generateUsageEvents', () => {
  it('gives the same events for the same seed and day', () => {
    expect(generateUsageEvents({ companyId: ACME }, { seed: 1, nowMs: NOW })).toEqual(generateUsageEvents({ companyId: ACME }, { seed: 1, nowMs: NOW }));
  });
  it('gives the same events later on the same UTC day', () => {
    const later = Date.parse('2024-01-31T23:59:59Z');
    expect(generateUsageEvents(one, { seed: 1, nowMs: later })).toEqual(generateUsageEvents(one, { seed: 1, nowMs: NOW }));
  });
  it('gives other ids for another seed', () => {
    const a = generateUsageEvents(one, { seed: 1, nowMs: NOW });
    const b = generateUsageEvents(one, { seed: 2, nowMs: NOW });
    expect(a[0]!.id).not.toBe(b[0]!.id);
  });
  it('gives other ids for another company', () => {
    const a = generateUsageEvents(one, { seed: 1, nowMs: NOW });
    const b = generateUsageEvents({ ...one, companyId: '22222222-2222-4222-8222-222222222222' }, { seed: 1, nowMs: NOW });
    expect(a[0]!.id).not.toBe(b[0]!.id);
  });
  it('gives other ids for another generator index of the same company', () => {
    const a = generateUsageEvents(one, { seed: 1, nowMs: NOW, index: 0 });
    const b = generateUsageEvents(one, { seed: 1, nowMs: NOW, index: 1 });
    expect(a[0]!.id).not.toBe(b[0]!.id);
  });
  it('makes interviewsPerDay × days events when no interview gets an extra event', () => {
    expect(generateUsageEvents(one, { seed: 1, nowMs: NOW })).toHaveLength(6);
  });
  it('places events in the whole UTC days before today, 2024-01-28 to 2024-01-30 for 3 days', () => {
    const times = generateUsageEvents(one, { seed: 1, nowMs: NOW }).map((e) => e.occurredAt);
    expect(times.every((t) => t >= '2024-01-28T00:00:00.000Z' && t < '2024-01-31T00:00:00.000Z')).toBe(true);
    expect(new Set(times.map((t) => t.slice(0, 10)))).toEqual(new Set(['2024-01-28', '2024-01-29', '2024-01-30']));
  });
  it('covers 90 days by default, from 2023-11-02 to 2024-01-30', () => {
    const days = generateUsageEvents({ companyId: ACME, interviewsPerDay: { min: 1, max: 1 } }, { seed: 1, nowMs: NOW }).map((e) => e.occurredAt.slice(0, 10));
    expect([new Set(days).size, days[0], days[days.length - 1]]).toEqual([90, '2023-11-02', '2024-01-30']);
  });
  it('uses interview_minutes for the first event by default', () => {
    expect(generateUsageEvents(one, { seed: 1, nowMs: NOW }).every((e) => e.costKey === 'interview_minutes')).toBe(true);
  });
  it('gives every interview a second event of an extra cost key, same minutes, when multiEventShare is 1', () => {
    const events = generateUsageEvents({ ...one, multiEventShare: 1, extraCostKeys: [{ costKey: 'transcription', weight: 1 }] }, { seed: 1, nowMs: NOW });
    expect(events).toHaveLength(12);
    const [first, second] = events;
    expect([second!.interviewId, second!.costKey, second!.minutes]).toEqual([first!.interviewId, 'transcription', first!.minutes]);
    expect(second!.occurredAt > first!.occurredAt).toBe(true);
  });
  it('marks every event isTest when testShare is 1', () => {
    expect(generateUsageEvents({ ...one, testShare: 1 }, { seed: 1, nowMs: NOW }).every((e) => e.isTest)).toBe(true);
  });
  it('keeps minutes within durationMinutes at its decimals', () => {
    const events = generateUsageEvents({ ...one, days: 30, durationMinutes: { min: 12.5, max: 12.7, decimals: 1 } }, { seed: 1, nowMs: NOW });
    expect(new Set(events.map((e) => e.minutes))).toEqual(new Set([12.5, 12.6, 12.7]));
  });
  it('takes the agent focus from agentFocusMix', () => {
    expect(generateUsageEvents({ ...one, agentFocusMix: { SCREENING: 1 } }, { seed: 1, nowMs: NOW }).every((e) => e.agentFocus === 'SCREENING')).toBe(true);
  });
  it('makes unique version-4 UUIDs for event and interview ids', () => {
    const events = generateUsageEvents({ ...one, days: 30, multiEventShare: 0.5 }, { seed: 1, nowMs: NOW });
    const ids = events.map((e) => e.id);
    expect(ids.every((id) => UUID_V4.test(id)) && events.every((e) => UUID_V4.test(e.interviewId))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('throws, naming the field, when interviewsPerDay has min above max', () => {
    expect(() => generateUsageEvents({ ...one, interviewsPerDay: { min: 3, max: 2 } }, { seed: 1, nowMs: NOW })).toThrow(/interviewsPerDay/);
  });
  it('throws, naming the field, when a duration has more decimals than configured', () => {
    expect(() => generateUsageEvents({ ...one, durationMinutes: { min: 1.25, max: 2, decimals: 1 } }, { seed: 1, nowMs: NOW })).toThrow(/durationMinutes/);
  });
});
