import { Command } from 'commander';
import { registerCheckCommand } from './checkCommand.ts';
import { registerScenarioCommand } from './scenarioCommand.ts';
import { registerServeCommand } from './serveCommand.ts';

/**
 * The `instaview-mock` command line (DESIGN §9): `serve`, `scenario validate FILE`, `check`.
 * From a checkout: `npm run cli -- <command> …`; `npm start` is `npm run cli -- serve`.
 */
export function createProgram(): Command {
  const program = new Command('instaview-mock')
    .description('Stateful mock, scenarios and conformance tooling for the InstaView GET /billing/usage API')
    .showHelpAfterError('(run with --help for usage)');
  registerServeCommand(program);
  registerScenarioCommand(program);
  registerCheckCommand(program);
  return program;
}

await createProgram().parseAsync(process.argv);
