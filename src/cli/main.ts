import { Command, CommanderError } from 'commander';
import { registerCheckCommand } from './checkCommand.ts';
import { registerPactsVsSpecCommand } from './pactsVsSpecCommand.ts';
import { registerScenarioCommand } from './scenarioCommand.ts';
import { registerServeCommand } from './serveCommand.ts';

/**
 * The `instaview-mock` command line (DESIGN §9): `serve`, `scenario validate FILE…`, `scenario list`,
 * `scenario from-report FILE --start --end`, `check`, `pacts-vs-spec`.
 * From a checkout: `npm run cli -- <command> …`; `npm start` is `npm run cli -- serve`.
 * Exit codes: 0 success (and help), 1 a check or validation found problems, 2 a usage or start-up error.
 */
export function createProgram(): Command {
  const program = new Command('instaview-mock')
    .description('Stateful mock, scenarios and conformance tooling for the InstaView GET /billing/usage API')
    .exitOverride();
  registerServeCommand(program);
  registerScenarioCommand(program);
  registerCheckCommand(program);
  registerPactsVsSpecCommand(program);
  return program;
}

try {
  await createProgram().parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  const informational = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code);
  process.exit(informational ? 0 : err.exitCode === 1 ? 2 : err.exitCode);
}
