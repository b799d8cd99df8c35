import { describe, expect, it } from 'vitest';
import { formatUuidWords, isUuid } from './uuid.ts';

describe('isUuid', () => {
  it('accepts any version in either case', () => {
    expect(isUuid('33333333-3333-4333-8333-333333333333')).toBe(true);
    expect(isUuid('AAAAAAAA-BBBB-1CCC-DDDD-EEEEEEEEEEEE')).toBe(true);
  });

  it('refuses non-strings, missing dashes and non-hex digits', () => {
    expect(isUuid(undefined)).toBe(false);
    expect(isUuid(['33333333-3333-4333-8333-333333333333'])).toBe(false);
    expect(isUuid('333333333333433383333333333333333333')).toBe(false);
    expect(isUuid('g3333333-3333-4333-8333-333333333333')).toBe(false);
  });
});

describe('formatUuidWords', () => {
  it('writes four words as a lower-case UUID, most significant digit first', () => {
    expect(formatUuidWords([0x0123abcd, 0xef014567, 0x89abcdef, 0xfedcba98])).toBe('0123abcd-ef01-4567-89ab-cdeffedcba98');
  });

  it('reads the four words at an offset, and leaves nothing behind for the next call', () => {
    expect(formatUuidWords(Uint32Array.of(7, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff), 1)).toBe('ffffffff-ffff-ffff-ffff-ffffffffffff');
    expect(formatUuidWords([0, 0, 0, 0])).toBe('00000000-0000-0000-0000-000000000000');
  });
});
