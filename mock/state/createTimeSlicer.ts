/** Lets the event loop run (other requests, timers) before going on: `setImmediate` in Node, a 0 ms timer in browsers. */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * Cuts long work into slices so the API keeps answering (DESIGN §6.6: nothing blocks it for more than
 * about 50 ms at a time). Call `await slicer.tick()` between small units of work: it yields to the event
 * loop once `sliceMs` (milliseconds, default 10) have passed since the last yield.
 */
export interface TimeSlicer {
  tick(): Promise<void> | undefined;
  /** Milliseconds since the slicer was made. */
  elapsedMs(): number;
}

/** Creates a {@link TimeSlicer}; `sliceMs` is the longest stretch of work between two yields, in milliseconds. */
export function createTimeSlicer(sliceMs = 10): TimeSlicer {
  const started = performance.now();
  let sliceStart = started;
  return {
    tick() {
      const now = performance.now();
      if (now - sliceStart < sliceMs) return undefined;
      return yieldToEventLoop().then(() => {
        sliceStart = performance.now();
      });
    },
    elapsedMs: () => performance.now() - started,
  };
}
