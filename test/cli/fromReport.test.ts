import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, validateScenario } from '../../src/scenario/index.ts';
import { startMock, type TestMock } from '../support/startMock.ts';

const CLI = ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts'];

/** Runs the CLI without blocking this process (the mock it may ask lives here), feeding `stdin`; bounded by a 30 s kill. */
function run(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

/** The first JSON block of the API reference page (GET /billing/usage), as published: inconsistent on purpose. */
const REFERENCE_FIRST_EXAMPLE = `{
  "companies": [
    {
      "companyId": "123e4567-e89b-12d3-a456-426614174000",
      "companyName": "Acme Corporation",
      "billingSystem": "credits",
      "totalInterviews": 12,
      "breakdownByCostKey": [
        {
          "costKey": "interview_minutes",
          "events": 10,
          "minutesUsed": 120,
          "creditsUsed": 60.5
        }
      ],
      "totalMinutesUsed": 250,
      "totalCreditsUsed": 125.5
    }
  ],
  "totalInterviews": 80,
  "breakdownByCostKey": [
    {
      "costKey": "interview_minutes",
      "events": 10,
      "minutesUsed": 120,
      "creditsUsed": 60.5
    }
  ],
  "totalMinutesUsed": 1200,
  "totalCreditsUsed": 3000.5
}
`;

let mock: TestMock;
let dir: string;
beforeAll(async () => {
  mock = await startMock('seed-examples');
  dir = mkdtempSync(join(tmpdir(), 'from-report-'));
});
afterAll(() => mock.close());

describe('instaview-mock scenario from-report (issue 14)', () => {
  it('--base-url writes a scenario whose mock gives that provider\'s answer back, and prints the key and the curl', async () => {
    const query = '/billing/usage?start=2024-01-01&end=2024-01-31';
    const original = await mock.get(query, 'sk_example_ats');
    const out = join(dir, 'repro.yaml');
    const r = await run(['scenario', 'from-report', '--base-url', mock.baseUrl, '--api-key', 'sk_example_ats', '--start', '2024-01-01', '--end', '2024-01-31', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("curl -s -H 'Authorization: Bearer sk_test_repro' 'http://127.0.0.1:4010/billing/usage?start=2024-01-01&end=2024-01-31'");
    const loaded = loadScenarioFile(out);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect((await mock.admin('PUT', '/state', loaded.scenario)).status).toBe(200);
    const again = await mock.get(query, 'sk_test_repro');
    expect(again.body.data).toEqual(original.body.data);
    // Two companies (Client Company A and B): an ATS key; 30 days, so the default query agrees too.
    expect(loaded.scenario.apiKeys).toEqual([{ key: 'sk_test_repro', type: 'ats', atsIntegrationId: loaded.scenario.atsIntegrations[0]!.id }]);
    expect((await mock.get('/billing/usage', 'sk_test_repro')).body.data).toEqual(original.body.data);
  });

  it('reads the answer from stdin with -, writes YAML to stdout and the key and curl to stderr', async () => {
    const data = {
      companies: [{ companyId: '0b6f4f3e-7c1a-4d2b-9a57-3f0c6e1d2a01', companyName: 'Your Company', billingSystem: 'minutes', totalMinutesUsed: 245.5, totalInterviews: 42, breakdownByCostKey: [{ costKey: 'interview_minutes', minutesUsed: 245.5, events: 42 }] }],
      totalMinutesUsed: 245.5,
      totalInterviews: 42,
      breakdownByCostKey: [{ costKey: 'interview_minutes', minutesUsed: 245.5, events: 42 }],
    };
    const r = await run(['scenario', 'from-report', '-', '--start', '2024-01-01', '--end', '2024-01-31'], JSON.stringify({ success: true, data, error: null, timestamp: '2024-01-31T10:30:00.000Z' }));
    expect(r.code).toBe(0);
    const scenario = validateScenario(parse(r.stdout));
    expect(scenario.ok && scenario.scenario.usageEvents!.length).toBe(42);
    expect(r.stderr).toContain('API key: sk_test_repro (regular)');
    expect(r.stderr).toContain("curl -s -H 'Authorization: Bearer sk_test_repro' 'http://127.0.0.1:4010/billing/usage'");
  });

  it('refuses the reference page\'s first example with its §8 rule numbers and lines, exit 1, writing nothing', async () => {
    const file = join(dir, 'reference.json');
    const out = join(dir, 'never.yaml');
    writeFileSync(file, REFERENCE_FIRST_EXAMPLE);
    const r = await run(['scenario', 'from-report', file, '--start', '2024-01-01', '--end', '2024-01-31', '--out', out]);
    expect(r.code).toBe(1);
    const rules = [...r.stderr.matchAll(/\[§8 rule (\d+)\]/g)].map((m) => Number(m[1]));
    expect([...new Set(rules)].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 10]);
    // "totalInterviews": 12 is on line 7 of the file.
    expect(r.stderr).toContain(`${file}:7: /companies/0/totalInterviews: [§8 rule 10]`);
    expect(loadScenarioFile(out).ok).toBe(false);
  });

  it('says what the provider answered when it is not a usage report, exit 2', async () => {
    const r = await run(['scenario', 'from-report', '--base-url', mock.baseUrl, '--api-key', 'sk_unknown', '--start', '2024-01-01', '--end', '2024-01-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`GET ${mock.baseUrl}/billing/usage?start=2024-01-01&end=2024-01-31 answered 401 (INVALID_API_KEY: `);
  });

  it('names the file, line and column of text that is not JSON, exit 2', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "companies": [],\n  "totalInterviews": 0,\n}\n');
    const r = await run(['scenario', 'from-report', file, '--start', '2024-01-01', '--end', '2024-01-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:4:1: not JSON: expected a property name in double quotes`);
  });

  it('refuses a missing --start and a file that does not exist, exit 2', async () => {
    const noStart = await run(['scenario', 'from-report', 'report.json', '--end', '2024-01-31']);
    expect([noStart.code, noStart.stderr.trim()]).toEqual([2, "error: required option '--start <instant>' not specified"]);
    const missing = await run(['scenario', 'from-report', join(dir, 'nothing.json'), '--start', '2024-01-01', '--end', '2024-01-31']);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `Cannot read ${join(dir, 'nothing.json')} (ENOENT)`]);
  });
});
