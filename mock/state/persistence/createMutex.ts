/** Runs async sections one at a time, in call order (a failed section does not block the next). */
export interface Mutex {
  run<T>(section: () => Promise<T>): Promise<T>;
}

/** Creates a {@link Mutex}: the journal's writes, rewrites and snapshot swaps never interleave (DESIGN §6.5). */
export function createMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(section) {
      const result = tail.then(section);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
