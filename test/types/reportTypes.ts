/**
 * Type-level checks of the domain's report and scenario types against the generated spec types.
 * Compiled by `tsc -p .` (npm run typecheck, part of npm test), never run: vitest only runs `*.test.ts`.
 * Each function compiles only while its assignment holds; each `@ts-expect-error` line must stay an
 * error, so compilation fails if the domain starts allowing what the spec forbids. DESIGN §3.4, §3.5, §7.
 */
import type { CostKeyBucket, UsageReport as DomainUsageReport } from '../../src/billing/report.ts';
import type { components as admin } from '../../src/generated/admin.ts';
import type { components } from '../../src/generated/openapi.ts';
import type { Scenario } from '../../src/scenario/types.ts';

type Spec = components['schemas'];

/** Domain → spec: the mock cannot build a report the spec does not allow. */
export function domainReportFitsTheSpec(report: DomainUsageReport): Spec['UsageReport'] {
  return report;
}

/**
 * Spec → domain: every report the spec allows is a domain report, except the top-level breakdown,
 * whose spec type (`GlobalCostKeyBucket`, an `anyOf` of `required` lists) is generated as `unknown`.
 */
export function specReportFitsTheDomain(report: Spec['UsageReport']): Omit<DomainUsageReport, 'breakdownByCostKey'> {
  return report;
}

/** Spec → domain for buckets: a company's bucket, of either unit, is a valid top-level bucket. */
export function specBucketsFitTheDomain(bucket: Spec['MinutesCostKeyBucket'] | Spec['CreditsCostKeyBucket']): CostKeyBucket {
  return bucket;
}

/** Domain → spec for buckets (vacuous while the spec's type is `unknown`, kept for when it is not). */
export function domainBucketFitsTheSpec(bucket: CostKeyBucket): Spec['GlobalCostKeyBucket'] {
  return bucket;
}

/** The absent-never-null rule (DESIGN §3.4, §8 rule 11) holds in the domain types. */
export function absentUnitsAreNeverNull(): void {
  // @ts-expect-error an absent unit field is absent, never null
  const bucket: CostKeyBucket = { costKey: 'interview_minutes', events: 1, minutesUsed: null };
  // @ts-expect-error a minutes company carries no totalCreditsUsed
  const company: DomainUsageReport['companies'][number] = { companyId: 'x', companyName: 'Acme', billingSystem: 'minutes', totalInterviews: 1, totalMinutesUsed: 1, totalCreditsUsed: 1, breakdownByCostKey: [] };
  void bucket;
  void company;
}

/** The scenario type is the generated one, both ways. */
export function scenarioTypeIsGenerated(s: Scenario): admin['schemas']['Scenario'] {
  return s;
}
export function generatedScenarioIsTheScenarioType(s: admin['schemas']['Scenario']): Scenario {
  return s;
}
