import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CompanyUsage, GetUsageResult } from '../../src/client/index.ts';

// Type-level checks, compiled by `tsc` (npm run typecheck, part of npm test) and never run:
// each @ts-expect-error must be a type error, so compilation fails if narrowing stops working.
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

function describeCompany(company: CompanyUsage): string {
  return company.billingSystem === 'minutes'
    ? `${company.companyName}: ${company.totalMinutesUsed} min`
    : `${company.companyName}: ${company.totalCreditsUsed} credits`;
}

describe('getUsage data narrows on billingSystem', () => {
  it('reads the unit of each branch', () => {
    expect(
      describeCompany({ companyId: 'x', companyName: 'Initech', billingSystem: 'minutes', totalInterviews: 1, totalMinutesUsed: 2.5, breakdownByCostKey: [] }),
    ).toBe('Initech: 2.5 min');
    expect(
      describeCompany({ companyId: 'y', companyName: 'Umbrella', billingSystem: 'credits', totalInterviews: 1, totalCreditsUsed: 4, breakdownByCostKey: [] }),
    ).toBe('Umbrella: 4 credits');
  });
});
