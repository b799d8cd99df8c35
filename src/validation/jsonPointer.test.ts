import { describe, expect, it } from 'vitest';
import { appendPointer, escapePointerSegment, pointerFrom, pointerSegments, unescapePointerSegment } from './jsonPointer.ts';

describe('JSON pointers', () => {
  it('escape ~ before / so that "~1" as a key survives a round trip', () => {
    expect(escapePointerSegment('a/b~1')).toBe('a~1b~01');
    expect(unescapePointerSegment('a~1b~01')).toBe('a/b~1');
  });

  it('build a pointer from tokens, numbers included, and split it back', () => {
    expect(pointerFrom(['paths', '/billing/usage', 'get', 0])).toBe('/paths/~1billing~1usage/get/0');
    expect(pointerSegments('/paths/~1billing~1usage/get/0')).toEqual(['paths', '/billing/usage', 'get', '0']);
  });

  it('read "" as the whole value', () => {
    expect(pointerFrom([])).toBe('');
    expect(pointerSegments('')).toEqual([]);
  });

  it('extend an escaped pointer with raw tokens', () => {
    expect(appendPointer('/companies/0', 'a/b', 'application/json')).toBe('/companies/0/a~1b/application~1json');
  });
});
