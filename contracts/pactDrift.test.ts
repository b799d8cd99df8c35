import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACT_FILE } from './pactNames.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** A pact without the metadata that varies with the tools (pact-js and Pact core versions). */
function comparable(text: string): unknown {
  const pact = JSON.parse(text) as { metadata?: Record<string, unknown> };
  const { ['pact-js']: _js, pactRust: _rust, ...metadata } = pact.metadata ?? {};
  return { ...pact, metadata };
}

describe('the committed pact', () => {
  it('is what the consumer tests write now (else run `npm run contracts:consumer` and commit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pact-drift-'));
    try {
      // A child run of the consumer suite, writing to a fresh directory: self-contained, whatever
      // else vitest runs in parallel, and nothing merges into an old file.
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
      const run = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), ['run', 'contracts/consumer', '--no-file-parallelism', '--reporter=dot'], {
        cwd: ROOT,
        env: { ...env, PACT_OUTPUT_DIR: dir, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 50_000,
      });
      expect(run.status, `the consumer tests failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
      const fresh = comparable(readFileSync(join(dir, PACT_FILE), 'utf8'));
      const committed = comparable(readFileSync(join(ROOT, 'contracts/pacts', PACT_FILE), 'utf8'));
      expect(fresh, `contracts/pacts/${PACT_FILE} is stale: run \`npm run contracts:consumer\` and commit it`).toEqual(committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
