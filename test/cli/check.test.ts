import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCheckCommand } from '../../src/cli/checkCommand.ts';
import { FIXTURE_KEYS, FIXTURE_MINUTES, REGULAR } from '../support/fixtureCompanies.ts';
import { fixtureReport, startFixtureProvider } from '../support/startFixtureProvider.ts';
import { startMock, type TestMock } from '../support/startMock.ts';

const CLI = ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts'];

/** Runs the CLI in a child process without blocking this one (the provider under test lives here). */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INSTAVIEW_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [...CLI, ...args], { encoding: 'utf8', env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const parseJunit = (file: string) => {
  const xml = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'testcase' || name === 'testsuite' }).parse(xml);
};

/** Runs `check` in this process (fast) for a usage error: resolves with the exit code and what went to stderr. */
async function usageError(args: string[]): Promise<{ exitCode: number; stderr: string }> {
  let stderr = '';
  const program = new Command('instaview-mock').exitOverride().configureOutput({ writeErr: (s) => void (stderr += s), writeOut: () => {} });
  registerCheckCommand(program);
  try {
    await program.parseAsync(['check', ...args], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return { exitCode: err.exitCode, stderr };
    throw err;
  }
  throw new Error(`check ${args.join(' ')} did not stop with a usage error`);
}

let mock: TestMock;
beforeAll(async () => {
  mock = await startMock('default');
});
afterAll(() => mock.close());

describe('instaview-mock check (DESIGN §9)', () => {
  it('passes the mock with every demo key that may read billing, and writes a JUnit file with one test case per request and no failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const junit = join(dir, 'reports', 'check.xml');
    const r = await run(['check', '--base-url', mock.baseUrl, '--api-key', 'sk_test_regular_minutes', '--api-key', 'sk_test_regular_credits', '--ats-key', 'sk_test_ats_mixed', '--ats-key', 'sk_test_ats_minutes_only', '--junit', junit]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // 2 keyless + 4 × 4 periods + TalentBridge's 4 companies and 1 unmanaged + SoloHire's 1 company and 1 unmanaged + 3 invalid queries.
    expect(r.stdout).toContain('check: passed: 28 passed, 0 passed with warnings, 0 failed, 0 skipped (of 28 requests)');
    const doc = parseJunit(junit);
    expect(doc.testsuites).toMatchObject({ '@tests': '28', '@failures': '0', '@errors': '0', '@skipped': '0' });
    const cases = doc.testsuites.testsuite[0].testcase as Array<Record<string, unknown>>;
    expect(cases).toHaveLength(28);
    expect(cases.filter((c) => c.failure !== undefined)).toEqual([]);
    expect(cases[14]!['@name']).toBe('R15 companyId of Hooli Talent [ats sk_test_…ixed]');
  }, 60_000);

  it('exits 1 on a failing provider, and the JUnit file fails exactly the request at fault', async () => {
    const provider = await startFixtureProvider({
      keys: FIXTURE_KEYS,
      fault: (req, correct) => (req.key === undefined ? { ...correct, status: 200, body: fixtureReport([FIXTURE_MINUTES]) } : correct),
    });
    try {
      const junit = join(mkdtempSync(join(tmpdir(), 'check-')), 'check.xml');
      const r = await run(['check', '--base-url', provider.baseUrl, '--api-key', REGULAR, '--junit', junit, '--json']);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).results[0]).toMatchObject({ id: 'R01', label: 'no API key', status: 200, verdict: 'fail' });
      const doc = parseJunit(junit);
      expect(doc.testsuites).toMatchObject({ '@tests': '9', '@failures': '1' });
      const failed = (doc.testsuites.testsuite[0].testcase as Array<Record<string, any>>).filter((c) => c.failure !== undefined);
      expect(failed.map((c) => [c['@name'], c.failure['@message']])).toEqual([['R01 no API key [no key]', 'status: expected HTTP 401 (no API key), got 200']]);
    } finally {
      await provider.close();
    }
  }, 60_000);

  it('exits 2 when no key is given at all', async () => {
    const r = await usageError(['--base-url', mock.baseUrl]);
    expect(r).toEqual({ exitCode: 2, stderr: expect.stringContaining('check needs at least one key: --api-key KEY') });
  });

  it('exits 2 on a base URL that is not an http(s) URL', async () => {
    const r = await usageError(['--base-url', 'api.instaview.sk', '--api-key', 'sk_test_regular_minutes']);
    expect(r).toEqual({ exitCode: 2, stderr: expect.stringContaining('--base-url must be an http(s) URL such as https://api.instaview.sk, got "api.instaview.sk"') });
  });

  it('exits 2 when the provider cannot be reached', async () => {
    const gone = await startFixtureProvider({ keys: FIXTURE_KEYS });
    await gone.close();
    const r = await usageError(['--base-url', gone.baseUrl, '--api-key', REGULAR]);
    expect(r).toEqual({ exitCode: 2, stderr: expect.stringContaining(`check: cannot reach ${gone.baseUrl} (ECONNREFUSED)`) });
  });

  it('keeps the single-request form: --expect-status 401 with a revoked key conforms', async () => {
    const r = await run(['check', '--base-url', mock.baseUrl, '--api-key', 'sk_test_revoked', '--expect-status', '401']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`GET ${mock.baseUrl}/billing/usage → HTTP 401: conforms\n`);
  }, 60_000);
});
