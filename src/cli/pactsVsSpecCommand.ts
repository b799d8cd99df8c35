import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { checkPactsAgainstSpec, type PactFile } from '../conformance/checkPactsAgainstSpec.ts';
import { resolveUserPath } from './resolveUserPath.ts';

const DEFAULT_DIR = 'contracts/pacts';

/** Where the command writes its lines and its exit code: `process` by default, a recorder in tests. */
export interface CommandIo {
  out(text: string): void;
  exit(code: number): void;
}

const processIo: CommandIo = { out: (text) => void process.stdout.write(text), exit: (code) => void (process.exitCode = code) };

/**
 * Adds `pacts-vs-spec [PACT_FILES…]` (DESIGN §9): checks that every interaction of the pacts (default:
 * every `*.json` in `contracts/pacts/` of the current folder) is an operation of spec/openapi.yaml and
 * that its response validates against it (src/conformance/checkPactsAgainstSpec.ts). Prints one line
 * per mismatch, `file: "interaction": request|response …`, then a summary. Exit code 0 when all hold,
 * 1 on any mismatch, 2 when a file cannot be read or is not JSON, or no pact file is found.
 */
export function registerPactsVsSpecCommand(program: Command, io: CommandIo = processIo): void {
  program
    .command('pacts-vs-spec')
    .argument('[pactFiles...]', `pact files (default: every *.json in ${DEFAULT_DIR}/)`)
    .description("Check that the consumer's pacts expect only what spec/openapi.yaml promises (operations, query parameters, statuses, headers, bodies)")
    .action((pactFiles: string[], _opts: unknown, command: Command) => {
      const usage = (message: string): never => command.error(`pacts-vs-spec: ${message}`, { exitCode: 2 });
      const base = process.env.INIT_CWD ?? process.cwd();
      let files = pactFiles.map((f) => resolveUserPath(f));
      if (files.length === 0) {
        const dir = resolveUserPath(DEFAULT_DIR);
        try {
          files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
        } catch (err) {
          usage(`cannot read ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); run it from the project folder or name the pact files`);
        }
        if (files.length === 0) usage(`no *.json pact file in ${dir}; name the pact files`);
      }
      const shown = (file: string) => (relative(base, file).startsWith('..') ? file : relative(base, file));
      const pacts: PactFile[] = files.map((file) => {
        let text = '';
        try {
          text = readFileSync(file, 'utf8');
        } catch (err) {
          usage(`cannot read ${shown(file)} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
        }
        try {
          return { file: shown(file), document: JSON.parse(text) as unknown };
        } catch (err) {
          return usage(`${shown(file)} is not JSON: ${(err as Error).message}`);
        }
      });
      const report = checkPactsAgainstSpec(pacts);
      for (const m of report.mismatches) io.out(`${m.file}: "${m.interaction}": ${m.part} ${m.message}\n`);
      const notHttp = report.notHttp > 0 ? ` (${report.notHttp} non-HTTP interactions not checked)` : '';
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      io.out(`pacts-vs-spec: ${plural(report.interactions, 'interaction')} in ${plural(pacts.length, 'file')}${notHttp}, ${plural(report.mismatches.length, 'mismatch').replace('mismatchs', 'mismatches')} with spec/openapi.yaml\n`);
      io.exit(report.mismatches.length > 0 ? 1 : 0);
    });
}
