import type { Readable } from 'node:stream';
import { formatScenarioErrors } from '../../src/scenario/formatScenarioErrors.ts';
import { validateAgainst } from '../../src/validation/validateAgainst.ts';
import type { MockAnswer } from '../api/envelope.ts';
import { readScenarioStream } from '../state/readScenarioStream.ts';
import { serializeSnapshot } from '../state/serializeSnapshot.ts';
import type { AnswerCheck } from '../http/createAnswerCheck.ts';
import { adminError, adminResult } from './adminAnswers.ts';
import type { AdminCall } from './createAdminRouter.ts';
import { isYamlType } from './createAdminGuard.ts';

/** The largest `PUT /__admin/state` JSON document (streamed): room for an export of a few million events. */
export const MAX_STATE_BYTES = 2 * 1024 ** 3;

/** The largest YAML scenario a `PUT /__admin/state` takes (parsed whole). */
export const MAX_YAML_BYTES = 64 * 1024 ** 2;

/**
 * `GET /__admin/state` (DESIGN §6.2, §6.6): the whole state in the scenario format, streamed in the
 * envelope from a frozen view of the state, piece by piece, waiting for the client to drain, so a
 * million events never stall the API and later changes do not tear it. The head (entities, clock) is
 * checked against the spec before the first byte; the events are the store's own records. `HEAD`
 * answers the headers without building anything.
 */
export async function exportState({ state, req, res }: AdminCall, check: AnswerCheck): Promise<undefined | MockAnswer> {
  res.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
  if (req.method === 'HEAD') {
    res.end();
    return undefined;
  }
  const snapshot = state.snapshot();
  if (check.mode !== 'off') {
    const { view, head, revision } = snapshot;
    const document = { ...head, revision, atsIntegrations: view.atsIntegrations, companies: view.companies, apiKeys: view.apiKeys, usageEvents: [] };
    const issues = validateAgainst('admin', '/components/schemas/StateResponse', { success: true, data: document, error: null, timestamp: new Date(state.now()).toISOString() });
    if (issues.length > 0) {
      res.removeHeader('Content-Type');
      return check.check('GET', req.path, { status: 200, headers: {}, body: { success: true, data: document, error: null, timestamp: new Date(state.now()).toISOString() }, spec: 'admin', specPath: '/__admin/state' }, state.now());
    }
  }
  const timestamp = new Date(state.now()).toISOString();
  res.write('{"success":true,"data":');
  for await (const piece of serializeSnapshot(snapshot)) {
    if (res.destroyed) return undefined;
    if (!res.write(piece)) await drained(res);
  }
  res.end(`,"error":null,"timestamp":${JSON.stringify(timestamp)}}\n`);
  return undefined;
}

/** Resolves once a response can take more (or has closed); leaves no listener behind. */
function drained(res: AdminCall['res']): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Yields a request's body chunks, failing once more than `max` bytes came. */
async function* capped(body: Readable, max: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) throw new Error(`the body is larger than ${max} bytes`);
    yield chunk;
  }
}

/**
 * `PUT /__admin/state` (DESIGN §6.2, §6.6): replaces the whole state. A JSON body is read as a stream
 * (what `GET /__admin/state` gave, with its envelope or only its `data`), so a million events load in slices
 * while the API keeps answering; a YAML body (`Content-Type: application/yaml`) is a scenario file,
 * parsed whole (at most {@link MAX_YAML_BYTES}) with line numbers in its errors. The new state is built
 * aside and swapped in at once; a refused one changes nothing. Answers with the new state's summary.
 */
export async function importState({ state, req }: AdminCall): Promise<MockAnswer> {
  const spec = '/__admin/state' as const;
  if (isYamlType(req.get('content-type'))) {
    let text = '';
    try {
      for await (const chunk of capped(req, MAX_YAML_BYTES)) text += Buffer.from(chunk).toString('utf8');
    } catch (err) {
      return adminError(state.now(), spec, { code: 'PAYLOAD_TOO_LARGE', message: `The YAML body is too large: ${(err as Error).message}; send large states as JSON.` });
    }
    const { parseScenarioText } = await import('../../src/scenario/loadScenarioFile.ts'); // the YAML parser, loaded on first use
    const parsed = parseScenarioText(text, 'yaml', 'request body');
    if (!parsed.ok) {
      const first = parsed.errors[0]!;
      return adminError(state.now(), spec, {
        code: 'VALIDATION_ERROR',
        message: `Invalid scenario: ${formatScenarioErrors(parsed.errors).split('\n')[0]}`,
        details: { field: first.pointer, reason: first.message, errors: parsed.errors.map((e) => ({ field: e.pointer, reason: `${e.line === undefined ? '' : `line ${e.line}: `}${e.message}` })) },
      });
    }
    const result = await state.execute({ type: 'replaceState', scenario: parsed.scenario });
    return adminResult(state.now(), spec, result); // the timestamp after the command: the new scenario's clock
  }
  const result = await state.execute({ type: 'replaceState', scenario: readScenarioStream(capped(req, MAX_STATE_BYTES)) });
  if (!req.complete) req.resume(); // a refused document: drain the rest so the answer reaches the client
  return adminResult(state.now(), spec, result);
}

