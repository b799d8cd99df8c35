import { pointerSegments } from '../../src/validation/jsonPointer.ts';
import type { Fault } from '../state/createFaultSet.ts';
import type { MockState } from '../state/createMockState.ts';
import { requestKey, type ApiRequest } from './answerUsageRequest.ts';
import { answerBody, type MockAnswer } from './envelope.ts';
import { forcedAnswer } from './forcedAnswer.ts';

/**
 * Removes the value a JSON pointer names from a JSON body, in place: an object's key is deleted, an
 * array's element is spliced out (the array gets shorter, no `null` is left: DESIGN §6.7). A pointer
 * naming nothing changes nothing; own properties only, so no prototype is ever reached (§6.3).
 */
export function dropPointer(body: unknown, pointer: string): void {
  const parts = pointerSegments(pointer);
  const last = parts.pop();
  let node: unknown = body;
  for (const p of parts) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, p)) return;
    node = (node as Record<string, unknown>)[p];
  }
  if (last === undefined || node === null || typeof node !== 'object' || !Object.hasOwn(node, last)) return;
  if (Array.isArray(node)) {
    if (/^(0|[1-9]\d*)$/.test(last)) node.splice(Number(last), 1);
  } else delete (node as Record<string, unknown>)[last];
}

/** What a fault does to one request: wait `delayMs` (milliseconds), then answer with `answer()`. */
export interface FaultOutcome {
  delayMs: number;
  answer: () => MockAnswer;
}

/**
 * Applies the first fault matching a request's path and key (DESIGN §6.2, §6.7) around the normal
 * answer: its latency, then — for a share `errorRate` of requests — its forced status answered as the
 * real API would (spec-valid body and headers), else the normal answer with its `dropFields` removed
 * (marked `unchecked`: the one fault meant to break the spec). No fault: the normal answer at once.
 * Runs after routing and the method check (a 405 or 404 is never faulted).
 */
export function applyFaults(state: MockState, request: ApiRequest, normal: () => MockAnswer): FaultOutcome {
  const fault: Fault | undefined = state.faults.match(request.path, requestKey(request));
  if (!fault) return { delayMs: 0, answer: normal };
  return {
    delayMs: fault.latencyMs ?? 0,
    answer: () => {
      if (fault.status !== undefined && state.faults.roll() < (fault.errorRate ?? 1)) {
        return forcedAnswer(state, request, fault.status, { ...(fault.code ? { code: fault.code } : {}), reason: `Injected fault ${fault.id}` });
      }
      const answer = normal();
      const body = answerBody(answer);
      if (!fault.dropFields?.length || body === undefined) return answer;
      for (const pointer of fault.dropFields) dropPointer(body, pointer);
      const { text: _text, report: _report, ...rest } = answer;
      return { ...rest, body, unchecked: true };
    },
  };
}
