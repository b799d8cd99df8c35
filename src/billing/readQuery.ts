import { validationError, type ValidationError } from './types.ts';

/** The most query parameters a request may carry; more is refused, never dropped (DESIGN §3.2). */
export const MAX_QUERY_PARAMETERS = 1000;

/**
 * A decoded query string: each parameter's value, or the array of its values when it was repeated
 * (in the order given). Names and values are form-decoded (`+` is a space). DESIGN §3.2.
 */
export type RawQuery = Record<string, string | string[]>;

/**
 * Decodes a query string as HTML forms are (`URLSearchParams`: a raw `+` is a space, `%2B` a plus),
 * collecting repeated parameters into arrays. Runs in Node and in browsers (no `node:` modules).
 * Shape: `query` with or without its leading `?`; the result has a null prototype, so a parameter
 * named `__proto__` or `constructor` is plain data.
 * @returns the parameters, or a 400 `VALIDATION_ERROR` with `details.field = "query"` when there are
 * more than {@link MAX_QUERY_PARAMETERS} (none is ever dropped silently). DESIGN §3.2.
 */
export function readQuery(query: string): { ok: true; query: RawQuery } | { ok: false; error: ValidationError } {
  const text = query.startsWith('?') ? query.slice(1) : query;
  const out: RawQuery = Object.create(null) as RawQuery;
  if (text === '') return { ok: true, query: out };
  let count = 0;
  for (const [name, value] of new URLSearchParams(text)) {
    if (++count > MAX_QUERY_PARAMETERS) {
      return {
        ok: false,
        error: validationError('query', `${count}+ parameters`, `has more than ${MAX_QUERY_PARAMETERS} parameters; send at most ${MAX_QUERY_PARAMETERS}`),
      };
    }
    const seen = out[name];
    if (seen === undefined) out[name] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[name] = [seen, value];
  }
  return { ok: true, query: out };
}
