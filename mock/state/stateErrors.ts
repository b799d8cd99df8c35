import type { ValidationIssue } from '../../src/validation/compiledValidators.ts';
import type { FieldProblem } from './types.ts';

/**
 * The codes a state command refuses with (DESIGN §6, §6.5). The HTTP layer maps each to a status
 * (`mock/admin/adminErrors.ts`); the state itself knows nothing of HTTP.
 */
export type StateErrorCode = 'VALIDATION_ERROR' | 'RESOURCE_NOT_FOUND' | 'CONFLICT' | 'STATE_NOT_SAVED';

/** Why a command was refused, as a value: a code, one sentence, and details naming the field or id. */
export interface StateError {
  code: StateErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** A command's outcome: its value, or the error that refused it (and then nothing changed). */
export type StateResult<T> = { ok: true; value: T } | { ok: false; error: StateError };

/** The most useful of several schema issues: not a oneOf/anyOf summary, not a missing property of another branch, the deepest. */
export function pickIssue<T extends { pointer: string; keyword: string }>(issues: readonly T[]): T {
  const rank = (i: T) => (['oneOf', 'anyOf', 'if', 'false schema'].includes(i.keyword) ? 2 : i.keyword === 'required' ? 1 : 0);
  return [...issues].sort((a, b) => rank(a) - rank(b) || b.pointer.split('/').length - a.pointer.split('/').length)[0]!;
}

/**
 * The error catalogue of the state layer: every refusal of a command is written here once (as Prism
 * keeps one `errors.ts` per stage), so the control plane, the MSW methods and the journal replay say
 * the same thing. DESIGN §6.
 */
export const stateErrors = {
  /** 400: one field is invalid (`details.field`, `details.reason`, `details.value` when given). */
  invalidField(field: string, reason: string, value?: unknown): StateError {
    return { code: 'VALIDATION_ERROR', message: `Invalid "${field}": ${reason}`, details: value === undefined ? { field, reason } : { field, value, reason } };
  },
  /** 400: a body fails its schema; names the most useful issue and lists them all (`details.issues`). */
  invalidBody(issues: readonly ValidationIssue[], hint = ''): StateError {
    const first = pickIssue(issues);
    return {
      code: 'VALIDATION_ERROR',
      message: `Invalid body at "${first.pointer || '/'}": ${first.message}${hint ? `. ${hint}` : ''}`,
      details: { field: first.pointer, reason: first.message, issues: issues.map((i) => ({ field: i.pointer, reason: i.message })) },
    };
  },
  /** 400: items of a batch (or fields of a scenario) refused; `details.errors` lists each; nothing stored. */
  invalidItems(problems: readonly FieldProblem[], what: string): StateError {
    const first = problems[0]!;
    const where = first.index === undefined ? '' : ` item ${first.index}`;
    return {
      code: 'VALIDATION_ERROR',
      message: `${problems.length} invalid ${what}; nothing was stored. First:${where} "${first.field}" ${first.reason}`,
      details: { errors: [...problems] },
    };
  },
  /** 404: an unknown id in the path. */
  notFound(resource: string, id: string): StateError {
    return { code: 'RESOURCE_NOT_FOUND', message: `No ${resource} with id ${id}`, details: { resourceType: resource, resourceId: id } };
  },
  /** 404: no built-in scenario of that name (never a path: names are plain, DESIGN §6.3). */
  unknownScenario(name: string, known: readonly string[]): StateError {
    return { code: 'RESOURCE_NOT_FOUND', message: `No built-in scenario "${name}". Known: ${known.join(', ') || 'none'}.`, details: { resourceType: 'scenario', resourceId: name } };
  },
  /** 409: a duplicate id or a change the current state forbids. */
  conflict(message: string, details?: Record<string, unknown>): StateError {
    return { code: 'CONFLICT', message, ...(details ? { details } : {}) };
  },
  /** 503: the change could not be written to `--state-file`, so it was not applied (DESIGN §6.5). */
  notSaved(reason: string): StateError {
    return { code: 'STATE_NOT_SAVED', message: `The change was not applied: it could not be saved to the state file (${reason}).`, details: { reason } };
  },
} as const;
