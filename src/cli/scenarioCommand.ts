import type { Command } from 'commander';
import { builtInScenarioPath, listBuiltInScenarios } from '../scenario/listBuiltInScenarios.ts';
import { formatScenarioProblems, resolveScenarioArgument } from './resolveScenarioArgument.ts';
import { createMockState, ScenarioApplyError } from '../../mock/state/createMockState.ts';
import { registerFromReportCommand } from './fromReportCommand.ts';

/**
 * Adds `scenario validate FILE…` and `scenario list` (DESIGN §7). `validate` checks each file against
 * spec/scenario.schema.json, then loads it into a fresh mock state (cross references, quantities, pricing);
 * each problem is printed as `file:line: /pointer: message`. Exit code 1 when any file is invalid.
 * Also `scenario from-report` (issue 14, src/cli/fromReportCommand.ts).
 */
export function registerScenarioCommand(program: Command): void {
  const scenario = program.command('scenario').description('Work with QA scenario files (YAML or JSON)');
  scenario
    .command('validate')
    .argument('<files...>', 'scenario files, or built-in scenario names')
    .description('Check scenario files against spec/scenario.schema.json and the billing rules')
    .action(async (files: string[]) => {
      let failed = 0;
      for (const file of files) {
        // A built-in name is checked in its file (mock/scenarios/<name>.yaml), not in the generated copy the mock serves.
        const resolved = await resolveScenarioArgument(builtInScenarioPath(file) ?? file);
        if (!resolved.ok) {
          failed++;
          process.stderr.write(`${resolved.message}\n`);
          continue;
        }
        try {
          await createMockState({ scenario: resolved.scenario });
          process.stdout.write(`${file}: valid\n`);
        } catch (err) {
          if (!(err instanceof ScenarioApplyError)) throw err;
          failed++;
          process.stderr.write(`Scenario ${resolved.file} does not apply:\n${await formatScenarioProblems(resolved.file, err.problems)}\n`);
        }
      }
      if (failed > 0) process.exitCode = 1;
    });
  registerFromReportCommand(scenario);
  scenario
    .command('list')
    .description('List the built-in scenarios under mock/scenarios/')
    .action(() => {
      for (const name of listBuiltInScenarios()) process.stdout.write(`${name}\n`);
    });
}
