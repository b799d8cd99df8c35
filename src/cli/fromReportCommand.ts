import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { formatScenarioText } from '../scenario/formatScenarioText.ts';
import { scenarioFromReport, type ReportProblem } from '../scenario/scenarioFromReport.ts';
import { validateUsageResponse } from '../validation/index.ts';
import { readReportInput, type ReportInput, type ReportSource } from './readReportInput.ts';
import { resolveUserPath } from './resolveUserPath.ts';

/** Where `npm start` listens by default (DESIGN §9), for the printed curl. */
const MOCK_URL = 'http://127.0.0.1:4010';
const FORMATS: Record<string, 'yaml' | 'json'> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };
const THIRTY_DAYS_MS = 30 * 86_400_000;

/** Options of `scenario from-report`, after parsing. */
interface FromReportFlags {
  start: string;
  end: string;
  out?: string;
  keyType?: 'regular' | 'ats';
  baseUrl?: string;
  apiKey?: string;
  companyId?: string;
  name: string;
}

/** One refusal line per problem, `label:line: /pointer: [§8 rule N] message`, as the scenario errors are written. */
function formatProblems(input: ReportInput, problems: readonly ReportProblem[]): string {
  return problems
    .map((p) => {
      const line = input.lineOf(p.pointer);
      return `  ${input.label}${line === undefined ? '' : `:${line}`}: ${p.pointer || '/'}: [${p.source}] ${p.message}`;
    })
    .join('\n');
}

/** The curl that asks the mock for the report: the period as typed (`+` encoded as %2B, DESIGN §3.2), and companyId when given. */
function curlFor(key: string, flags: FromReportFlags, withPeriod: boolean): string {
  const query = withPeriod ? `?start=${flags.start.replace(/\+/g, '%2B')}&end=${flags.end.replace(/\+/g, '%2B')}` : '';
  const company = flags.companyId === undefined ? '' : `${query ? '&' : '?'}companyId=${flags.companyId}`;
  return `curl -s -H 'Authorization: Bearer ${key}' '${MOCK_URL}/billing/usage${query}${company}'`;
}

/** Reads the flags' input source, or says which flags are missing or clash. */
function sourceOf(file: string | undefined, flags: FromReportFlags): ReportSource | string {
  if (file !== undefined && flags.baseUrl !== undefined) return 'Give either FILE or --base-url, not both.';
  if (flags.baseUrl !== undefined) {
    if (flags.apiKey === undefined) return '--base-url needs --api-key KEY (the key that asked for the report).';
    return { kind: 'fetch', baseUrl: flags.baseUrl, apiKey: flags.apiKey, start: flags.start, end: flags.end, ...(flags.companyId === undefined ? {} : { companyId: flags.companyId }) };
  }
  if (flags.apiKey !== undefined) return '--api-key goes with --base-url URL.';
  if (file === undefined) return 'Give the saved answer as FILE (- for stdin), or --base-url URL --api-key KEY to ask a provider.';
  return { kind: 'file', file };
}

/**
 * Adds `scenario from-report [FILE] --start ISO --end ISO [--out FILE.yaml] [--key-type regular|ats]
 * [--base-url URL --api-key KEY [--company-id ID]] [--name NAME]` (issue 14): turns a saved GET
 * /billing/usage answer (or a provider's, fetched for the period) into a scenario file whose mock
 * gives the same answer (src/scenario/scenarioFromReport.ts), then prints the key and the curl that
 * reproduces it (on stderr when the scenario goes to stdout). Exit codes: 0 written; 1 the report
 * breaks the spec or DESIGN §8 (each problem listed with its rule); 2 a usage error (flags, an
 * unreadable file, not JSON, a provider that cannot be asked, a period that cannot hold the events).
 */
