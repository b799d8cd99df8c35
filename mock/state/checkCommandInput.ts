import { FORCEABLE } from './forceableStatuses.ts';
import { findForbiddenKeys } from '../../src/scenario/findForbiddenKeys.ts';
import type { ValidationIssue } from '../../src/validation/compiledValidators.ts';
import { validateStateInput } from '../../src/validation/validateStateInput.ts';
import type { MockCommand } from './commands.ts';
import { MAX_EVENT_BATCH } from './createStore.ts';
import { pickIssue, stateErrors, type StateError } from './stateErrors.ts';
import type { FieldProblem } from './types.ts';

/**
 * Why a schema-valid fault's `code` does not fit its `status` (spec/openapi.yaml allows each status
 * its own codes, {@link FORCEABLE}), or undefined when it fits or has no code. DESIGN §6.7: a forced
 * answer is what the real API would send, valid against the spec.
 */
export function faultCodeMisfit(fault: { status?: number; code?: string }): string | undefined {
  const allowed = fault.status === undefined ? undefined : FORCEABLE[fault.status];
  if (fault.code === undefined || allowed === undefined || allowed.includes(fault.code as never)) return undefined;
  return `must be one the spec allows for status ${fault.status}: ${allowed.join(', ')} (DESIGN §6.7: a forced answer is valid against the spec)`;
}

/** The most faults one `setFaults` takes (spec/admin.openapi.yaml `FaultsInput`). */
export const MAX_FAULTS = 100;

const ADMIN_SCHEMA: Partial<Record<MockCommand['type'], { field: string; pointer: string; hint?: string }>> = {
  createAtsIntegration: { field: 'input', pointer: '/components/schemas/AtsIntegrationInput' },
  createCompany: { field: 'input', pointer: '/components/schemas/CompanyInput' },
  updateCompany: { field: 'patch', pointer: '/components/schemas/CompanyPatch' },
  createApiKey: { field: 'input', pointer: '/components/schemas/ApiKeyInput' },
  updateApiKey: { field: 'patch', pointer: '/components/schemas/ApiKeyPatch' },
  setClock: { field: 'clock', pointer: '/components/schemas/ClockUpdate', hint: 'Send {"mode":"frozen","now":ISO}, {"mode":"real"} or {"advanceMs":N}' },
};

/** Keys `__proto__`, `constructor`, `prototype` anywhere in a value: refused before anything else (DESIGN §6.3). */
function forbidden(value: unknown): StateError | undefined {
  const found = findForbiddenKeys(value);
  return found.length > 0 ? stateErrors.invalidField(found[0]!.pointer, found[0]!.message) : undefined;
}

/** Each item of an event batch against `UsageEventInput`: the most useful issue per bad item, by index. */
export function checkEventShapes(items: readonly unknown[], firstIndex = 0): FieldProblem[] {
  const problems: FieldProblem[] = [];
  items.forEach((item, i) => {
    const issues = validateStateInput('scenario', '/$defs/UsageEventInput', item);
    if (issues.length === 0) return;
    const first = pickIssue(issues);
    problems.push({ index: firstIndex + i, field: first.pointer.replace(/^\//, ''), reason: first.message });
  });
  return problems;
}

/**
 * Checks a command's input against the schemas of spec/admin.openapi.yaml and spec/scenario.schema.json,
 * once, before the state looks at it (the store then checks only what a schema cannot). Scenario
 * documents are checked where they are built (buildStore); batches of events list every bad item.
 * @returns `undefined` when the shape is right, else the 400 to answer (nothing changed). DESIGN §6, §6.3.
 */
export function checkCommandInput(command: MockCommand): StateError | undefined {
  if (command.type === 'setClock' && command.clock !== null && typeof command.clock === 'object' && 'advanceMs' in command.clock) {
    const ms = (command.clock as { advanceMs: unknown }).advanceMs;
    if (!Number.isSafeInteger(ms) || (ms as number) < 0) return stateErrors.invalidField('advanceMs', 'must be a whole number of milliseconds ≥ 0 (the clock never goes back)', ms);
  }
  const spec = ADMIN_SCHEMA[command.type];
  if (spec) {
    const value = (command as unknown as Record<string, unknown>)[spec.field];
    const bad = forbidden(value);
    if (bad) return bad;
    const issues: ValidationIssue[] = validateStateInput('admin', spec.pointer, value ?? {});
    if (issues.length > 0) return stateErrors.invalidBody(issues, spec.hint);
    return undefined;
  }
  switch (command.type) {
    case 'addUsageEvents': {
      const events = command.events as unknown;
      if (!Array.isArray(events) || events.length === 0) return stateErrors.invalidItems([{ field: '', reason: 'send at least one event' }], 'event batch');
      if (events.length > MAX_EVENT_BATCH) return stateErrors.invalidItems([{ field: '', reason: `at most ${MAX_EVENT_BATCH} events per request, got ${events.length}` }], 'event batch');
      return forbidden(events);
    }
    case 'setFaults': {
      const faults = command.faults as unknown;
      if (!Array.isArray(faults)) return stateErrors.invalidField('faults', 'must be a fault or an array of faults');
      if (faults.length > MAX_FAULTS) return stateErrors.invalidField('faults', `at most ${MAX_FAULTS} faults, got ${faults.length}`);
      const bad = forbidden(faults);
      if (bad) return bad;
      for (const [i, fault] of faults.entries()) {
        const issues = validateStateInput('admin', '/components/schemas/Fault', fault);
        const at = (pointer: string) => (faults.length === 1 ? pointer : `/${i}${pointer}`);
        if (issues.length > 0) return stateErrors.invalidBody(issues.map((issue) => ({ ...issue, pointer: at(issue.pointer) })));
        const misfit = faultCodeMisfit(fault as { status?: number; code?: string });
        if (misfit) return stateErrors.invalidBody([{ pointer: at('/code'), keyword: 'enum', message: misfit }]);
      }
      return undefined;
    }
    case 'setProviderState': {
      const { type: _type, ...request } = command;
      const bad = forbidden(request);
      if (bad) return bad;
      const issues = validateStateInput('admin', '/components/schemas/ProviderStateRequest', request);
      return issues.length > 0 ? stateErrors.invalidBody(issues) : undefined;
    }
    default:
      return undefined;
  }
}
