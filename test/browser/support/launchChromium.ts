import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's Chromium (`apt-get install chromium`); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, throw-away headless Chromium (no sandbox: CI runs as root). */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts headless Chromium with a fresh profile folder (removed when the browser closes), driven by
 * puppeteer-core. Shared by the suites of `npm run test:browser`; close it with `await browser.close()`.
 * @throws Error saying how to install Chromium when the executable is missing.
 */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'instaview-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: false, args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`] });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Cannot start Chromium at ${CHROMIUM_PATH} (${(err as Error).message}). Install it with \`apt-get install chromium\` or set CHROMIUM_PATH.`, { cause: err });
  }
  const child = browser.process();
  // Chromium may still write its profile for a moment after disconnecting: remove it once the process is gone.
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // a leftover folder under the system temp dir is harmless
    }
  };
  if (child && child.exitCode === null) child.once('exit', removeProfile);
  else browser.once('disconnected', removeProfile);
  return browser;
}
