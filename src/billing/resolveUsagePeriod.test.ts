import { describe, expect, it } from 'vitest';
import { resolveUsagePeriod } from './resolveUsagePeriod.ts';

/** The frozen clock of DESIGN §5: 2024-01-31T10:30:00Z = 2024-01-01 + 30 days + 10.5 hours. */
const NOW = 1_704_067_200_000 + 30 * 86_400_000 + 37_800_000;
const JAN_1 = 1_704_067_200_000;
const JAN_31 = JAN_1 + 30 * 86_400_000;

describe('resolveUsagePeriod', () => {
  it('defaults to the 30 × 24 h before now', () => {
    expect(resolveUsagePeriod({}, NOW)).toEqual({ ok: true, startMs: NOW - 2_592_000_000, endMs: NOW });
  });
  it('reads the documented example period 2024-01-01 to 2024-01-31', () => {
    expect(resolveUsagePeriod({ start: '2024-01-01', end: '2024-01-31' }, NOW)).toEqual({ ok: true, startMs: JAN_1, endMs: JAN_31 });
  });
  it('ends at now when only start is given', () => {
    expect(resolveUsagePeriod({ start: '2024-01-01' }, NOW)).toEqual({ ok: true, startMs: JAN_1, endMs: NOW });
  });
  it('starts 30 days before end when only end is given', () => {
    expect(resolveUsagePeriod({ end: '2024-01-31' }, NOW)).toEqual({ ok: true, startMs: JAN_1, endMs: JAN_31 });
  });
  it('refuses start equal to end, naming end', () => {
    const result = resolveUsagePeriod({ start: '2024-01-01', end: '2024-01-01T00:00:00Z' }, NOW);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', details: { field: 'end', value: '2024-01-01T00:00:00Z' } } });
  });
  it('refuses start after end, naming end', () => {
    const result = resolveUsagePeriod({ start: '2024-02-01', end: '2024-01-01' }, NOW);
    expect(result).toMatchObject({ ok: false, error: { details: { field: 'end' } } });
  });
  it('refuses a start in the future when end defaults to now, naming end', () => {
    const result = resolveUsagePeriod({ start: '2024-02-01' }, NOW);
    expect(result).toMatchObject({ ok: false, error: { details: { field: 'end' } } });
  });
  it('refuses a repeated start with the array as details.value', () => {
    const result = resolveUsagePeriod({ start: ['2024-01-01', '2024-01-02'] }, NOW);
    expect(result).toMatchObject({ ok: false, error: { details: { field: 'start', value: ['2024-01-01', '2024-01-02'] } } });
  });
  it('refuses an unparseable end with its text as details.value', () => {
    const result = resolveUsagePeriod({ end: 'yesterday' }, NOW);
    expect(result).toMatchObject({ ok: false, error: { details: { field: 'end', value: 'yesterday' } } });
  });
  it('reports start first when both parameters are bad', () => {
    const result = resolveUsagePeriod({ start: '2024-1-1', end: 'yesterday' }, NOW);
    expect(result).toMatchObject({ ok: false, error: { details: { field: 'start', value: '2024-1-1' } } });
  });
  it('refuses an empty start', () => {
    expect(resolveUsagePeriod({ start: '' }, NOW)).toMatchObject({ ok: false, error: { details: { field: 'start', value: '' } } });
  });
  it('puts the reason in the message and in details', () => {
    const result = resolveUsagePeriod({ start: '2024-01-01T00:00:00 02:00' }, NOW);
    expect(!result.ok && result.error.message).toContain('%2B');
    expect(!result.ok && result.error.details.reason).toContain('%2B');
  });
});
