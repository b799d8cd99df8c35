import { pointerSegments } from './jsonPointer.ts';

type Json = Record<string, unknown>;

/** How many `$ref`s {@link resolveLocalRef} follows in a row before it gives up (a cycle or a very long chain). */
const MAX_HOPS = 10;

/**
 * Follows the local `$ref`s (`#/components/...`) of a node in a spec document to the node they name.
 * Shape: `node` is the starting node and `pointer` its JSON pointer in `doc`; returns the node reached
 * and its pointer (the last `$ref` without its `#`), or `node: undefined` when a `$ref` names nothing
 * in `doc` or points into another file. Follows at most 10 refs, then returns where it stopped.
 * Never throws. DESIGN §2 ("validators are compiled from the spec"); docs/decisions/0004-validation-of-answers.md.
 */
export function resolveLocalRef(doc: Json, node: unknown, pointer: string): { node: Json | undefined; pointer: string } {
  let current = node as Json | undefined;
  let at = pointer;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < MAX_HOPS; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) return { node: undefined, pointer: at };
    at = ref.slice(1);
    current = pointerSegments(at).reduce<unknown>((acc, key) => (acc as Json | undefined)?.[key], doc) as Json | undefined;
  }
  return { node: current, pointer: at };
}
