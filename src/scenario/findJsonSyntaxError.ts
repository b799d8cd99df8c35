/**
 * Finds where a text stops being JSON (RFC 8259), since Node 20's `JSON.parse` messages do not
 * always give a position. Only called after `JSON.parse` failed, to name the line and column.
 * @returns the 0-based offset of the first offending character (the text's length for an early
 * end), with a short reason; undefined when the text is valid JSON.
 */
export function findJsonSyntaxError(text: string): { offset: number; reason: string } | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (reason: string): never => {
    throw Object.assign(new Error(reason), { offset: i });
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('unexpected character');
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('control character in a string');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('bad escape in a string');
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-') fail('bad number');
    i += match![0].length;
  };
  // Iterative over containers, so deep nesting cannot overflow the stack.
  const stack: Array<'{' | '['> = [];
  /** Reads a scalar, or opens a container; true when the container's first item is still to read. */
  const start = (): boolean => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        return false;
      }
      stack.push(c);
      return true;
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(c === undefined ? 'unexpected end of input' : 'unexpected character, expected a value');
    return false;
  };
  const key = (): void => {
    ws();
    if (text[i] !== '"') fail('expected a property name in double quotes');
    string();
    ws();
    if (text[i] !== ':') fail("expected ':' after a property name");
    i++;
  };
  try {
    let pending = start();
    for (;;) {
      const top = stack.at(-1);
      if (pending) {
        if (top === '{') key();
        pending = start();
        continue;
      }
      ws();
      if (!top) break;
      const close = top === '{' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        pending = true;
      } else if (text[i] === close) {
        stack.pop();
        i++;
      } else {
        fail(i >= text.length ? 'unexpected end of input' : `expected ',' or '${close}'`);
      }
    }
    if (i < text.length) fail('unexpected text after the JSON value');
    return undefined;
  } catch (err) {
    return { offset: (err as { offset: number }).offset, reason: (err as Error).message };
  }
}
