import type { ErrorObject } from 'ajv/dist/2020.js';
import { appendPointer } from '../validation/jsonPointer.ts';
import type { ScenarioIssue } from './types.ts';

type Json = Record<string, unknown>;

/** Edit distance, to suggest the field a typo meant. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

/** ` (did you mean "x"?)` when one allowed field is within 2 edits of the unknown one, else `""`. */
function suggestion(e: ErrorObject, unknown: string): string {
  const properties = (e.parentSchema as Json | undefined)?.properties as Json | undefined;
  const near = Object.keys(properties ?? {}).filter((k) => distance(k.toLowerCase(), unknown.toLowerCase()) <= 2);
  return near.length === 1 ? ` (did you mean "${near[0]}"?)` : '';
}

/** ` when type is "regular"` for an error raised by the `then` of an `if` on one constant field, found via the `if` error. */
function condition(e: ErrorObject, errors: ErrorObject[]): string {
  const thenAt = e.schemaPath.lastIndexOf('/then/');
  if (thenAt < 0) return '';
  const base = e.schemaPath.slice(0, thenAt);
  const ifError = errors.find((x) => x.keyword === 'if' && x.schemaPath === `${base}/if` && e.instancePath.startsWith(x.instancePath));
  const ifSchema = (ifError?.parentSchema as Json | undefined)?.if as Json | undefined;
  const entries = Object.entries((ifSchema?.properties ?? {}) as Record<string, Json>).filter(([, s]) => 'const' in s);
  return entries.length === 1 ? ` when ${entries[0]![0]} is ${JSON.stringify(entries[0]![1].const)}` : '';
}

/** Drops the errors of `oneOf` branches that plainly do not apply, keeping the one branch that does. */
function pruneOneOf(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  const replace = new Map<ErrorObject, ErrorObject>();
  for (const one of errors.filter((e) => e.keyword === 'oneOf')) {
    const prefix = `${one.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      const inside = e.instancePath === one.instancePath || e.instancePath.startsWith(`${one.instancePath}/`);
      if (e === one || !inside || !e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
      drop.add(e);
    }
    const lists = [...branches.values()];
    const fits = lists.filter((list) => !list.some((e) => e.keyword === 'const' || (e.keyword === 'type' && e.instancePath === one.instancePath)));
    const consts = lists.map((list) => list.find((e) => e.keyword === 'const'));
    if (fits.length === 1) {
      for (const e of fits[0]!) drop.delete(e);
      drop.add(one);
    } else if (lists.length > 0 && consts.every((c) => c && c.instancePath === consts[0]!.instancePath)) {
      // Every branch wants a different constant at the same place (a discriminator): list them as an enum.
      const allowedValues = consts.map((c) => (c!.params as { allowedValue: unknown }).allowedValue);
      replace.set(one, { ...consts[0]!, keyword: 'enum', params: { allowedValues } });
    }
  }
  return errors.filter((e) => !drop.has(e)).map((e) => replace.get(e) ?? e);
}

/** One ajv error as an issue: the pointer of the field at fault and a sentence about it. */
function describe(e: ErrorObject, errors: ErrorObject[]): ScenarioIssue {
  const p = e.params as Record<string, unknown>;
  const at = e.propertyName === undefined ? e.instancePath : appendPointer(e.instancePath, e.propertyName);
  switch (e.keyword) {
    case 'required':
      return { pointer: appendPointer(at, String(p.missingProperty)), message: `missing required field "${String(p.missingProperty)}"${condition(e, errors)}` };
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      return { pointer: appendPointer(at, name), message: `unknown field "${name}"${suggestion(e, name)}` };
    }
    case 'enum':
      return { pointer: at, message: `must be equal to one of the allowed values (${(p.allowedValues as unknown[]).map(String).join(', ')})` };
    case 'const':
      return { pointer: at, message: `must be equal to ${JSON.stringify(p.allowedValue)}` };
    case 'false schema':
      return { pointer: at, message: `is not allowed${condition(e, errors) || ' here'}` };
    case 'oneOf':
      return { pointer: at, message: 'does not match any allowed form' };
    default:
      return { pointer: at, message: `${e.propertyName === undefined ? '' : 'key '}${e.message ?? e.keyword}` };
  }
}

/**
 * Turns ajv's errors for a scenario into short, human issues (DESIGN §7): an unknown field points at
 * that field (with a "did you mean" for near typos), a missing one at where it belongs, enums list
 * their values, and the noise of `if`/`propertyNames` wrappers and non-matching `oneOf` branches is dropped.
 * Needs errors from an ajv built with `verbose: true` (for the "did you mean" and "when" hints).
 * @returns issues in ajv's order, duplicates removed.
 */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): ScenarioIssue[] {
  const all = errors ?? [];
  const kept = pruneOneOf(all).filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  const seen = new Set<string>();
  const issues: ScenarioIssue[] = [];
  for (const issue of kept.map((e) => describe(e, all))) {
    const key = `${issue.pointer}\u0000${issue.message}`;
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
  return issues;
}
