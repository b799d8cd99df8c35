import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { resolveUserPath } from '../../src/cli/resolveUserPath.ts';
import { writeReportFile } from '../../src/cli/writeReportFile.ts';
import { buildJunitXml, type JunitSuite } from '../../src/conformance/buildJunitXml.ts';
import { gitVersion } from './gitVersion.ts';
import { loadPacts, type PactSource } from './loadPacts.ts';
import type { PactDocument } from './planVerification.ts';
import { verifyPacts, type VerificationReport } from './verifyPacts.ts';

/** Where the CLI writes and reads: injected by tests, `process` by default. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
}

const DEFAULT_PACT_DIR = resolve(import.meta.dirname, '../pacts');
const PREFIX = 'contracts:verify:';

/**
 * `npm run contracts:verify -- --provider-base-url URL [--pact-dir DIR | --pact-url URL]
 * [--provider-states-setup-url URL] [--session NAME] [--junit FILE]`: verifies the consumer pacts against a provider (DESIGN §9).
 * Keys per role come from INSTAVIEW_* variables (contracts/provider/roles.ts); interactions whose role
 * lacks one are skipped with a line naming it. With PACT_BROKER_BASE_URL (and no --pact-dir/--pact-url)
 * the pact comes from the broker and, when nothing was skipped, results are published. `--junit FILE`
 * also writes JUnit XML with one test case per interaction (passed, failed with Pact's mismatches, or skipped).
 * @returns the exit code: 0 all run interactions verified, 1 a failure, 2 bad usage.
 */
export async function runVerifyCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('contracts:verify')
    .description('Verify the billing-dashboard pacts against an InstaView billing provider')
    .requiredOption('--provider-base-url <url>', 'the provider, e.g. http://127.0.0.1:4010 or https://api.instaview.sk')
    .option('--pact-dir <dir>', 'a directory of pact files (default: contracts/pacts, unless PACT_BROKER_BASE_URL is set)')
    .option('--pact-url <url>', 'one pact file by URL (a broker pact URL works; PACT_BROKER_TOKEN is sent)')
    .option('--provider-states-setup-url <url>', "Pact's state-change URL; our mock: <base>/__admin/provider-states. Omit for a real provider")
    .option('--session <name>', "our mock's session to verify in (X-Mock-Session): parallel verifications against one mock, each in its own")
    .option('--provider-version <version>', 'version to publish results under (default: git SHA)')
    .option('--provider-branch <branch>', 'branch to publish results under (default: git branch)')
    .option('--require-all', 'fail when any interaction is skipped', false)
    .option('--junit <file>', 'also write JUnit XML: one test case per interaction (passed, failed, skipped)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  let opts: { providerBaseUrl: string; pactDir?: string; pactUrl?: string; providerStatesSetupUrl?: string; session?: string; providerVersion?: string; providerBranch?: string; requireAll: boolean; junit?: string };
  try {
    opts = program.parse(argv, { from: 'user' }).opts();
  } catch (err) {
    return err instanceof CommanderError && err.exitCode === 0 ? 0 : 2;
  }
  if (opts.pactDir && opts.pactUrl) {
    io.err(`${PREFIX} give --pact-dir or --pact-url, not both.`);
    return 2;
  }
  const brokerUrl = io.env.PACT_BROKER_BASE_URL || undefined;
  const token = io.env.PACT_BROKER_TOKEN || undefined;
  const source: PactSource = opts.pactUrl
    ? { pactUrl: opts.pactUrl, ...(token ? { token } : {}) }
    : opts.pactDir || !brokerUrl
      ? { pactDir: opts.pactDir ? resolveUserPath(opts.pactDir) : resolve(DEFAULT_PACT_DIR) }
      : { brokerUrl, ...(token ? { token } : {}) };

  const unreachable = await probe(opts.providerBaseUrl);
  if (unreachable) {
    io.err(`${PREFIX} cannot reach the provider at ${opts.providerBaseUrl} (${unreachable}); is it running, and is the URL right?`);
    return 2;
  }

  let pacts;
  try {
    pacts = await loadPacts(source);
  } catch (err) {
    io.err((err as Error).message);
    return 1;
  }
  const fromBroker = 'brokerUrl' in source;
  let publish;
  if (fromBroker) {
    try {
      const git = gitVersion(io.env);
      publish = { brokerUrl: source.brokerUrl, ...(token ? { token } : {}), providerVersion: opts.providerVersion ?? git.version, ...((opts.providerBranch ?? git.branch) ? { providerBranch: opts.providerBranch ?? git.branch } : {}) };
    } catch (err) {
      io.err(`${PREFIX} ${(err as Error).message} Results will not be published.`);
    }
  }
  const total = pacts.reduce((n, p) => n + p.interactions.length, 0);
  io.out(`${PREFIX} ${total} interactions from ${'pactDir' in source ? source.pactDir : 'pactUrl' in source ? source.pactUrl : `the broker ${source.brokerUrl}`} against ${opts.providerBaseUrl}${opts.providerStatesSetupUrl ? ` (states via ${opts.providerStatesSetupUrl})` : ' (real provider: states are not set up)'}`);

  const report = await verifyPacts({
    providerBaseUrl: opts.providerBaseUrl,
    pacts,
    env: io.env,
    ...(opts.providerStatesSetupUrl ? { providerStatesSetupUrl: opts.providerStatesSetupUrl } : {}),
    ...(opts.session ? { session: opts.session } : {}),
    ...(publish ? { publish, brokerSource: { brokerUrl: publish.brokerUrl, ...(token ? { token } : {}) } } : {}),
  });
  for (const s of report.skipped) {
    io.out(`${PREFIX} SKIPPED "${s.description}": set ${s.missing.map((m) => `${m.envVar} (${m.meaning})`).join(' and ')}`);
  }
  for (const f of report.failed) {
    io.out(`${PREFIX} FAILED "${f.description}"`);
    for (const m of f.mismatches) io.out(`    ${m}`);
  }
  io.out(`${PREFIX} ${report.verified.length} verified, ${report.failed.length} failed, ${report.skipped.length} skipped (of ${total} interactions)`);
  if (fromBroker) {
    io.out(
      report.published
        ? `${PREFIX} results published to ${source.brokerUrl}`
        : `${PREFIX} results NOT published${report.skipped.length > 0 ? ': a partial verification must not count as one (set the missing variables)' : ''}`,
    );
  }
  if (opts.junit) {
    try {
      const file = writeReportFile(opts.junit, buildJunitXml([verificationToJunit(pacts, report, opts.providerBaseUrl)]), (message) => {
        throw new Error(message);
      });
      io.out(`${PREFIX} JUnit report written to ${file}`);
    } catch (err) {
      io.err(`${PREFIX} ${(err as Error).message}`);
      return 2;
    }
  }
  if (!report.ok) return 1;
  if (opts.requireAll && report.skipped.length > 0) {
    io.err(`${PREFIX} --require-all: ${report.skipped.length} interactions were skipped.`);
    return 1;
  }
  return 0;
}

