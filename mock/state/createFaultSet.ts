import { createSeededFaker } from '../../src/scenario/createSeededFaker.ts';
import type { components } from '../../src/generated/admin.ts';

/**
 * A fault injected into API answers (DESIGN §6.2, §6.7; spec/admin.openapi.yaml `StoredFault`), scoped to
 * a request path and/or an API key. Units: `latencyMs` milliseconds added before answering; `errorRate`
 * the share (0–1) of matching requests that get `status` (1 when omitted); `dropFields` JSON pointers
 * removed from a success body (to play a broken provider).
 */
export type Fault = components['schemas']['StoredFault'];

/** A fault as a caller writes it: its `id` optional (a new one is made). */
export type FaultInput = components['schemas']['Fault'];

/** The faults of one mock state, with the seeded generator that decides `errorRate`. */
export interface FaultSet {
  list(): Fault[];
  /** The first fault matching a request path and key (`undefined` when none). */
  match(path: string, apiKey: string | undefined): Fault | undefined;
  /** A number in [0, 1) from the seeded generator: the same sequence after every `clear()`. */
  roll(): number;
  /** Replaces every fault at once (`PUT /__admin/faults`); ids must be filled. */
  replace(faults: readonly Fault[]): Fault[];
  /** Removes every fault and re-seeds the generator (scenario load, reset). */
  clear(): void;
}

/**
 * Creates an empty fault set; runs in Node and in browsers.
 * @param seed seeds the generator deciding `errorRate` (the mock's `--seed`), so a run is reproducible.
 */
export function createFaultSet(seed: number): FaultSet {
  let faults: Fault[] = [];
  const faker = createSeededFaker(seed);
  return {
    list: () => faults.map((f) => structuredClone(f)),
    match: (path, apiKey) => faults.find((f) => (f.path === undefined || f.path === path) && (f.apiKey === undefined || f.apiKey === apiKey)),
    roll: () => faker.number.int({ min: 0, max: 999_999 }) / 1_000_000,
    replace(next) {
      faults = next.map((f) => structuredClone(f));
      return faults.map((f) => structuredClone(f));
    },
    clear() {
      faults = [];
      faker.seed(seed);
    },
  };
}
