import junitModule, { type Builder } from 'junit-report-builder';

// junit-report-builder is CommonJS (module.exports = a builder); under NodeNext its default export arrives wrapped.
const junitReportBuilder: Builder = (junitModule as unknown as { default?: Builder }).default ?? (junitModule as unknown as Builder);

/**
 * One JUnit test case. Shape: `outcome` passed, failed (with `failureMessage`, the `failure` element's
 * message attribute, `failureType` its type, and `details` its text) or skipped; `output` goes to
 * `system-out` (warnings, the request sent, why a case was skipped); `timeSeconds` the case's duration.
 */
export interface JunitCase {
  name: string;
  className: string;
  outcome: 'passed' | 'failed' | 'skipped';
  failureMessage?: string;
  failureType?: string;
  details?: string;
  output?: string;
  timeSeconds?: number;
}

/** One JUnit test suite: a name (e.g. `instaview-mock check https://api.instaview.sk`) and its cases in order. */
export interface JunitSuite {
  name: string;
  cases: JunitCase[];
}

/**
 * Makes text safe for XML 1.0: characters XML cannot carry (NUL, other C0 controls but tab/LF/CR, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD, and every `]]>` becomes `]] >`, because the builder splits
 * only the first `]]>` of a CDATA section. Escaping of `<`, `&`, `"` is the builder's (xmlbuilder) job.
 */
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD').replace(/\]\]>/g, ']] >');
}

/**
 * Writes test results as JUnit XML, the `<testsuites><testsuite><testcase>` format Jenkins, GitLab, GitHub
 * test-report actions, Azure DevOps and CircleCI read: `tests`, `failures`, `errors` and `skipped` counts on
 * each suite; a failed case carries `<failure message type>` with the details as text; a skipped case `<skipped/>`.
 * Built with junit-report-builder (docs/decisions/0012-provider-check.md), never by string concatenation.
 * Shape: the XML document as a string (UTF-8 declaration included); never throws for any text given. DESIGN §9.
 */
export function buildJunitXml(suites: JunitSuite[]): string {
  const builder = junitReportBuilder.newBuilder();
  for (const suite of suites) {
    const s = builder.testSuite().name(xmlSafe(suite.name));
    for (const c of suite.cases) {
      const tc = s.testCase().className(xmlSafe(c.className)).name(xmlSafe(c.name));
      if (c.timeSeconds !== undefined) tc.time(c.timeSeconds);
      if (c.outcome === 'failed') {
        tc.failure(xmlSafe(c.failureMessage ?? 'failed'), c.failureType === undefined ? undefined : xmlSafe(c.failureType));
        if (c.details) tc.stacktrace(xmlSafe(c.details));
      }
      if (c.outcome === 'skipped') tc.skipped();
      if (c.output) tc.standardOutput(xmlSafe(c.output));
    }
  }
  return builder.build();
}
