import { describe, expect, it } from 'vitest';
import { compareCodeUnits } from './compareCodeUnits.ts';

describe('compareCodeUnits', () => {
  it('sorts upper case before lower case and never by locale', () => {
    expect(['beta', 'Alpha', 'alpha', 'Ärzte', 'Zeta'].sort(compareCodeUnits)).toEqual(['Alpha', 'Zeta', 'alpha', 'beta', 'Ärzte']);
  });

  it('gives 0 for equal strings', () => {
    expect(compareCodeUnits('interview_minutes', 'interview_minutes')).toBe(0);
  });
});
