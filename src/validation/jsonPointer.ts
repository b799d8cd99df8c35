/**
 * JSON pointers (RFC 6901), as the spec files' `$ref`s, ajv's `instancePath` and our issues'
 * `pointer` use them: `""` is the whole value, `/a~1b/0` is key `a/b`, then item 0.
 * DESIGN §7 (errors name the field's JSON pointer), §8 (violations carry one).
 */

/**
 * Escapes one reference token: `~` becomes `~0`, then `/` becomes `~1`.
 * Shape: a key or an array index (numbers are written in decimal). Never throws. RFC 6901 §3.
 */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Reverses {@link escapePointerSegment}: `~1` becomes `/`, then `~0` becomes `~`. Never throws. RFC 6901 §4.
 */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Splits a pointer into its unescaped reference tokens: `""` → `[]`, `/paths/~1billing~1usage` →
 * `['paths', '/billing/usage']`. Shape: the text before the first `/` is dropped (a pointer other than
 * `""` starts with `/`); never throws. RFC 6901 §3–§4.
 */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerSegment);
}

/**
 * Builds a pointer from reference tokens, escaping each: `['paths', '/billing/usage', 'get']` →
 * `/paths/~1billing~1usage/get`; `[]` → `""`. Never throws. RFC 6901 §3.
 */
export function pointerFrom(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${escapePointerSegment(s)}`).join('');
}

/**
 * Extends a pointer with more reference tokens, escaping each: `appendPointer('/companies/0', 'a/b')`
 * → `/companies/0/a~1b`. Shape: `pointer` already escaped, as ajv's `instancePath` is. Never throws. RFC 6901 §3.
 */
export function appendPointer(pointer: string, ...segments: Array<string | number>): string {
  return pointer + pointerFrom(segments);
}

/**
 * The value a pointer names inside a parsed JSON value, or undefined when the path does not exist:
 * `valueAtPointer({a: [1, 2]}, '/a/1')` → 2; `""` → the whole value. Never throws. RFC 6901 §4.
 */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node;
}
