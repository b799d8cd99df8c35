import { appendPointer } from '../validation/jsonPointer.ts';
import type { ScenarioIssue } from './types.ts';

/** Keys refused anywhere in a scenario or an /__admin body, so no object prototype can be reached. DESIGN §6.3. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Lists every own key named `__proto__`, `constructor` or `prototype` in a parsed JSON/YAML value.
 * Shape: one issue per key, `pointer` the JSON pointer of that key (e.g. `/companies/0/__proto__`).
 * Iterative, so deep nesting cannot overflow the stack. DESIGN §6.3.
 */
export function findForbiddenKeys(value: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: value, pointer: '' }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = appendPointer(pointer, key);
      if (!Array.isArray(node) && FORBIDDEN_KEYS.has(key)) {
        issues.push({ pointer: child, message: `key "${key}" is not allowed (DESIGN §6.3)` });
        continue;
      }
      stack.push({ node: (node as Record<string, unknown>)[key], pointer: child });
    }
  }
  return issues;
}
