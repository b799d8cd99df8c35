import type { ErrorObject } from 'ajv/dist/2020.js';
import { compileSpecSchema, type ValidationIssue } from './createSpecAjv.ts';
import { appendPointer, pointerSegments, valueAtPointer as valueAt } from './jsonPointer.ts';
import type { SpecName } from './loadSpecDocument.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (v: unknown): string => (v === undefined ? 'nothing' : Array.isArray(v) ? 'an array' : isObject(v) ? 'an object' : (JSON.stringify(v) ?? String(v)).slice(0, 80));

/** Which issue to keep when several name one pointer: the first listed keyword wins. */
const PRIORITY = ['required', 'false schema', 'additionalProperties', 'type', 'const', 'enum', 'format', 'pattern'];
const rank = (keyword: string): number => {
  const i = PRIORITY.indexOf(keyword);
  return i === -1 ? PRIORITY.length : i;
};

/** One ajv error as an issue with a message that says what was expected and what came. */
function describe(e: ErrorObject, root: unknown): ValidationIssue {
  const params = e.params as Record<string, unknown>;
  const actual = valueAt(root, e.instancePath);
  switch (e.keyword) {
    case 'required':
      return { pointer: appendPointer(e.instancePath, String(params.missingProperty)), message: 'is missing (required)', keyword: 'required' };
    case 'additionalProperties':
      return { pointer: appendPointer(e.instancePath, String(params.additionalProperty)), message: 'is not allowed here', keyword: 'additionalProperties' };
    case 'false schema':
      return { pointer: e.instancePath, message: `must be absent, got ${show(actual)}`, keyword: 'false schema' };
    case 'type':
      return { pointer: e.instancePath, message: `must be ${String(params.type)}, got ${show(actual)}`, keyword: 'type' };
    case 'enum':
      return { pointer: e.instancePath, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${show(actual)}`, keyword: 'enum' };
    case 'const':
      return { pointer: e.instancePath, message: `must be ${JSON.stringify(params.allowedValue)}, got ${show(actual)}`, keyword: 'const' };
    case 'format':
      return { pointer: e.instancePath, message: `must be a ${String(params.format)}, got ${show(actual)}`, keyword: 'format' };
    default:
      return { pointer: e.instancePath, message: `${e.message ?? e.keyword}, got ${show(actual)}`, keyword: e.keyword };
  }
}

/** Re-roots issues found on a sub-value at `pointer`. */
const under = (pointer: string, issues: ValidationIssue[]): ValidationIssue[] => issues.map((i) => ({ ...i, pointer: pointer + i.pointer }));

/** Validates `value` against the schema at `ref` (`#/…` of the same spec) and collapses the result. */
function validateRef(spec: SpecName, ref: string, value: unknown): ValidationIssue[] {
  const validate = compileSpecSchema(spec, ref.replace(/^#/, ''));
  return validate(value) ? [] : collapse(spec, validate.errors ?? [], value);
}

/**
 * Replaces a failed `oneOf` by the issues of the one branch meant: the discriminator's mapping when
 * the schema has one (a missing or unknown tag is one issue at the tag, plus the other issues of the
 * branch with the fewest), else the `$ref` branch with the fewest issues; inline branches without a
 * discriminator give one issue at the value.
 */
function resolveOneOf(spec: SpecName, e: ErrorObject, root: unknown): ValidationIssue[] {
  const schema = (e.parentSchema ?? {}) as { oneOf?: Array<{ $ref?: string }>; discriminator?: { propertyName: string; mapping?: Record<string, string> } };
  const instance = valueAt(root, e.instancePath);
  const refs = (schema.oneOf ?? []).map((b) => b.$ref).filter((r): r is string => typeof r === 'string' && r.startsWith('#/'));
  const d = schema.discriminator;
  if (d && isObject(instance)) {
    const mapping = d.mapping ?? Object.fromEntries(refs.map((r) => [r.split('/').pop()!, r]));
    const tagPointer = appendPointer(e.instancePath, d.propertyName);
    const tag = instance[d.propertyName];
    const target = typeof tag === 'string' && Object.hasOwn(mapping, tag) ? mapping[tag] : undefined;
    if (target !== undefined && target.startsWith('#/')) return under(e.instancePath, validateRef(spec, target, instance));
    // A missing or unknown tag: one issue at the tag, plus the other issues of the branch the value is closest to.
    const allowed = Object.keys(mapping).map((k) => JSON.stringify(k)).join(', ');
    const tagIssue: ValidationIssue = tag === undefined
      ? { pointer: tagPointer, message: `is missing (required: one of ${allowed})`, keyword: 'required' }
      : { pointer: tagPointer, message: `must be one of ${allowed}, got ${show(tag)}`, keyword: 'enum' };
    const branches = Object.values(mapping).filter((r) => r.startsWith('#/')).map((r) => validateRef(spec, r, instance).filter((i) => i.pointer !== appendPointer('', d.propertyName)));
    const closest = branches.reduce<ValidationIssue[] | undefined>((best, t) => (best === undefined || t.length < best.length ? t : best), undefined) ?? [];
    return [tagIssue, ...under(e.instancePath, closest)];
  }
  if (refs.length > 0 && refs.length === (schema.oneOf ?? []).length) {
    const tries = refs.map((r) => validateRef(spec, r, instance)).filter((issues) => issues.length > 0);
    if (tries.length === refs.length) return under(e.instancePath, tries.reduce((best, t) => (t.length < best.length ? t : best)));
  }
  return [{ pointer: e.instancePath, message: `must match exactly one of the allowed shapes, got ${show(instance)}`, keyword: 'oneOf' }];
}

/** Orders pointers segment by segment, array indices by number, so the list follows the document. */
function comparePointers(a: string, b: string): number {
  const sa = pointerSegments(a);
  const sb = pointerSegments(b);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i]!;
    const y = sb[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return sa.length - sb.length;
}

/** Collapses ajv's errors on `root`: oneOf/anyOf resolved, then one issue per pointer. */
function collapse(spec: SpecName, errors: ErrorObject[], root: unknown): ValidationIssue[] {
  let rest = errors;
  const issues: ValidationIssue[] = [];
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf').sort((a, b) => a.instancePath.length - b.instancePath.length);
  const handled: string[] = [];
  for (const e of oneOfs) {
    const p = e.instancePath;
    if (handled.some((h) => p === h || p.startsWith(`${h}/`))) continue;
    handled.push(p);
    rest = rest.filter((x) => !(x.instancePath === p || x.instancePath.startsWith(`${p}/`)));
    issues.push(...resolveOneOf(spec, e, root));
  }
  for (const e of rest.filter((x) => x.keyword === 'anyOf')) {
    const branches = rest.filter((x) => x.instancePath === e.instancePath && x.schemaPath.startsWith(`${e.schemaPath}/`));
    rest = rest.filter((x) => x !== e && !branches.includes(x));
    const missing = branches.every((b) => b.keyword === 'required') ? branches.map((b) => String((b.params as { missingProperty: string }).missingProperty)) : [];
    issues.push(
      missing.length > 0
        ? { pointer: e.instancePath, message: `must have at least one of ${missing.join(', ')}`, keyword: 'required' }
        : { pointer: e.instancePath, message: `must match at least one of the allowed shapes, got ${show(valueAt(root, e.instancePath))}`, keyword: 'anyOf' },
    );
  }
  issues.push(...rest.map((e) => describe(e, root)));
  const best = new Map<string, ValidationIssue>();
  for (const issue of issues) {
    const kept = best.get(issue.pointer);
    if (!kept || rank(issue.keyword) < rank(kept.keyword)) best.set(issue.pointer, issue);
  }
  return [...best.values()].sort((a, b) => comparePointers(a.pointer, b.pointer));
}

/**
 * Validates a value against a schema of a spec document and reports what a person needs to fix it:
 * at most one issue per JSON pointer, a failed `oneOf` resolved to the branch meant (by the OpenAPI
 * `discriminator`, e.g. `billingSystem`), a failed `anyOf` of `required` branches as one "must have
 * at least one of …", messages that name what came (`must be number, got null`), sorted in document order.
 * Shape: `spec` and `pointer` as {@link compileSpecSchema}; returns `[]` when valid.
 * @throws Error as {@link compileSpecSchema} (a missing or broken spec file, a wrong pointer).
 * DESIGN §9 (`check` reports no duplicates, no oneOf dumps); docs/decisions/0012-provider-check.md.
 */
export function validateCollapsed(spec: SpecName, pointer: string, value: unknown): ValidationIssue[] {
  const validate = compileSpecSchema(spec, pointer);
  return validate(value) ? [] : collapse(spec, validate.errors ?? [], value);
}
