import { describe, expect, it } from 'vitest';
import { createIdSet } from './createIdSet.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('createIdSet', () => {
  it('adds once, finds, and deletes UUIDs and other ids alike', () => {
    const ids = createIdSet();
    expect(ids.add(uuid(1))).toBe(true);
    expect(ids.add(uuid(1))).toBe(false);
    expect(ids.add('evt-1')).toBe(true);
    expect(ids.add('evt-1')).toBe(false);
    expect([ids.has(uuid(1)), ids.has(uuid(2)), ids.has('evt-1'), ids.has('EVT-1')]).toEqual([true, false, true, false]);
    expect(ids.size).toBe(2);
    expect(ids.delete(uuid(1))).toBe(true);
    expect(ids.delete(uuid(1))).toBe(false);
    expect(ids.delete('evt-1')).toBe(true);
    expect(ids.size).toBe(0);
  });

  it('tells an upper-case UUID from the lower-case one (ids are stored lower-cased before they get here)', () => {
    const ids = createIdSet();
    ids.add('aaaaaaaa-0000-4000-8000-000000000001');
    expect(ids.has('AAAAAAAA-0000-4000-8000-000000000001')).toBe(false);
  });

  it('keeps 200 000 ids through its growth, and a deleted slot is reused without losing a neighbour', () => {
    const ids = createIdSet();
    for (let n = 0; n < 200_000; n++) ids.add(uuid(n));
    expect(ids.size).toBe(200_000);
    for (let n = 0; n < 200_000; n += 2) ids.delete(uuid(n));
    for (let n = 0; n < 200_000; n++) expect(ids.has(uuid(n))).toBe(n % 2 === 1);
    for (let n = 0; n < 200_000; n += 2) expect(ids.add(uuid(n))).toBe(true);
    expect(ids.size).toBe(200_000);
  });

  it('a frozen copy does not see later changes, and a set made from it changes alone', () => {
    const ids = createIdSet();
    ids.add(uuid(1));
    ids.add('x');
    const frozen = ids.freeze();
    ids.add(uuid(2));
    ids.delete(uuid(1));
    ids.delete('x');
    expect([frozen.has(uuid(1)), frozen.has(uuid(2)), frozen.has('x'), frozen.size]).toEqual([true, false, true, 2]);
    const copy = createIdSet(frozen);
    copy.add(uuid(3));
    copy.delete(uuid(1));
    expect([frozen.has(uuid(3)), frozen.has(uuid(1)), copy.has(uuid(1)), copy.has(uuid(3)), copy.has('x')]).toEqual([false, true, false, true, true]);
    expect(ids.has(uuid(3))).toBe(false);
  });
});
