import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/startMock.ts';
import { launchChromium } from './support/launchChromium.ts';

// The default scenario (DESIGN §4): its companies and keys, as the console must list them.
const COMPANIES = ['Acme Minutes s.r.o.', 'Globex Credits a.s.', 'Hooli Talent', 'Initech', 'Stark Recruiting', 'Umbrella Staffing', 'Wayne Hiring'];
const KEYS = ['sk_test_ats_minutes_only', 'sk_test_ats_mixed', 'sk_test_expired', 'sk_test_no_billing_scope', 'sk_test_regular_credits', 'sk_test_regular_minutes', 'sk_test_revoked', 'sk_test_suspended'];
/** The screenshot kept as a build artefact (.tmp/ is gitignored; README's docs/console.png is a copy). */
const SCREENSHOT = '.tmp/console.png';

let m: TestMock;
let browser: Browser;
let page: Page;
/** What each page asked of an origin other than the mock's, by the path it was opened at, and what came back. */
const foreign: Record<string, { requests: string[]; responses: string[] }> = {};

/** Opens a page on the mock that records its requests to other origins. */
async function openPage(path: string): Promise<Page> {
  const p = await browser.newPage();
  await p.setViewport({ width: 1400, height: 1000 });
  const seen: { requests: string[]; responses: string[] } = { requests: [], responses: [] };
  foreign[path] = seen;
  const isForeign = (url: string) => !url.startsWith(`${m.baseUrl}/`) && !url.startsWith('data:') && !url.startsWith('blob:');
  p.on('request', (req) => void (isForeign(req.url()) && seen.requests.push(req.url())));
  p.on('response', (res) => void (isForeign(res.url()) && seen.responses.push(res.url())));
  await p.goto(`${m.baseUrl}${path}`);
  return p;
}

/** The text of each cell matched by `selector`, in page order. */
const texts = (p: Page, selector: string) => p.$$eval(selector, (cells) => cells.map((c) => c.textContent ?? ''));

