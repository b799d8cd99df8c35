import { Option, type Command } from 'commander';
import { formatConformanceReport, runConformanceCheck } from '../conformance/runConformanceCheck.ts';

/**
 * Adds `check` (DESIGN §9): asks a provider for usage and judges the answer against the spec and the
 * billing rules of DESIGN §8. Exit code 0 when it conforms, 1 when not, 2 when it cannot be asked.
 */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description("Check a provider's GET /billing/usage answer against the spec and the billing rules (DESIGN §8)")
    .addOption(new Option('--base-url <url>', 'provider base URL, e.g. https://api.instaview.sk').env('INSTAVIEW_BASE_URL').makeOptionMandatory())
    .addOption(new Option('--api-key <key>', 'API key to call with').env('INSTAVIEW_API_KEY').makeOptionMandatory())
    .addOption(new Option('--key-type <type>', 'regular or ats, when known (enables the one-company rule)').choices(['regular', 'ats']))
    .option('--start <date>', 'start of the period (ISO 8601)')
    .option('--end <date>', 'end of the period (ISO 8601)')
    .option('--company-id <uuid>', 'ATS keys: the one company to report')
    .addOption(new Option('--expect-status <code>', 'the HTTP status the answer must have').default(200).argParser((v) => Number(v)))
    .option('--strict', 'null in place of an omitted unit field is a violation (§8 rule 11)', false)
    .option('--json', 'print the report as JSON', false)
    .action(async (opts: { baseUrl: string; apiKey: string; keyType?: 'regular' | 'ats'; start?: string; end?: string; companyId?: string; strict: boolean; json: boolean; expectStatus: number }, command: Command) => {
      let report;
      try {
        report = await runConformanceCheck({
          baseUrl: opts.baseUrl,
          apiKey: opts.apiKey,
          strict: opts.strict,
          expectStatus: opts.expectStatus,
          ...(opts.keyType ? { keyType: opts.keyType } : {}),
          ...(opts.start ? { start: opts.start } : {}),
          ...(opts.end ? { end: opts.end } : {}),
          ...(opts.companyId ? { companyId: opts.companyId } : {}),
        });
      } catch (err) {
        command.error(`Cannot reach ${opts.baseUrl}: ${(err as Error).message}`, { exitCode: 2 });
      }
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatConformanceReport(report!));
      process.exitCode = report!.ok ? 0 : 1;
    });
}
