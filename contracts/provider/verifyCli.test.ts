import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { promisify } from 'node:util';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_SCENARIO } from '../../mock/state/providerStates.ts';
import { startMock, type TestMock } from '../../test/support/startMock.ts';
import { KEY_ROLES } from './roles.ts';
import { runVerifyCli } from './verifyCli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Our mock knows the demo keys: each role's key is the demo key itself. */
const KEYS = Object.fromEntries(KEY_ROLES.map((r) => [r.envVar, r.demoKey]));

let mock: TestMock;
beforeAll(async () => {
  mock = await startMock(CONTRACT_SCENARIO);
});
afterAll(async () => {
  await mock.close();
});

/** Runs the CLI in-process with exactly `env`, collecting its lines. */
async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const code = await runVerifyCli(args, { env, out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, text: lines.join('\n') };
}

describe('npm run contracts:verify against our mock', () => {
  it('with a key for every role in env, verifies all 11 interactions and skips none', async () => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INSTAVIEW_') && !k.startsWith('PACT_') && !k.startsWith('VITEST')));
    // A child process, as `npm run contracts:verify` runs it (asynchronously: the mock lives in this process).
    const run = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['contracts/provider/verifyCli.ts', '--provider-base-url', mock.baseUrl, '--provider-states-setup-url', `${mock.baseUrl}/__admin/provider-states`, '--require-all'],
      { cwd: ROOT, env: { ...inherited, ...KEYS, NO_COLOR: '1' }, encoding: 'utf8', timeout: 50_000 },
    );
    expect(run.stdout).toContain('contracts:verify: 11 verified, 0 failed, 0 skipped (of 11 interactions)');
    expect(run.stdout).not.toContain('SKIPPED');
  }, 60_000);

  it('with no keys in env, skips the keyed roles, names each missing variable and still verifies the keyless ones', async () => {
    const { code, text } = await cli(['--provider-base-url', mock.baseUrl, '--provider-states-setup-url', `${mock.baseUrl}/__admin/provider-states`], {});
    expect(code).toBe(0);
    expect(text).toContain('contracts:verify: 2 verified, 0 failed, 9 skipped (of 11 interactions)');
    for (const role of KEY_ROLES) expect(text).toMatch(new RegExp(`SKIPPED "[^"]+": set ${role.envVar} `));
    expect(text).toContain('SKIPPED "a request for the last 30 days with a regular key of a credits-billed company": set INSTAVIEW_REGULAR_CREDITS_KEY');
    expect(text).not.toContain('SKIPPED "a request without an Authorization header"');
    expect(text).not.toContain('SKIPPED "a request with an API key that was never issued"');
  }, 60_000);

  it('with --require-all, fails when anything was skipped', async () => {
    const { code, text } = await cli(['--provider-base-url', mock.baseUrl, '--provider-states-setup-url', `${mock.baseUrl}/__admin/provider-states`, '--require-all'], { INSTAVIEW_ATS_KEY: 'sk_test_ats_mixed' });
    expect(code).toBe(1);
    expect(text).toContain('--require-all: 6 interactions were skipped.');
  }, 60_000);

  it('as against a real provider (no state setup), takes companyId and the period from env, and skips the companyId interaction without INSTAVIEW_ATS_COMPANY_ID', async () => {
    // The mock keeps the contract world loaded (clock frozen on 2024-01-31), so the period is given.
    const env = { ...KEYS, INSTAVIEW_PERIOD_START: '2024-01-01', INSTAVIEW_PERIOD_END: '2024-01-31' };
    const without = await cli(['--provider-base-url', mock.baseUrl], env);
    expect(without.text).toContain('10 verified, 0 failed, 1 skipped (of 11 interactions)');
    expect(without.text).toContain('SKIPPED "a request for one managed company by companyId with an ATS key": set INSTAVIEW_ATS_COMPANY_ID');
    const withId = await cli(['--provider-base-url', mock.baseUrl], { ...env, INSTAVIEW_ATS_COMPANY_ID: '33333333-3333-4333-8333-333333333333' });
    expect(withId.code, withId.text).toBe(0);
    expect(withId.text).toContain('11 verified, 0 failed, 0 skipped (of 11 interactions)');
  }, 60_000);

  it('holds on the demo data of scenario default with no state set up at all, as on a real provider, also under /v1', async () => {
    const demo = await startMock('default');
    try {
      const { code, text } = await cli(['--provider-base-url', `${demo.baseUrl}/v1`, '--require-all'], { ...KEYS, INSTAVIEW_ATS_COMPANY_ID: '33333333-3333-4333-8333-333333333333' });
      expect(code, text).toBe(0);
      expect(text).toContain('11 verified, 0 failed, 0 skipped (of 11 interactions)');
    } finally {
      await demo.close();
    }
  }, 60_000);

  it('swaps demo keys for the keys in env: a wrong key for a role fails that role', async () => {
    const { code, text } = await cli(['--provider-base-url', mock.baseUrl, '--provider-states-setup-url', `${mock.baseUrl}/__admin/provider-states`], { ...KEYS, INSTAVIEW_REGULAR_CREDITS_KEY: 'sk_test_revoked' });
    expect(code).toBe(1);
    expect(text).toContain('FAILED "a request for the last 30 days with a regular key of a credits-billed company"');
    expect(text).toContain('9 verified, 2 failed, 0 skipped');
  }, 60_000);
});

