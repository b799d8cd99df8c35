import { describe, expect, it } from 'vitest';
import { maskApiKey, periodRequests, keyUnderTest, uuidFromHex } from './planProviderRequests.ts';

describe('planProviderRequests', () => {
  it('masks a key to its prefix and last 4 characters', () => {
    expect(maskApiKey('sk_test_regular_minutes')).toBe('sk_test_…utes');
    expect(maskApiKey('sk_live_0123456789abcdefghijklmnopqrstuv')).toBe('sk_live_…stuv');
    expect(maskApiKey('sk_1a2b3c4d5e6f7g8h9i0jklmnopqrstuv')).toBe('sk_…stuv');
    expect(maskApiKey('sk_short')).toBe('sk_…');
  });

  it('formats random hex as a version-4 UUID', () => {
    expect(uuidFromHex('ffffffffffffffffffffffffffffffff')).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidFromHex('00000000000000000000000000000000')).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('takes last calendar month across a year boundary for the date-only range', () => {
    const [, dateOnly] = periodRequests(keyUnderTest('sk_test_x', 'regular'), Date.parse('2025-01-10T08:00:00Z'));
    expect(dateOnly!.query).toEqual([['start', '2024-12-01'], ['end', '2025-01-01']]);
  });
});
