import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { GENERATED_DATA_FILES } from './generateValidators.ts';

/**
 * Each spec and the TypeScript file openapi-typescript writes from it (never edited by hand).
 * Shape: paths relative to the repository root; run `npm run generate` after editing a spec. DESIGN §2 (src/generated/).
 */
export const GENERATED_FILES = [
  { spec: 'spec/openapi.yaml', output: 'src/generated/openapi.ts' },
  // Bundles the external refs to spec/scenario.schema.json and spec/openapi.yaml.
  { spec: 'spec/admin.openapi.yaml', output: 'src/generated/admin.ts' },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { spec, output } of GENERATED_FILES) {
    execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', spec, '-o', output], { stdio: 'inherit' });
  }
  // Validators compiled ahead of time, the spec's usage examples and the built-in scenarios as data (DESIGN §10).
  for (const { output, text } of GENERATED_DATA_FILES) {
    writeFileSync(output, text());
    process.stdout.write(`✨ ${output}\n`);
  }
}
