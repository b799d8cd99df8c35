import { renameSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { stringify } from 'yaml';
import type { Scenario } from '../scenario/types.ts';

/** Saves the mock's state to a scenario file (`serve --state-file`), a short while after each change. */
export interface StateFileWriter {
  /** Asks for a save `delayMs` (250 ms) from now; changes in between are saved together. */
  schedule(): void;
  /** Saves now if a save is pending (on shutdown). */
  flush(): void;
}

/**
 * Creates the writer of `--state-file` (DESIGN §9): the whole state in the scenario format, JSON for
 * `.json`, YAML otherwise, written to a temporary file and renamed over the old one so a crash never
 * leaves half a file. A failed write is reported through `onError` and tried again on the next change.
 * @param snapshot returns the state to save (`GET /__admin/state`'s data).
 */
export function createStateFileWriter(path: string, snapshot: () => Scenario, onError: (err: Error) => void, delayMs = 250): StateFileWriter {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    timer = undefined;
    try {
      const state = snapshot();
      const text = extname(path).toLowerCase() === '.json' ? `${JSON.stringify(state, null, 2)}\n` : stringify(state);
      writeFileSync(`${path}.tmp`, text);
      renameSync(`${path}.tmp`, path);
    } catch (err) {
      onError(err as Error);
    }
  };
  return {
    schedule() {
      timer ??= setTimeout(write, delayMs);
    },
    flush() {
      if (timer) {
        clearTimeout(timer);
        write();
      }
    },
  };
}
