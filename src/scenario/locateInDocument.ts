import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { pointerSegments } from '../validation/jsonPointer.ts';

/**
 * Finds the 1-based line of the YAML (or JSON) text a JSON pointer names, from the parsed document's positions.
 * When the pointer ends on an object's key, the key's line; on an array item, the item's first line;
 * when the pointer goes past what exists (a missing required field), the deepest existing node's line.
 * Shape: `doc` parsed with `lineCounter` attached; `pointer` a JSON pointer (`""` for the root).
 * @returns undefined when the document has no positions (empty document); never throws. DESIGN §7 (errors carry the line).
 */
export function locateInDocument(doc: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const segment of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!/^\d+$/.test(segment) || !item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
