import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
/** This process's environment without the outer vitest's variables, for the tools run in the new project. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^VITEST/.test(name)));
const ROOT = process.cwd();
/** msw and vitest as pinned in this repository's package.json, so the install is served by the npm cache. */
const DEV = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies as Record<string, string>;
const SUBPATHS = {
  'instaview-billing-toolkit': ['createBillingClient'],
  'instaview-billing-toolkit/msw': ['createBillingMock', 'createUsageHandlers', 'bundledScenarioCatalog'],
  'instaview-billing-toolkit/checker': ['checkUsageReport'],
  'instaview-billing-toolkit/server': ['startMockServer', 'builtInScenarioCatalog', 'createMockState'],
  'instaview-billing-toolkit/admin': ['createAdminClient'],
};

/**
 * A module-loader hook that writes every URL Node resolves to `LOADED_URLS_FILE`: proof of what the
 * installed package loads (no TypeScript source, no tsx). Registered with `node --import ./trace.mjs`.
 */
const TRACE = `import { register } from 'node:module';
register('./traceHooks.mjs', import.meta.url);
`;
const TRACE_HOOKS = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.LOADED_URLS_FILE, resolved.url + '\\n');
  return resolved;
}
`;

/** Imports every subpath from plain Node ESM and prints each one's export names and a few answers. */
const CHECK = `const subpaths = ${JSON.stringify(Object.keys(SUBPATHS))};
const exported = {};
for (const s of subpaths) exported[s] = Object.keys(await import(s)).sort();
const { checkUsageReport } = await import('instaview-billing-toolkit/checker');
const violations = checkUsageReport({ success: true, error: null, timestamp: '2024-01-31T10:30:00.000Z', data: { companies: [], totalInterviews: 1, breakdownByCostKey: [] } });
const { startMockServer } = await import('instaview-billing-toolkit/server');
const mock = await startMockServer({ scenario: 'seed-examples', port: 0 });
const { createBillingClient } = await import('instaview-billing-toolkit');
const { data } = await createBillingClient({ baseUrl: mock.url, apiKey: 'sk_example_credits' }).getUsage();
const { createAdminClient } = await import('instaview-billing-toolkit/admin');
const health = await createAdminClient({ baseUrl: mock.url }).GET('/__admin/health');
await mock.close();
console.log(JSON.stringify({ exported, violations: violations.map((v) => v.rule), credits: data.totalCreditsUsed, health: health.response.status, execArgv: process.execArgv }));
`;

/** The `ts` code blocks of the README that follow a `<!-- readme-test … -->` line. */
function readmeTests(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/<!-- readme-test[^\n]*-->\n```ts\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

