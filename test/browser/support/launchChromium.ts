import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's Chromium (`apt-get install chromium`); `CHROMIUM_PATH` names another binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, isolated headless run: no sandbox (containers), no GPU, no calls home. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts headless Chromium for a browser test (`npm run test:browser`) with a fresh profile in a
 * temporary folder, removed when the browser closes. Close it with `browser.close()` in the test's
 * `afterAll`.
 * @throws Error naming `CHROMIUM_PATH` and the fix when Chromium is missing or does not start.
 */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'instaview-chromium-'));
  try {
    const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...FLAGS, `--user-data-dir=${profile}`], timeout: 30_000 });
    // Chromium writes to its profile until its process exits: remove the folder then, not at disconnect.
    browser.process()?.once('exit', () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 }));
    return browser;
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Cannot start Chromium at ${CHROMIUM_PATH} (${(err as Error).message}). Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
}
