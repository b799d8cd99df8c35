import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/scenario/findJsonSyntaxError.ts';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, {"b": null}], "c": "x\\n\\u00e9", "d": true}')).toBeUndefined();
  });

  it('points at the closing brace after a property with no value', () => {
    // Offsets: `{` 0, `\n` 1, `  "a": ` 2–8, `\n` 9, `}` 10.
    expect(findJsonSyntaxError('{\n  "a": \n}')).toEqual({ offset: 10, reason: 'unexpected character, expected a value' });
  });

  it('points at the closing brace after a trailing comma', () => {
    expect(findJsonSyntaxError('{"a": 1,}')).toEqual({ offset: 8, reason: 'expected a property name in double quotes' });
  });

  it('points past the end of an unclosed array', () => {
    expect(findJsonSyntaxError('[1, 2')).toEqual({ offset: 5, reason: 'unexpected end of input' });
  });

  it('handles 100 000 levels of nesting without overflowing the stack', () => {
    expect(findJsonSyntaxError(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
  });
});
