import type { StateSnapshot } from './createMockState.ts';
import { createTimeSlicer } from './createTimeSlicer.ts';

/** Events serialized per piece of text (a piece is about 250 bytes an event). */
const EVENTS_PER_PIECE = 500;

/**
 * Writes a state snapshot as a scenario document (JSON, spec/scenario.schema.json; DESIGN §6.2, §6.5,
 * §6.6), piece by piece, yielding to the event loop between pieces so the API keeps answering while a
 * million events are written. Layout: the head on the first line, one entity per line, one event per
 * line, companies' events together in time order (so a round trip keeps every listing order). Generated
 * events are written as explicit ones; `generators` is left out.
 * @returns the pieces of the document's text, in order; their concatenation is one JSON value.
 */
export async function* serializeSnapshot(snapshot: StateSnapshot): AsyncGenerator<string> {
  const { head, view, revision } = snapshot;
  const slicer = createTimeSlicer();
  const list = (items: readonly unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]`);
  const opening = JSON.stringify({ ...head, revision }).slice(0, -1);
  yield `${opening},\n"atsIntegrations":${list(view.atsIntegrations)},\n"companies":${list(view.companies)},\n"apiKeys":${list(view.apiKeys)},\n"usageEvents":[`;
  let first = true;
  let piece = '';
  let count = 0;
  for (const company of view.usage.companies) {
    for (let row = 0; row < company.length; row++) {
      piece += `${first ? '\n' : ',\n'}${company.jsonAt(row)}`;
      first = false;
      if (++count % EVENTS_PER_PIECE === 0) {
        yield piece;
        piece = '';
        await slicer.tick();
      }
    }
  }
  yield `${piece}${first ? '' : '\n'}]}\n`;
}