export function registerFromReportCommand(scenario: Command): void {
  scenario
    .command('from-report')
    .argument('[file]', 'a saved GET /billing/usage answer, JSON: the whole envelope or only its data; - for stdin')
    .description('Write a scenario whose mock answers exactly a given usage report (reproduce a customer\'s numbers)')
    .addOption(new Option('--start <instant>', 'start of the period the report covers (YYYY-MM-DD or RFC 3339)').makeOptionMandatory())
    .addOption(new Option('--end <instant>', 'end of the period, exclusive; the scenario\'s clock is frozen here').makeOptionMandatory())
    .option('--out <file>', 'write the scenario here (.yaml, .yml or .json); default stdout, YAML')
    .addOption(new Option('--key-type <type>', 'the kind of key that asked (default: ats for several companies or --company-id, else regular)').choices(['regular', 'ats']))
    .option('--base-url <url>', 'ask this provider for the report instead of reading FILE')
    .option('--api-key <key>', 'with --base-url: the key to ask with')
    .option('--company-id <uuid>', 'the companyId an ATS key sent (sent along with --base-url)')
    .option('--name <name>', 'the scenario\'s name', 'repro')
    .action(async (file: string | undefined, flags: FromReportFlags, command: Command) => {
      const source = sourceOf(file, flags);
      if (typeof source === 'string') return command.error(source, { exitCode: 2 });
      const format = flags.out === undefined ? 'yaml' : FORMATS[extname(flags.out).toLowerCase()];
      if (format === undefined) return command.error(`--out ${flags.out}: name a .yaml, .yml or .json file.`, { exitCode: 2 });
      const read = await readReportInput(source);
      if (!read.ok) return command.error(read.message, { exitCode: 2 });

      const result = scenarioFromReport(read.input.value, {
        start: flags.start,
        end: flags.end,
        name: flags.name,
        validateReport: validateUsageResponse,
        ...(flags.keyType === undefined ? {} : { keyType: flags.keyType }),
        ...(flags.companyId === undefined ? {} : { companyId: flags.companyId }),
      });
      if (!result.ok && result.reason === 'usage') return command.error(`${read.input.label}: ${result.message}`, { exitCode: 2 });
      if (!result.ok) {
        process.stderr.write(`${read.input.label} cannot be reproduced: no consistent provider gives this answer (DESIGN §8), so no scenario is written.\n${formatProblems(read.input, result.problems)}\n`);
        process.exitCode = 1;
        return;
      }

      const { scenario, apiKey, keyType, eventCount } = result;
      const names = scenario.companies.map((c) => c.name).join(', ') || 'no companies';
      const scenarioArg = flags.out ?? 'FILE.yaml';
      const header = [
        `Made by: instaview-mock scenario from-report ${file ?? flags.baseUrl} --start ${flags.start} --end ${flags.end}`,
        `Key ${apiKey} (${keyType}) sees: ${names}. ${eventCount} events; clock frozen at ${new Date(result.endMs).toISOString()}.`,
        `Reproduce: npm start -- --scenario ${scenarioArg}`,
        `           ${curlFor(apiKey, flags, true)}`,
      ];
      const text = formatScenarioText(scenario, format, header);
      if (flags.out === undefined) {
        process.stdout.write(text);
      } else {
        try {
          writeFileSync(resolveUserPath(flags.out), text);
        } catch (err) {
          return command.error(`Cannot write ${flags.out} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { exitCode: 2 });
        }
      }
      const say = (line: string): void => void (flags.out === undefined ? process.stderr : process.stdout).write(`${line}\n`);
      for (const warning of result.warnings) say(`warning: ${warning}`);
      say(`${flags.out === undefined ? 'Scenario written to stdout' : `Wrote ${flags.out}`}: ${scenario.companies.length} ${scenario.companies.length === 1 ? 'company' : 'companies'}, ${eventCount} events, clock frozen at ${new Date(result.endMs).toISOString()}.`);
      say(`API key: ${apiKey} (${keyType}), sees ${names}.`);
      say(`Start the mock:  npm start -- --scenario ${scenarioArg}`);
      say(`Ask it again:    ${curlFor(apiKey, flags, true)}`);
      if (result.endMs - result.startMs === THIRTY_DAYS_MS) say(`The period is 30 days, so the default query gives the same: ${curlFor(apiKey, flags, false)}`);
    });
}
