import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PactV4 } from '@pact-foundation/pact';
import { CONSUMER, PROVIDER } from '../pactNames.ts';

/** A consumer pact and where it writes its file. */
export interface BillingPact {
  pact: PactV4;
  /** The directory the pact file goes to. */
  dir: string;
  /** Removes the directory when it was a throw-away one (no `PACT_OUTPUT_DIR`); call in `afterAll`. */
  cleanup(): void;
}

/**
 * Creates the Pact V4 consumer `billing-dashboard` → provider `instaview-billing-api`, its mock server
 * on 127.0.0.1 and a free port. The pact file goes to `PACT_OUTPUT_DIR` when set (`npm run
 * contracts:consumer` sets it to `contracts/pacts`; the drift test to a temp dir); otherwise to a
 * throw-away temp dir, so a plain `npm test` never rewrites the committed pact.
 */
export function createBillingPact(): BillingPact {
  const fromEnv = process.env.PACT_OUTPUT_DIR;
  const dir = fromEnv ?? mkdtempSync(join(tmpdir(), 'billing-pact-'));
  const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, host: '127.0.0.1', logLevel: 'warn' });
  return { pact, dir, cleanup: () => (fromEnv ? undefined : rmSync(dir, { recursive: true, force: true })) };
}