beforeAll(async () => {
  m = await startMock('default');
  browser = await launchChromium();
  page = await openPage('/__admin/');
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

describe('the QA console at /__admin/ (DESIGN §12)', () => {
  it("lists the default scenario's companies under their ATS integrations, with their billing systems", async () => {
    expect((await texts(page, '#companies tr[data-company-id] td:first-child')).sort()).toEqual(COMPANIES);
    expect(await texts(page, '#companies tr[data-ats-id] th')).toEqual(expect.arrayContaining([expect.stringContaining('"TalentBridge" · 4 companies'), expect.stringContaining('"SoloHire" · 1 company')]));
    expect(await page.$eval('#companies tr[data-company-id="44444444-4444-4444-8444-444444444444"] td:nth-child(3)', (c) => c.textContent)).toBe('credits');
  });

  it("lists the default scenario's API keys with kind and status: expired, revoked and suspended shown as such", async () => {
    expect((await texts(page, '#keys tr[data-key] td:first-child')).sort()).toEqual(KEYS);
    const row = (key: string) => texts(page, `#keys tr[data-key="${key}"] td`);
    expect((await row('sk_test_ats_mixed')).slice(0, 5)).toEqual(['sk_test_ats_mixed', 'ATS', 'active', 'read:billing', 'ATS "TalentBridge"']);
    expect([(await row('sk_test_expired'))[2], (await row('sk_test_revoked'))[2], (await row('sk_test_suspended'))[2]]).toEqual(['expired', 'revoked', 'suspended']);
  });

  it('freezes the clock at the instant typed in, as GET /__admin/clock then says', async () => {
    await page.$eval('#freeze-at', (input) => ((input as unknown as { value: string }).value = ''));
    await page.type('#freeze-at', '2024-01-31T10:30:00Z');
    await page.click('#freeze-at-form button[type="submit"]');
    await page.waitForFunction(`document.getElementById('clock-now')?.textContent === '2024-01-31T10:30:00.000Z'`, { timeout: 10_000 });
    expect((await m.admin('GET', '/clock')).body.data).toEqual({ mode: 'frozen', now: '2024-01-31T10:30:00.000Z', offsetMs: 0 });
  });

  it('advances a frozen clock by the amount chosen: 2 hours after 10:30 is 12:30', async () => {
    expect((await m.admin('PUT', '/clock', { mode: 'frozen', now: '2024-01-31T10:30:00Z' })).status).toBe(200);
    await page.$eval('#advance-amount', (input) => ((input as unknown as { value: string }).value = '2'));
    await page.select('#advance-unit', '3600000');
    await page.click('#advance-form button[type="submit"]');
    await page.waitForFunction(`document.getElementById('clock-now')?.textContent === '2024-01-31T12:30:00.000Z'`, { timeout: 10_000 });
    expect((await m.admin('GET', '/clock')).body.data.now).toBe('2024-01-31T12:30:00.000Z');
  });

  it('adds a fault from the form and clears it again', async () => {
    await page.select('#fault-status', '503');
    await page.select('#fault-key', 'sk_test_regular_minutes');
    await page.click('#fault-form button[type="submit"]');
    await page.waitForSelector('#faults tr[data-fault-id]', { timeout: 10_000 });
    expect((await m.admin('GET', '/faults')).body.data).toEqual([{ id: expect.any(String), apiKey: 'sk_test_regular_minutes', status: 503 }]);
    expect((await m.get('/billing/usage', 'sk_test_regular_minutes')).status).toBe(503);
    await page.click('#faults-clear');
    await page.waitForSelector('#faults tr.empty', { timeout: 10_000 });
    expect((await m.admin('GET', '/faults')).body.data).toEqual([]);
  });

  it('shows a usage call made by the test in its journal, with the key suffix only', async () => {
    expect((await m.get('/billing/usage?start=2024-01-01', 'sk_test_regular_minutes', { 'X-Request-Id': 'browser-journal-1' })).status).toBe(200);
    await page.waitForSelector('#journal tr[data-request-id="browser-journal-1"]', { timeout: 10_000 });
    const cells = await texts(page, '#journal tr[data-request-id="browser-journal-1"] td');
    expect(cells.slice(1, 6)).toEqual(['GET', '/billing/usage', 'start=2024-01-01', '…utes', '200']);
    mkdirSync('.tmp', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('asks for the admin token when the mock has one, and works once it is pasted', async () => {
    const guarded = await startMock('default', { adminToken: 'console-secret' });
    const p = await browser.newPage();
    try {
      await p.goto(`${guarded.baseUrl}/__admin/`);
      await p.waitForFunction(`document.getElementById('error-text')?.textContent?.includes('ADMIN_TOKEN_REQUIRED')`, { timeout: 10_000 });
      await p.type('#token', 'console-secret');
      await p.click('#token-form button[type="submit"]');
      await p.waitForSelector('#keys tr[data-key="sk_test_ats_mixed"]', { timeout: 10_000 });
      expect(await p.$eval('#error', (e) => (e as unknown as { hidden: boolean }).hidden)).toBe(true);
    } finally {
      await p.close();
      await guarded.close();
    }
  });
});

describe('the API reference at /__admin/docs', () => {
  it('renders GET /billing/usage from spec/openapi.yaml', async () => {
    const p = await openPage('/__admin/docs');
    try {
      await p.waitForSelector('[data-section-id="operation/getUsage"]', { timeout: 20_000 });
      const text = await p.$eval('[data-section-id="operation/getUsage"]', (e) => (e as unknown as { innerText: string }).innerText);
      expect(text).toMatch(/GET\s*\/billing\/usage/);
    } finally {
      await p.close();
    }
  });

  it("renders the control plane's spec with the refs into scenario.schema.json and openapi.yaml resolved", async () => {
    const p = await openPage('/__admin/docs/admin');
    try {
      await p.waitForSelector('[data-section-id="operation/listRequests"]', { timeout: 20_000 });
      const text = await p.$eval('[data-section-id="operation/listRequests"]', (e) => (e as unknown as { innerText: string }).innerText);
      expect(text).toMatch(/GET\s*\/__admin\/requests/);
      expect(await p.$$eval('h3', (hs) => hs.some((h) => /something went wrong/i.test(h.textContent ?? '')))).toBe(false);
    } finally {
      await p.close();
    }
  });

  it("asks nothing of another origin but Redoc's attribution logo, which the page's policy blocks", () => {
    const LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
    expect(Object.keys(foreign)).toEqual(['/__admin/', '/__admin/docs', '/__admin/docs/admin']);
    expect(foreign['/__admin/']).toEqual({ requests: [], responses: [] });
    for (const path of ['/__admin/docs', '/__admin/docs/admin']) {
      expect({ path, other: foreign[path]!.requests.filter((url) => url !== LOGO), responses: foreign[path]!.responses }).toEqual({ path, other: [], responses: [] });
    }
  });
});
