import { JSONParser } from '@streamparser/json';
import { findForbiddenKeys } from '../../src/scenario/findForbiddenKeys.ts';
import { describeSchemaErrors } from '../../src/scenario/describeSchemaErrors.ts';
import { compileSpecSchema } from '../../src/validation/validateAgainst.ts';
import type { ScenarioHead, ScenarioProblem, ScenarioSource } from './buildStore.ts';

/** Events handed to the builder per chunk. */
const CHUNK = 500;

/** The top-level keys a builder needs before it can take events (events refer to companies). */
const NEEDED_BEFORE_EVENTS = ['atsIntegrations', 'companies'] as const;

/**
 * Reads a scenario document (JSON, as `GET /__admin/state` writes it: the scenario, or the whole
 * envelope around it, whose `data` is then read) from a stream of text or bytes
 * without holding it whole: the top-level fields are kept, the `usageEvents` are handed over in chunks
 * as they are parsed (DESIGN §6.6: `PUT /__admin/state` of a million events; `--state-file` snapshots).
 * When `usageEvents` comes before `atsIntegrations` and `companies`, its events are held until those
 * arrive (correct, but then the memory grows with the document).
 * Syntax errors, forbidden keys (§6.3) and schema errors of the head come back as problems from
 * `entities()`/`head()`; events are checked against the schema by the builder (`eventsChecked` false).
 */
export function readScenarioStream(input: AsyncIterable<Uint8Array | string>): ScenarioSource {
  // The document's top-level fields, and those of its `data` when it is a whole `GET /__admin/state` envelope.
  const topLevel: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const inEnvelope: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let enveloped = false;
  let pending: unknown[] = [];
  let ended = false;
  let syntax: string | undefined;
  const parser = new JSONParser({ paths: ['$.*', '$.usageEvents.*', '$.data.*', '$.data.usageEvents.*'] });
  parser.onValue = ({ value, key, parent, stack }) => {
    const data = stack.length >= 2 && stack[1]!.key === 'data';
    if (data) enveloped = true;
    if (stack.length === (data ? 3 : 2) && stack[stack.length - 1]!.key === 'usageEvents') {
      pending.push(value);
      (parent as unknown[]).pop(); // handed over: the parser keeps nothing of it
      return;
    }
    if (typeof key !== 'string' || key === 'usageEvents') return;
    if (stack.length === 1 && key !== 'data') topLevel[key] = value;
    else if (data && stack.length === 2) inEnvelope[key] = value;
  };
  const partsOf = () => (enveloped ? inEnvelope : topLevel);
  parser.onError = (err) => {
    syntax ??= err.message;
  };
  parser.onEnd = () => {
    ended = true;
  };
  const iterator = input[Symbol.asyncIterator]();
  let root: 'unknown' | 'object' | 'other' = 'unknown';

  /** Feeds the next chunk to the parser; false once the input is over (or broken). */
  async function pump(): Promise<boolean> {
    if (ended || syntax) return false;
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await iterator.next();
    } catch (err) {
      syntax ??= `the document could not be read to its end (${(err as Error).message})`;
      return false;
    }
    if (next.done) {
      if (!parser.isEnded) {
        try {
          parser.end();
        } catch (err) {
          syntax ??= (err as Error).message;
        }
      }
      ended = true;
      return false;
    }
    if (root === 'unknown') {
      const text = typeof next.value === 'string' ? next.value : new TextDecoder().decode(next.value.subarray(0, 64));
      const first = text.trimStart()[0];
      if (first !== undefined) root = first === '{' ? 'object' : 'other';
    }
    if (root === 'other') {
      syntax ??= 'the document must be a JSON object (a scenario)';
      return false;
    }
    try {
      parser.write(next.value);
    } catch (err) {
      syntax ??= (err as Error).message;
    }
    return !syntax;
  }

  const problem = (pointer: string, message: string): { ok: false; problems: ScenarioProblem[] } => ({ ok: false, problems: [{ pointer, message }] });
  const checkPart = (name: string): ScenarioProblem[] => {
    const parts = partsOf();
    const forbidden = findForbiddenKeys(parts[name]);
    if (forbidden.length > 0) return forbidden.map((f) => ({ pointer: `/${name}${f.pointer}`, message: f.message }));
    const validate = compileSpecSchema('scenario', `/$defs/Scenario/properties/${name}`);
    return validate(parts[name]) ? [] : describeSchemaErrors(validate.errors).map((i) => ({ pointer: `/${name}${i.pointer}`, message: i.message }));
  };

  return {
    eventsChecked: false,
    async entities() {
      while (!NEEDED_BEFORE_EVENTS.every((k) => k in partsOf()) && (await pump()));
      const parts = partsOf();
      if (syntax) return problem('', `not a JSON scenario: ${syntax}`);
      const missing = NEEDED_BEFORE_EVENTS.filter((k) => !(k in parts));
      if (missing.length > 0) return problem(`/${missing[0]}`, `must have required property '${missing[0]}'`);
      const problems = NEEDED_BEFORE_EVENTS.flatMap(checkPart);
      if (problems.length > 0) return { ok: false, problems };
      return { ok: true, entities: { atsIntegrations: parts.atsIntegrations, companies: parts.companies } as Pick<ScenarioHead, 'atsIntegrations' | 'companies'> };
    },
    async *events() {
      for (;;) {
        while (pending.length >= CHUNK || (ended && pending.length > 0)) {
          const chunk = pending.slice(0, CHUNK);
          pending = pending.slice(CHUNK);
          yield chunk;
        }
        if (ended || syntax) break;
        if (!(await pump()) && pending.length === 0) break;
      }
      if (pending.length > 0 && !syntax) {
        yield pending;
        pending = [];
      }
    },
    async head() {
      while (await pump());
      if (syntax) return problem('', `not a JSON scenario: ${syntax}`);
      const document = { ...partsOf(), usageEvents: [] };
      const forbidden = findForbiddenKeys(document);
      if (forbidden.length > 0) return { ok: false, problems: forbidden };
      const validate = compileSpecSchema('scenario', '');
      if (!validate(document)) return { ok: false, problems: describeSchemaErrors(validate.errors) };
      const { usageEvents: _none, ...head } = document as unknown as ScenarioHead & { usageEvents: [] };
      return { ok: true, head };
    },
  };
}