/** Every URL the traced process loaded that is TypeScript source or a TypeScript loader. */
function typeScriptLoads(urlsFile: string): string[] {
  return readFileSync(urlsFile, 'utf8')
    .split('\n')
    .filter((url) => /\.(c|m)?ts$/.test(url) || /\/node_modules\/(tsx|typescript|esbuild)\//.test(url));
}

describe('the packed package, installed into an empty project (DESIGN §10)', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'instaview-pack-'));
    const packed = await run('npm', ['pack', '--pack-destination', dir, '--json', '--silent'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    const [report] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = report!.files.map((f) => f.path);
    const project = join(dir, 'project');
    await run('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', join(dir, report!.filename), `msw@${DEV.msw}`, `vitest@${DEV.vitest}`, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
      cwd: project,
      env: ENV,
      timeout: 150_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    writeFileSync(join(project, 'trace.mjs'), TRACE);
    writeFileSync(join(project, 'traceHooks.mjs'), TRACE_HOOKS);
    writeFileSync(join(project, 'check.mjs'), CHECK);
    readmeTests().forEach((code, i) => writeFileSync(join(project, `readme${i}.test.ts`), code));
  }, 280_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const project = () => join(dir, 'project');

  it('ships compiled JavaScript with types, the spec files and the scenarios, and no TypeScript source', () => {
    expect(files.filter((f) => /\.(c|m)?ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['bin/instaview-mock.js', 'dist/src/cli/main.js', 'dist/mock/msw/index.d.ts', 'spec/openapi.yaml', 'mock/scenarios/seed-examples.yaml', 'dist/mock/console/vendor/redoc.standalone.js']));
  });

  it("installs without Redoc's React tree (its bundle ships in dist/), with the types its .d.ts files name", () => {
    for (const heavy of ['redoc', 'react', 'react-dom', 'mobx', 'styled-components', 'core-js']) expect([heavy, existsSync(join(project(), 'node_modules', heavy))]).toEqual([heavy, false]);
    expect(existsSync(join(project(), 'node_modules', '@types', 'express', 'index.d.ts'))).toBe(true);
  });

  it('imports every subpath from plain Node ESM and answers through each, loading no TypeScript', async () => {
    const urls = join(dir, 'check-urls.txt');
    writeFileSync(urls, '');
    const { stdout } = await run(process.execPath, ['--import', './trace.mjs', 'check.mjs'], { cwd: project(), env: { ...ENV, LOADED_URLS_FILE: urls }, timeout: 60_000 });
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    for (const [subpath, names] of Object.entries(SUBPATHS)) expect(result.exported[subpath]).toEqual(expect.arrayContaining(names));
    expect(result.violations).toEqual([5]); // totalInterviews 1 with no company: §8 rule 5
    expect(result.credits).toBe(612.5); // seed-examples, DESIGN §5
    expect(result.health).toBe(200);
    expect(result.execArgv).toEqual(['--import', './trace.mjs']);
    expect(typeScriptLoads(urls)).toEqual([]);
    expect(readFileSync(urls, 'utf8')).toContain('/node_modules/instaview-billing-toolkit/dist/');
  });

  it('runs the installed bin: `instaview-mock serve --port 0` answers, loading no TypeScript', async () => {
    const urls = join(dir, 'bin-urls.txt');
    writeFileSync(urls, '');
    const child = spawn(process.execPath, ['--import', './trace.mjs', 'node_modules/.bin/instaview-mock', 'serve', '--port', '0', '--scenario', 'seed-examples', '--log-level', 'silent'], {
      cwd: project(),
      env: { ...ENV, LOADED_URLS_FILE: urls },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no "listening on" line within 30 s:\n${out}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`instaview-mock exited with ${code}:\n${out}`)));
      });
      const res = await fetch(`${url}/billing/usage`, { headers: { Authorization: 'Bearer sk_example_ats' } });
      const body = (await res.json()) as { data: { totalMinutesUsed: number } };
      expect(res.status).toBe(200);
      expect(body.data.totalMinutesUsed).toBe(200.5); // 120 + 80.5, DESIGN §5
      // The console, its API reference and the specs it renders ship with the package (DESIGN §12).
      for (const path of ['/__admin/', '/__admin/assets/console.js', '/__admin/docs', '/__admin/docs/redoc.standalone.js', '/__admin/docs/openapi.yaml']) {
        const page = await fetch(`${url}${path}`);
        expect([path, page.status]).toEqual([path, 200]);
        await page.arrayBuffer();
      }
    } finally {
      child.kill();
    }
    expect(typeScriptLoads(urls)).toEqual([]);
    expect(readFileSync(urls, 'utf8')).toContain('/node_modules/instaview-billing-toolkit/dist/src/cli/main.js');
  });

  it("type-checks the README's examples against the installed package's .d.ts files (strict, NodeNext)", async () => {
    const tsconfig = { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2023', 'DOM'], strict: true, noEmit: true, skipLibCheck: false, types: [] }, include: ['readme*.test.ts'] };
    writeFileSync(join(project(), 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', project()], { cwd: project(), env: ENV, timeout: 90_000 }).then(
      () => 'no errors',
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    expect(result).toBe('no errors');
  });

  it("passes the README's examples (startMockServer and MSW handlers) as vitest tests in the new project", async () => {
    expect(readmeTests()).toHaveLength(2);
    const { stdout } = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=json'], { cwd: project(), env: ENV, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 });
    const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
    expect({ passed: report.numPassedTests, failed: report.numFailedTests }).toEqual({ passed: 3, failed: 0 });
  });
});
