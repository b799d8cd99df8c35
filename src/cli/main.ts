import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { packagePath } from '../packagePath.ts';

/**
 * The subcommands, each loaded only when it runs: `serve` starts without the checker, the Pact tooling
 * or the scenario writer (DESIGN §10: the server starts within a few times a bare Express server's start).
 */
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  serve: async () => (await import('./serveCommand.ts')).registerServeCommand,
  scenario: async () => (await import('./scenarioCommand.ts')).registerScenarioCommand,
  check: async () => (await import('./checkCommand.ts')).registerCheckCommand,
  'pacts-vs-spec': async () => (await import('./pactsVsSpecCommand.ts')).registerPactsVsSpecCommand,
};

/**
 * The `instaview-mock` command line (DESIGN §9): `serve`, `scenario validate FILE…`, `scenario list`,
 * `scenario from-report FILE --start --end`, `check`, `pacts-vs-spec`.
 * From a checkout: `npm run cli -- <command> …`; `npm start` is `npm run cli -- serve`.
 * Exit codes: 0 success (and help), 1 a check or validation found problems, 2 a usage or start-up error.
 * @param only the subcommand about to run: only it is loaded; every one when undefined (help, a typo).
 */
export async function createProgram(only?: string): Promise<Command> {
  const { version } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
  const program = new Command('instaview-mock')
    .description('Stateful mock, scenarios and conformance tooling for the InstaView GET /billing/usage API')
    .version(version, '-V, --version', 'print the package version')
    .exitOverride();
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!())(program);
  return program;
}

try {
  await (await createProgram(process.argv[2])).parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  const informational = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code);
  process.exit(informational ? 0 : err.exitCode === 1 ? 2 : err.exitCode);
}
