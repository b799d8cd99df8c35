import { describe, expect, it } from 'vitest';
import { compareIds, createPackedIds, getId, pickIds, setId } from './packedIds.ts';

describe('packedIds', () => {
  it('gives back a lower-case UUID from its four packed words', () => {
    const col = createPackedIds(1);
    setId(col, 0, 'ffffffff-0000-4000-8000-0123456789ab');
    expect([getId(col, 0), col.others.size, col.words[0]]).toEqual(['ffffffff-0000-4000-8000-0123456789ab', 0, 0xffffffff]);
  });
  it('keeps an upper-case UUID as a string, so it reads back unchanged', () => {
    const col = createPackedIds(1);
    setId(col, 0, 'FFFFFFFF-0000-4000-8000-0123456789AB');
    expect([getId(col, 0), col.others.size]).toEqual(['FFFFFFFF-0000-4000-8000-0123456789AB', 1]);
  });
  it('treats equal packed ids as equal and different ones as different', () => {
    const col = createPackedIds(3);
    setId(col, 0, '00000000-0000-4000-8000-000000000002');
    setId(col, 1, '00000000-0000-4000-8000-000000000002');
    setId(col, 2, '00000000-0000-4000-8000-000000000001');
    expect([compareIds(col, 0, 1), Math.sign(compareIds(col, 0, 2))]).toEqual([0, 1]);
  });
  it('never treats a packed id and a free-form id as equal', () => {
    const col = createPackedIds(2);
    setId(col, 0, '00000000-0000-4000-8000-000000000001');
    setId(col, 1, 'interview-1');
    expect(compareIds(col, 0, 1)).not.toBe(0);
  });
  it('moves free-form ids along when rows are picked in a new order', () => {
    const col = createPackedIds(2);
    setId(col, 0, 'a');
    setId(col, 1, '00000000-0000-4000-8000-000000000001');
    const picked = pickIds(col, [1, 0]);
    expect([getId(picked, 0), getId(picked, 1)]).toEqual(['00000000-0000-4000-8000-000000000001', 'a']);
  });
});
