import { Faker, en, SimpleFaker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { createSeededFaker } from './createSeededFaker.ts';

/** Ten draws of 32-bit words, as the generators make them. */
const draws = (f: SimpleFaker) => Array.from({ length: 10 }, () => f.number.int({ min: 0, max: 0xffffffff }));

describe('createSeededFaker', () => {
  it('draws the numbers a seeded English faker draws, so generated scenarios do not change', () => {
    const english = new Faker({ locale: [en] });
    english.seed([1, 0, 12345]);
    expect(draws(createSeededFaker([1, 0, 12345]))).toEqual(draws(english));
  });

  it('draws the numbers a seeded SimpleFaker draws, so from-report scenarios do not change', () => {
    const simple = new SimpleFaker();
    simple.seed([7, 8]);
    expect(draws(createSeededFaker([7, 8]))).toEqual(draws(simple));
  });

  it('draws the numbers a faker seeded with one number draws, so fault error rates do not change', () => {
    const english = new Faker({ locale: [en] });
    english.seed(42);
    expect(draws(createSeededFaker(42))).toEqual(draws(english));
  });

  it('gives independent instances: drawing from one does not move another', () => {
    const a = createSeededFaker([3]);
    const b = createSeededFaker([3]);
    draws(a);
    expect(draws(b)).toEqual(draws(createSeededFaker([3])));
  });
});