/** Reads a JUnit file: validity first, then its suites and cases. */
function readJunit(file: string) {
  const xml = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'testcase' || name === 'testsuite' }).parse(xml);
}

describe('npm run contracts:verify --junit', () => {
  it('writes one test case per interaction: the keyless ones passed, the 9 without a key skipped naming the variable', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'verify-junit-')), 'verify.xml');
    const { code } = await cli(['--provider-base-url', mock.baseUrl, '--provider-states-setup-url', `${mock.baseUrl}/__admin/provider-states`, '--junit', file], {});
    expect(code).toBe(0);
    const doc = readJunit(file);
    expect(doc.testsuites).toMatchObject({ '@tests': '11', '@failures': '0', '@skipped': '9' });
    const cases = doc.testsuites.testsuite[0].testcase as Array<Record<string, any>>;
    expect(cases.filter((c) => c.skipped === undefined).map((c) => c['@name']).sort()).toEqual(['a request with an API key that was never issued', 'a request without an Authorization header']);
    const credits = cases.find((c) => c['@name'] === 'a request for the last 30 days with a regular key of a credits-billed company')!;
    expect(credits['system-out']).toContain('set INSTAVIEW_REGULAR_CREDITS_KEY');
  }, 60_000);

  it('fails the test cases of the interactions that failed, with Pact\'s mismatch as the message', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'verify-junit-')), 'verify.xml');
    const { code } = await cli(['--provider-base-url', mock.baseUrl, '--provider-states-setup-url', `${mock.baseUrl}/__admin/provider-states`, '--junit', file], { ...KEYS, INSTAVIEW_REGULAR_CREDITS_KEY: 'sk_test_revoked' });
    expect(code).toBe(1);
    const doc = readJunit(file);
    expect(doc.testsuites).toMatchObject({ '@tests': '11', '@failures': '2', '@skipped': '0' });
    const failed = (doc.testsuites.testsuite[0].testcase as Array<Record<string, any>>).filter((c) => c.failure !== undefined);
    expect(failed.map((c) => c['@name']).sort()).toEqual([
      'a request for an explicit period (start and end) with a regular key of a credits-billed company',
      'a request for the last 30 days with a regular key of a credits-billed company',
    ]);
    for (const c of failed) expect(c.failure['@message']).toBe('expected 200 but was 401');
  }, 60_000);
});

describe('npm run contracts:verify against a provider that is not there', () => {
  it('says it cannot reach it, in one line, with exit code 2', async () => {
    const closed = await startMock(CONTRACT_SCENARIO);
    const url = closed.baseUrl;
    await closed.close();
    const { code, text } = await cli(['--provider-base-url', url], KEYS);
    expect(code).toBe(2);
    expect(text).toContain(`cannot reach the provider at ${url} (ECONNREFUSED)`);
  });
});
