import type { Faker } from '@faker-js/faker';
import { faker as baseFaker } from '@faker-js/faker/locale/base';

/**
 * Faker's class, reached through the locale-free `@faker-js/faker/locale/base` entry: the package root
 * loads every locale (about 0.3 s at start-up, most of the mock's cold start), and the generators only
 * draw numbers, which need no locale data.
 */
const FakerClass = baseFaker.constructor as new (options: { locale: Faker['rawDefinitions'] }) => Faker;

/**
 * A new faker instance with no locale data, seeded with `seed` (a 32-bit number or words, as `faker.seed`): its `number` module draws
 * the same sequence as any faker seeded alike (a Mersenne twister), so scenarios generate the same events
 * as before (DESIGN §4: deterministic for a given seed). Each call gives an independent instance. Never throws.
 */
export function createSeededFaker(seed: number | number[]): Faker {
  const faker = new FakerClass({ locale: baseFaker.rawDefinitions });
  faker.seed(seed);
  return faker;
}
