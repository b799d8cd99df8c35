import { Option, type Command } from 'commander';
import { formatConformanceReport, runConformanceCheck, type ConformanceReport } from '../conformance/runConformanceCheck.ts';
import { buildJunitXml, type JunitSuite } from '../conformance/buildJunitXml.ts';
import { formatProviderCheck } from '../conformance/formatProviderCheck.ts';
import { providerCheckToJunit } from '../conformance/providerCheckToJunit.ts';
import { MAX_REQUESTS_PER_RUN, runProviderCheck } from '../conformance/runProviderCheck.ts';
import { writeReportFile } from './writeReportFile.ts';

interface CheckOptions {
  baseUrl: string;
  apiKey: string[];
  atsKey: string[];
  strict: boolean;
  json: boolean;
  junit?: string;
  expectStatus?: number;
  keyType?: 'regular' | 'ats';
  start?: string;
  end?: string;
  companyId?: string;
}

/** Collects a repeatable key option; a comma-separated value (as an env variable may hold) gives several keys. */
const collectKeys = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((k) => k.trim()).filter(Boolean)];

/** Why `--base-url` is unusable, or undefined when it is an http(s) URL. */
function badBaseUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `--base-url must be an http(s) URL, got ${JSON.stringify(value)}`;
  } catch {
    return `--base-url must be an http(s) URL such as https://api.instaview.sk, got ${JSON.stringify(value)}`;
  }
}

/** The single-request form's result as a one-case JUnit suite. */
function singleToJunit(report: ConformanceReport): JunitSuite {
  const lines = formatConformanceReport(report).trimEnd().split('\n');
  const first = lines[1]?.trim();
  return {
    name: `instaview-mock check ${report.url}`,
    cases: [{ name: `GET ${report.url}`, className: 'instaview-mock check', outcome: report.ok ? 'passed' : 'failed', ...(report.ok ? { output: lines.join('\n') } : { failureMessage: first ?? 'does not conform', details: lines.join('\n') }) }],
  };
}

/**
 * Adds `check` (DESIGN §9). The matrix form — `check --base-url URL [--api-key KEY]… [--ats-key KEY]…
 * [--strict] [--junit FILE] [--json]` — judges a provider in one run (src/conformance/runProviderCheck.ts)
 * and prints a table; the single-request form, chosen by `--expect-status`, `--key-type`, `--start`,
 * `--end` or `--company-id`, asks once with one key as before. Exit code 0 when everything conforms, 1 when
 * anything fails, 2 on a usage error (no key, a bad URL, a provider that cannot be reached, an unwritable `--junit`).
 */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(`Judge a provider of GET /billing/usage in one run: a request matrix per key, each answer against the spec, the rate-limit headers and the billing rules (DESIGN §8, §9); at most ${MAX_REQUESTS_PER_RUN} requests`)
    .addOption(new Option('--base-url <url>', 'provider base URL, e.g. https://api.instaview.sk').env('INSTAVIEW_BASE_URL').makeOptionMandatory())
    .addOption(new Option('--api-key <key>', 'a regular API key; repeat for several (comma-separated in the env variable)').env('INSTAVIEW_API_KEY').argParser(collectKeys).default([]))
    .addOption(new Option('--ats-key <key>', 'an ATS integration key; repeat for several').env('INSTAVIEW_ATS_KEY').argParser(collectKeys).default([]))
    .option('--strict', 'null in place of an omitted unit field is a failure (§8 rule 11), not a warning', false)
    .option('--junit <file>', 'also write the results as JUnit XML, one test case per request')
    .option('--json', 'print the report as JSON instead of the table', false)
    .addOption(new Option('--expect-status <code>', 'single-request form: the HTTP status the one answer must have (default 200)').argParser((v) => Number(v)))
    .addOption(new Option('--key-type <type>', 'single-request form: regular or ats (enables the one-company rule)').choices(['regular', 'ats']))
    .option('--start <date>', 'single-request form: start of the period (ISO 8601)')
    .option('--end <date>', 'single-request form: end of the period (ISO 8601)')
    .option('--company-id <uuid>', 'single-request form: ATS keys, the one company to report')
    .action(async (opts: CheckOptions, command: Command) => {
      const usage = (message: string): never => command.error(message, { exitCode: 2 });
      const bad = badBaseUrl(opts.baseUrl);
      if (bad) usage(bad);
      const keyCount = opts.apiKey.length + opts.atsKey.length;
      if (keyCount === 0) usage('check needs at least one key: --api-key KEY (a regular key) and/or --ats-key KEY (an ATS key), or INSTAVIEW_API_KEY / INSTAVIEW_ATS_KEY');
      const single = opts.expectStatus !== undefined || opts.keyType !== undefined || opts.start !== undefined || opts.end !== undefined || opts.companyId !== undefined;
      if (single) {
        if (keyCount !== 1) usage('--expect-status, --key-type, --start, --end and --company-id ask once with one key: give exactly one --api-key or --ats-key');
        if (opts.expectStatus !== undefined && !(Number.isInteger(opts.expectStatus) && opts.expectStatus >= 100 && opts.expectStatus <= 599)) usage('--expect-status must be an HTTP status from 100 to 599');
        const keyType = opts.keyType ?? (opts.atsKey.length === 1 ? 'ats' : undefined);
        let report: ConformanceReport;
        try {
          report = await runConformanceCheck({
            baseUrl: opts.baseUrl,
            apiKey: opts.apiKey[0] ?? opts.atsKey[0]!,
            strict: opts.strict,
            expectStatus: opts.expectStatus ?? 200,
            ...(keyType ? { keyType } : {}),
            ...(opts.start ? { start: opts.start } : {}),
            ...(opts.end ? { end: opts.end } : {}),
            ...(opts.companyId ? { companyId: opts.companyId } : {}),
          });
        } catch (err) {
          return usage(`Cannot reach ${opts.baseUrl}: ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}`);
        }
        if (opts.junit) writeReportFile(opts.junit, buildJunitXml([singleToJunit(report)]), usage);
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatConformanceReport(report));
        process.exitCode = report.ok ? 0 : 1;
        return;
      }
      const report = await runProviderCheck({ baseUrl: opts.baseUrl, apiKeys: opts.apiKey, atsKeys: opts.atsKey, strict: opts.strict });
      if (report.unreachable) usage(`check: cannot reach ${opts.baseUrl} (${report.unreachable}); is it running, and is the URL right?`);
      if (opts.junit) writeReportFile(opts.junit, buildJunitXml([providerCheckToJunit(report)]), usage);
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatProviderCheck(report));
      process.exitCode = report.ok ? 0 : 1;
    });
}
