import { describe, expect, it } from 'vitest';
import { resolveLocalRef } from './resolveLocalRef.ts';

const doc = {
  paths: { '/x': { get: { responses: { '400': { $ref: '#/components/responses/Bad' }, '200': { description: 'ok' } } } } },
  components: {
    responses: { Bad: { $ref: '#/components/responses/Worse' }, Worse: { description: 'worse' }, Loop: { $ref: '#/components/responses/Loop' } },
  },
};

describe('resolveLocalRef', () => {
  it('returns a node that is not a $ref as it is, with its own pointer', () => {
    expect(resolveLocalRef(doc, doc.paths['/x'].get.responses['200'], '/paths/~1x/get/responses/200')).toEqual({
      node: { description: 'ok' },
      pointer: '/paths/~1x/get/responses/200',
    });
  });

  it('follows a chain of local refs to the last node and its pointer', () => {
    expect(resolveLocalRef(doc, doc.paths['/x'].get.responses['400'], '/paths/~1x/get/responses/400')).toEqual({
      node: { description: 'worse' },
      pointer: '/components/responses/Worse',
    });
  });

  it('gives no node for a ref to nothing or into another file', () => {
    expect(resolveLocalRef(doc, { $ref: '#/components/responses/Missing' }, '/a').node).toBeUndefined();
    expect(resolveLocalRef(doc, { $ref: './scenario.schema.json#/$defs/Company' }, '/a').node).toBeUndefined();
  });

  it('stops after 10 refs on a cycle instead of looping', () => {
    expect(resolveLocalRef(doc, doc.components.responses.Loop, '/components/responses/Loop')).toEqual({
      node: { $ref: '#/components/responses/Loop' },
      pointer: '/components/responses/Loop',
    });
  });
});
