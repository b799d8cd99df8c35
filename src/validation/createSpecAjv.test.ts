import { describe, expect, it } from 'vitest';
import { createSpecAjv } from './createSpecAjv.ts';
import { loadSpecDocument, type SpecName } from './loadSpecDocument.ts';

/** A loader for which one spec file is missing, as in a broken checkout. */
function withoutSpec(missing: SpecName) {
  return (name: SpecName) => {
    if (name === missing) throw new Error(`Cannot load spec file /checkout/spec/${name}: ENOENT`);
    return loadSpecDocument(name);
  };
}

describe('createSpecAjv', () => {
  it('names the missing admin spec file at the first compile of one of its schemas', () => {
    const specs = createSpecAjv(withoutSpec('admin'));
    expect(() => specs.compile('admin', '/components/schemas/Fault')).toThrow(/spec\/admin\.openapi\.yaml could not be loaded \(Cannot load spec file .*ENOENT\)/);
  });

  it('still compiles the other spec files when one is missing', () => {
    const specs = createSpecAjv(withoutSpec('admin'));
    expect(specs.compile('api', '/components/schemas/UsageResponse')({ success: true })).toBe(false);
  });

  it('names the missing scenario spec file when an admin schema refers into it', () => {
    const specs = createSpecAjv(withoutSpec('scenario'));
    expect(() => specs.compile('admin', '/components/schemas/UsageEventInput')).toThrow(/spec\/scenario\.schema\.json could not be loaded/);
  });

  it('names the spec file and pointer when the pointer names no schema', () => {
    expect(() => createSpecAjv().compile('api', '/components/schemas/NoSuchSchema')).toThrow('No schema at spec:api#/components/schemas/NoSuchSchema');
  });
});
