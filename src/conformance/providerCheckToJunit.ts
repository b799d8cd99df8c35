import type { JunitSuite } from './buildJunitXml.ts';
import { describeProblem, ruleLabel } from './formatProviderCheck.ts';
import type { ProviderCheckReport } from './runProviderCheck.ts';

/**
 * Turns a `check` run into one JUnit suite with one test case per request of the matrix, in the order
 * sent: named `R03 default period [regular sk_test_…utes]`; a failed request's failure message is its
 * first failure (`rule 3 /data/…: …`, type `rule 3`), its text every problem; warnings and the request
 * (`GET <url> → 200`) go to system-out; a request not sent is skipped with the reason. DESIGN §9.
 */
export function providerCheckToJunit(report: ProviderCheckReport): JunitSuite {
  return {
    name: `instaview-mock check ${report.baseUrl}`,
    cases: report.results.map((r) => {
      const request = `GET ${r.url}${r.key ? ` (key ${r.key})` : ' (no key)'} → ${r.status ?? 'not sent'}, expected ${r.expectedStatus}`;
      const failures = r.problems.filter((p) => p.severity === 'failure');
      const warnings = r.problems.filter((p) => p.severity === 'warning').map((p) => `warning: ${describeProblem(p)}`);
      const base = { name: `${r.id} ${r.label} [${r.key ?? 'no key'}]`, className: 'instaview-mock check' };
      if (r.verdict === 'skip') return { ...base, outcome: 'skipped' as const, output: `not sent: ${r.skippedBecause}\n${request}` };
      if (failures.length === 0) return { ...base, outcome: 'passed' as const, output: [request, ...warnings].join('\n') };
      return {
        ...base,
        outcome: 'failed' as const,
        failureMessage: describeProblem(failures[0]!),
        failureType: ruleLabel(failures[0]!),
        details: [request, ...r.problems.map((p) => `${p.severity === 'failure' ? 'FAIL' : 'warn'} ${describeProblem(p)}`)].join('\n'),
      };
    }),
  };
}
