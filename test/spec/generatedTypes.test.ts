import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILES } from '../../scripts/generate.ts';

describe('src/generated/ is the output of openapi-typescript on spec/', () => {
  it.each(GENERATED_FILES)('$output matches a fresh generation from $spec (run `npm run generate` after editing the spec)', ({ spec, output }) => {
    const dir = mkdtempSync(join(tmpdir(), 'generated-'));
    const fresh = join(dir, 'out.ts');
    execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', spec, '-o', fresh], { stdio: 'pipe' });
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(fresh, 'utf8'));
  });
});