/**
 * One JUnit suite for a verification run: one test case per interaction of the pacts, in file order,
 * named by its description (class name: the consumer); failed cases carry Pact's mismatches (the status
 * one, when there is one, as the message), skipped
 * ones say which variables would let them run; an interaction Pact reported nothing for is failed.
 */
export function verificationToJunit(pacts: PactDocument[], report: VerificationReport, providerBaseUrl: string): JunitSuite {
  return {
    name: `contracts:verify ${providerBaseUrl}`,
    cases: pacts.flatMap((pact) =>
      pact.interactions.map((interaction) => {
        const base = { name: interaction.description, className: `pact ${pact.consumer.name}` };
        const skipped = report.skipped.find((s) => s.consumer === pact.consumer.name && s.description === interaction.description);
        if (skipped) return { ...base, outcome: 'skipped' as const, output: `set ${skipped.missing.map((m) => `${m.envVar} (${m.meaning})`).join(' and ')}` };
        const failed = report.failed.find((f) => f.description === interaction.description);
        // The status mismatch ("expected 200 but was 401") says most in one line; Pact lists it in no fixed place.
        const headline = failed?.mismatches.find((m) => /^expected \d{3} but was \d{3}$/.test(m)) ?? failed?.mismatches[0];
        if (failed) return { ...base, outcome: 'failed' as const, failureMessage: headline ?? 'verification failed', failureType: 'pact', details: failed.mismatches.join('\n') };
        if (report.verified.includes(interaction.description)) return { ...base, outcome: 'passed' as const };
        return { ...base, outcome: 'failed' as const, failureMessage: 'Pact reported no result for this interaction', failureType: 'pact', details: report.output.join('\n') };
      }),
    ),
  };
}

/**
 * Asks the provider once (any answer, even 404, means it is there) before Pact starts, so a wrong URL
 * gives one clear line instead of a proxy stack trace and a minute of failed state changes.
 * @returns why the provider cannot be reached, or undefined when it answered within 10 000 ms.
 */
async function probe(baseUrl: string): Promise<string | undefined> {
  try {
    await fetch(baseUrl, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return undefined;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return cause?.code ?? (err as Error).message;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const code = await runVerifyCli(process.argv.slice(2), { env: process.env, out: (l) => console.log(l), err: (l) => console.error(l) });
  process.exit(code);
}
