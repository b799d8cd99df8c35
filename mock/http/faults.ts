import { randomUUID } from 'node:crypto';
import { Faker, en } from '@faker-js/faker';
import type { RequestHandler } from 'express';
import type { components } from '../../src/generated/admin.ts';
import { pointerSegments } from '../../src/validation/jsonPointer.ts';
import { bearerToken } from './authenticate.ts';
import { sendError, type MockErrorCode } from './envelope.ts';

/**
 * A fault injected into API answers (DESIGN §6.2 `/__admin/faults`; spec/admin.openapi.yaml `StoredFault`),
 * scoped to a request path and/or an API key. Units: `latencyMs` milliseconds added before answering;
 * `errorRate` the share (0–1) of matching requests that get `status` (1 when omitted); `dropFields`
 * JSON pointers removed from a success body (to play a broken provider).
 */
export type Fault = components['schemas']['StoredFault'];

/** The faults of one mock instance, with the seeded generator that decides `errorRate`. */
export interface FaultSet {
  list(): Fault[];
  /** A number in [0, 1) from the seeded generator: the same sequence after every `clear()`. */
  roll(): number;
  add(fault: Omit<Fault, 'id'> & { id?: string }): Fault;
  /** Replaces every fault at once (`PUT /__admin/faults`). */
  replace(faults: Array<Omit<Fault, 'id'> & { id?: string }>): Fault[];
  /** Removes every fault and re-seeds the generator (scenario load, reset). */
  clear(): void;
}

/**
 * Creates an empty fault set.
 * @param seed seeds the generator deciding `errorRate` (the mock's `--seed`), so a run is reproducible.
 */
export function createFaultSet(seed: number): FaultSet {
  let faults: Fault[] = [];
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const withId = (f: Omit<Fault, 'id'> & { id?: string }): Fault => ({ ...structuredClone(f), id: f.id ?? randomUUID() });
  return {
    list: () => faults.map((f) => ({ ...f })),
    roll: () => faker.number.int({ min: 0, max: 999_999 }) / 1_000_000,
    add(fault) {
      const stored = withId(fault);
      faults.push(stored);
      return stored;
    },
    replace(next) {
      faults = next.map(withId);
      return faults.map((f) => ({ ...f }));
    },
    clear: () => {
      faults = [];
      faker.seed(seed);
    },
  };
}

function codeFor(status: number): MockErrorCode {
  if (status === 429) return 'RATE_LIMIT_EXCEEDED';
  if (status === 404) return 'RESOURCE_NOT_FOUND';
  return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
}

function dropPointer(body: unknown, pointer: string): void {
  const parts = pointerSegments(pointer);
  const last = parts.pop();
  let node = body as Record<string, unknown> | undefined;
  for (const p of parts) node = node?.[p] as Record<string, unknown> | undefined;
  if (node && typeof node === 'object' && last !== undefined) delete node[last];
}

/**
 * Middleware applying the faults that match a request (first match wins): latency, then a forced
 * status (with the error envelope), else dropped fields on the way out. Mounted on the GET route only,
 * so routing (404) and the method check (405) happen first.
 */
export function createFaultMiddleware(faults: FaultSet): RequestHandler {
  return (req, res, next) => {
    const key = bearerToken(req.get('authorization'));
    const fault = faults.list().find((f) => (f.path === undefined || f.path === req.path) && (f.apiKey === undefined || f.apiKey === key));
    if (!fault) return next();
    res.locals.faultId = fault.id;
    const act = () => {
      if (fault.status !== undefined && faults.roll() < (fault.errorRate ?? 1)) {
        return sendError(res, fault.status, codeFor(fault.status), `Injected fault ${fault.id}: status ${fault.status}.`, { faultId: fault.id });
      }
      if (fault.dropFields?.length) {
        const json = res.json.bind(res);
        res.json = (body: unknown) => {
          for (const pointer of fault.dropFields ?? []) dropPointer(body, pointer);
          return json(body);
        };
      }
      next();
    };
    if (fault.latencyMs) setTimeout(act, fault.latencyMs);
    else act();
  };
}
