/**
 * Type-level checks of the domain's report and scenario types against the generated spec types.
 * Compiled by `tsc -p .` (npm run typecheck, part of npm test), never run: vitest only runs `*.test.ts`.
 * Each `@ts-expect-error` line must stay an error, so compilation fails if the types start allowing
 * what the spec forbids. DESIGN §3.4, §3.5, §7.
 */
import type { CostKeyBucket, UsageReport } from '../../src/billing/report.ts';
import type { components as admin } from '../../src/generated/admin.ts';
import type { Scenario } from '../../src/scenario/types.ts';

/** The absent-never-null rule (DESIGN §3.4, §8 rule 11) and the unit split hold in the report types. */
export function absentUnitsAreNeverNull(): void {
  // @ts-expect-error an absent unit field is absent, never null
  const bucket: CostKeyBucket = { costKey: 'interview_minutes', events: 1, minutesUsed: null };
  // @ts-expect-error a minutes company carries no totalCreditsUsed
  const company: UsageReport['companies'][number] = { companyId: 'x', companyName: 'Acme', billingSystem: 'minutes', totalInterviews: 1, totalMinutesUsed: 1, totalCreditsUsed: 1, breakdownByCostKey: [] };
  // @ts-expect-error a credits company's bucket carries no minutesUsed
  const credits: UsageReport['companies'][number] = { companyId: 'y', companyName: 'Umbrella', billingSystem: 'credits', totalInterviews: 1, totalCreditsUsed: 1, breakdownByCostKey: [{ costKey: 'interview_minutes', events: 1, creditsUsed: 1, minutesUsed: 1 }] };
  void bucket;
  void company;
  void credits;
}

/** The scenario type is the generated one, both ways. */
export function scenarioTypeIsGenerated(s: Scenario): admin['schemas']['Scenario'] {
  return s;
}
export function generatedScenarioIsTheScenarioType(s: admin['schemas']['Scenario']): Scenario {
  return s;
}
