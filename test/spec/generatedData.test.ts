import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_DATA_FILES } from '../../scripts/generateValidators.ts';

describe('src/generated/ holds the validators and data made from spec/ and mock/scenarios/', () => {
  it.each(GENERATED_DATA_FILES)('$output matches a fresh generation (run `npm run generate` after editing a spec or a built-in scenario)', ({ output, text }) => {
    expect(readFileSync(output, 'utf8') === text()).toBe(true);
  });
});
