import type { FieldProblem, StoreError } from './types.ts';

/** A 400 naming one field (`details.field`, `details.reason`, optional `details.value`). */
export function invalidField(field: string, reason: string, value?: unknown): StoreError {
  return {
    status: 400,
    code: 'VALIDATION_ERROR',
    message: `Invalid "${field}": ${reason}`,
    details: value === undefined ? { field, reason } : { field, value, reason },
  };
}

/** A 400 listing every refused item of a batch (`details.errors`, each `{index, field, reason}`). */
export function invalidItems(problems: FieldProblem[], what: string): StoreError {
  const first = problems[0]!;
  const where = first.index === undefined ? '' : ` item ${first.index}`;
  return {
    status: 400,
    code: 'VALIDATION_ERROR',
    message: `${problems.length} invalid ${what}; nothing was stored. First:${where} "${first.field}" ${first.reason}`,
    details: { errors: problems },
  };
}

/** A 404 for an unknown id in the path. */
export function notFound(resource: string, id: string): StoreError {
  return { status: 404, code: 'RESOURCE_NOT_FOUND', message: `No ${resource} with id ${id}`, details: { resourceType: resource, resourceId: id } };
}

/** A 409 for a duplicate id or a change the current state forbids. */
export function conflict(message: string, details?: Record<string, unknown>): StoreError {
  return { status: 409, code: 'CONFLICT', message, ...(details ? { details } : {}) };
}
