import { describe, expect, it } from 'vitest';
import { createRequestJournal, keySuffixOf } from './createRequestJournal.ts';

describe('keySuffixOf', () => {
  it('keeps the last 4 characters of a key of 8 characters or more', () => {
    expect([keySuffixOf('sk_test_globex'), keySuffixOf('abcdefgh')]).toEqual(['obex', 'efgh']);
  });

  it('keeps at most half of a short key, and nothing of a one-character key', () => {
    expect([keySuffixOf('abcdefg'), keySuffixOf('abcdef'), keySuffixOf('ab'), keySuffixOf('a')]).toEqual(['efg', 'def', 'b', '']);
  });
});

describe('createRequestJournal', () => {
  const entry = (requestId: string, apiKey?: string) => ({ at: '2024-03-01T12:00:00.000Z', method: 'GET', path: '/billing/usage', query: '', apiKey, status: 200, ms: 1, requestId, session: null });

  it('wraps around its ring: capacity 3, 4 records → the last 3, newest first, 1 dropped', () => {
    const journal = createRequestJournal(3);
    for (const id of ['a', 'b', 'c', 'd']) journal.record(entry(id));
    const page = journal.list();
    expect([page.items.map((e) => e.requestId), page.dropped, journal.size()]).toEqual([['d', 'c', 'b'], 1, 3]);
  });

  it('matches a key filter against a short key only by its own suffix, not by any key ending alike', () => {
    const journal = createRequestJournal();
    journal.record(entry('short', 'xs'));
    journal.record(entry('long', 'sk_test_minutes'));
    expect([journal.list({ key: 'sk_test_minutes' }).items.map((e) => e.requestId), journal.list({ key: 'xs' }).items.map((e) => e.requestId)]).toEqual([['long'], ['short']]);
  });

  it('refuses a capacity that is not a whole number from 1 to 1 000 000', () => {
    expect(() => createRequestJournal(0)).toThrow(/capacity must be a whole number from 1 to 1000000, got 0/);
  });
});
