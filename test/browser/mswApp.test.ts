/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/launchChromium.ts';
import { serveFolder } from './support/serveFolder.ts';

const run = promisify(execFile);
const ROOT = process.cwd();
const APP = resolve(ROOT, 'test/browser/app');
const OUT = resolve(ROOT, '.tmp/browser-msw-app');

/** One rendered row of the page's table: key, company, used quantity and interviews, as the page wrote them. */
interface Row {
  key: string;
  company: string;
  used: string;
  interviews: string;
}

describe('a Vite app mocks the API with the MSW handlers in headless Chromium (DESIGN §10)', () => {
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let rows: Row[];
  let state: string | undefined;

  beforeAll(async () => {
    // The app imports the package by name, resolved to this checkout's sources (as an installed package would be to dist/).
    await build({
      root: APP,
      configFile: false,
      logLevel: 'silent',
      resolve: {
        alias: [
          { find: /^instaview-billing-toolkit\/msw$/, replacement: resolve(ROOT, 'mock/msw/index.ts') },
          { find: /^instaview-billing-toolkit$/, replacement: resolve(ROOT, 'src/client/index.ts') },
        ],
      },
      build: { outDir: OUT, emptyOutDir: true, target: 'es2022' },
    });
    // MSW's service worker script, as its docs say: `npx msw init <public folder>`.
    await run('npx', ['msw', 'init', OUT, '--no-save'], { cwd: ROOT, timeout: 60_000 });
    site = await serveFolder(OUT);
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(site.url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.state !== undefined, { timeout: 30_000 });
    state = await page.evaluate(() => `${document.body.dataset.state}: ${document.querySelector('#status')?.textContent}`);
    rows = await page.evaluate(() => [...document.querySelectorAll<HTMLTableRowElement>('#usage tbody tr')].map((tr) => ({ key: tr.dataset.key!, company: tr.dataset.company!, used: tr.dataset.used!, interviews: tr.dataset.interviews! })));
    mkdirSync(resolve(ROOT, '.tmp'), { recursive: true });
    await page.screenshot({ path: resolve(ROOT, '.tmp/browser-msw-seed-examples.png'), fullPage: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('renders the page without an error', () => {
    expect(state).toBe('ready: ready');
  });

  it('shows 245.5 minutes over 42 interviews for sk_example_minutes (DESIGN §5)', () => {
    expect(rows.filter((r) => r.key === 'sk_example_minutes')).toEqual([
      { key: 'sk_example_minutes', company: 'Your Company', used: '245.5', interviews: '42' },
      { key: 'sk_example_minutes', company: 'total', used: '245.5', interviews: '42' },
    ]);
  });

  it('shows 612.5 credits over 42 interviews for sk_example_credits (DESIGN §5)', () => {
    expect(rows.filter((r) => r.key === 'sk_example_credits')).toEqual([
      { key: 'sk_example_credits', company: 'Your Company', used: '612.5', interviews: '42' },
      { key: 'sk_example_credits', company: 'total', used: '612.5', interviews: '42' },
    ]);
  });

  it('shows 120 + 80.5 = 200.5 minutes over 20 + 22 interviews for sk_example_ats (DESIGN §5)', () => {
    expect(rows.filter((r) => r.key === 'sk_example_ats')).toEqual([
      { key: 'sk_example_ats', company: 'Client Company A', used: '120', interviews: '20' },
      { key: 'sk_example_ats', company: 'Client Company B', used: '80.5', interviews: '22' },
      { key: 'sk_example_ats', company: 'total', used: '200.5', interviews: '42' },
    ]);
  });

  it('type-checks the app against the package types (DOM lib, strict)', async () => {
    const tsc = resolve(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', APP], { cwd: ROOT, timeout: 60_000 }).then(
      () => 'no errors',
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    expect(result).toBe('no errors');
  });
});
