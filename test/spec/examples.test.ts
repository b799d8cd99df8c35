import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../src/validation/index.ts';
import { namedExamples } from '../support/namedExamples.ts';

const cases = namedExamples('api');

describe('named examples of spec/openapi.yaml', () => {
  it('covers the five success examples the issue names and the error examples', () => {
    expect(cases.filter((c) => c.status === 200).map((c) => c.name.split(' ').pop())).toEqual([
      'regularMinutes',
      'regularCredits',
      'atsMixed',
      'atsMinutesOnly',
      'atsWithCompanyId',
    ]);
    expect(cases.filter((c) => c.status !== 200).length).toBe(6);
  });

  it.each(cases)('$name validates against its response schema', ({ pointer, value }) => {
    expect(validateAgainst('api', pointer, value)).toEqual([]);
  });
});
