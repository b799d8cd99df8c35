import { describe, expect, it } from 'vitest';
import type { UsageReport as DomainUsageReport } from '../../src/billing/report.ts';
import type { components } from '../../src/generated/openapi.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { components as admin } from '../../src/generated/admin.ts';

// Compiled by `tsc` (npm run typecheck): the domain's report type must fit the spec's generated
// UsageReport, so the mock cannot build a report the spec does not allow.
export function domainReportFitsTheSpec(report: DomainUsageReport): components['schemas']['UsageReport'] {
  return report;
}
export function scenarioTypeIsGenerated(s: Scenario): admin['schemas']['Scenario'] {
  return s;
}

describe('domain types and generated types', () => {
  it('are checked by the type checker (see the functions above)', () => {
    expect(typeof domainReportFitsTheSpec).toBe('function');
  });
});
