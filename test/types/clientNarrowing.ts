/**
 * Type-level checks of the typed client's results: a company narrows on `billingSystem` and a result
 * on `error`. Compiled by `tsc -p .` (npm run typecheck, part of npm test), never run: vitest only runs
 * `*.test.ts`. Each `@ts-expect-error` must be a type error, so compilation fails if narrowing stops
 * working. DESIGN §3.4 (the other unit's fields are absent).
 */
import { expectTypeOf } from 'vitest';
import type { CompanyUsage, GetUsageResult } from '../../src/client/index.ts';

export function typeChecks(company: CompanyUsage, result: GetUsageResult): void {
  if (company.billingSystem === 'minutes') {
    expectTypeOf(company.totalMinutesUsed).toEqualTypeOf<number>();
    // @ts-expect-error a minutes company has no totalCreditsUsed
    company.totalCreditsUsed.toFixed(1);
    // @ts-expect-error a minutes bucket has no creditsUsed
    company.breakdownByCostKey[0]?.creditsUsed.toFixed(1);
  } else {
    expectTypeOf(company.billingSystem).toEqualTypeOf<'credits'>();
    expectTypeOf(company.totalCreditsUsed).toEqualTypeOf<number>();
    // @ts-expect-error a credits company has no totalMinutesUsed
    company.totalMinutesUsed.toFixed(1);
  }
  if (result.error) {
    expectTypeOf(result.error.status).toEqualTypeOf<number>();
    // @ts-expect-error data is undefined on the error branch
    result.data.totalInterviews.toFixed();
  } else {
    expectTypeOf(result.data.totalInterviews).toEqualTypeOf<number>();
  }
}
