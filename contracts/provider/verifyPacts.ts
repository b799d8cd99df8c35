import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { RequestHandler } from 'express';
import { PROVIDER } from '../pactNames.ts';
import { planVerification, type PactDocument, type SkippedInteraction } from './planVerification.ts';
import { realProviderStateValues } from './roles.ts';

/** Options of {@link verifyPacts}. */
export interface VerifyPactsOptions {
  /** The provider under test, e.g. `http://127.0.0.1:4010` or `https://api.instaview.sk/v1`. */
  providerBaseUrl: string;
  pacts: PactDocument[];
  /** Where role keys and state values come from (the CLI passes `process.env`). */
  env: NodeJS.ProcessEnv;
  /** Pact's state-change URL, e.g. `<mock>/__admin/provider-states`; without it (a real provider) states are not set up and `fromProviderState` values come from `env`. */
  providerStatesSetupUrl?: string;
  /**
   * Our mock's session to verify in (`X-Mock-Session`, DESIGN §11): every request and every state change
   * carries it, so verifications in different sessions run in parallel against one mock.
   */
  session?: string;
  /** Test hook: state handlers by state sentence, used instead of a setup URL (statesFromProvider is then true). */
  stateHandlers?: VerifierOptions['stateHandlers'];
  /** Publish results to this broker (only when nothing is skipped and `brokerSource` is set). */
  publish?: { brokerUrl: string; token?: string; providerVersion: string; providerBranch?: string };
  /** Verify from the broker directly (needed to publish results): the pacts of `pacts` are then only used for planning. */
  brokerSource?: { brokerUrl: string; token?: string };
  /** Per-request timeout, ms. Default 30 000. */
  timeoutMs?: number;
  /** The clock for the default real-provider period; default `Date.now`. */
  nowMs?: () => number;
}

/** One failed interaction and Pact's mismatch messages. */
export interface FailedInteraction {
  description: string;
  mismatches: string[];
}

/** The outcome of {@link verifyPacts}. */
export interface VerificationReport {
  ok: boolean;
  verified: string[];
  failed: FailedInteraction[];
  skipped: SkippedInteraction[];
  published: boolean;
  /** Pact's own report lines (colours stripped). */
  output: string[];
}

interface FfiResults {
  errors?: Array<{ interaction?: string; mismatch?: { mismatches?: Array<{ mismatch?: string }>; message?: string } }>;
  interactionResults?: Array<{ description: string; result: string }>;
  output?: string[];
}

function parseResults(text: string): FfiResults | undefined {
  try {
    return JSON.parse(text) as FfiResults;
  } catch {
    return undefined;
  }
}

/** Property names asked of any object (by JSON.stringify, await, util.inspect) that are never state sentences. */
const NOT_STATES = new Set(['then', 'toJSON', 'constructor', 'valueOf', 'toString', 'inspect', 'length']);

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/**
 * Swaps the pact's demo keys for real ones in `Authorization` (Pact's request filter); other requests
 * pass unchanged (no header, or a key no role owns such as the "never issued" one).
 */
export function createKeySwapFilter(keySwap: Map<string, string>): RequestHandler {
  return (req, _res, next) => {
    const key = /^\s*bearer\s+(.*)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    const real = key === undefined ? undefined : keySwap.get(key);
    if (real !== undefined) req.headers.authorization = `Bearer ${real}`;
    next();
  };
}

/** Sets `X-Mock-Session` on every request Pact replays (after `inner`, the key swap). */
function withSession(inner: RequestHandler, session: string | undefined): RequestHandler {
  if (session === undefined) return inner;
  return (req, res, next) =>
    inner(req, res, (err?: unknown) => {
      req.headers['x-mock-session'] = session;
      next(err as never);
    });
}

/**
 * State handlers that call our mock's provider-state URL inside a session: Pact's own state-change
 * call cannot carry a header, so each state's setup is this POST, with the values it answers returned
 * to `fromProviderState`. A Proxy answers any sentence, also those of pacts from a broker.
 */
function sessionStateHandlers(url: string, session: string): NonNullable<VerifierOptions['stateHandlers']> {
  const setup = (state: string) => async (params?: unknown) => {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Mock-Session': session }, body: JSON.stringify({ state, params: params ?? {}, action: 'setup' }) });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`provider state "${state}" in session ${session}: HTTP ${res.status} ${JSON.stringify(body)}`);
    return body as never;
  };
  return new Proxy({}, { get: (_t, prop) => (typeof prop === 'string' && !NOT_STATES.has(prop) ? setup(prop) : undefined) });
}

/**
 * Verifies pacts against a provider with Pact's Verifier: plans (skips interactions whose role has no
 * key or value, see planVerification), writes the runnable interactions to a temp pact directory,
 * swaps keys per role, sets states through `providerStatesSetupUrl` (mock) or answers them from `env`
 * (real provider), and reads Pact's per-interaction results.
 * @returns the report; rejects only when Pact itself cannot run (bad URL, crash).
 */
export async function verifyPacts(options: VerifyPactsOptions): Promise<VerificationReport> {
  const statesFromProvider = options.providerStatesSetupUrl !== undefined || options.stateHandlers !== undefined;
  const plan = planVerification(options.pacts, options.env, statesFromProvider);
  const canPublish = options.publish !== undefined && options.brokerSource !== undefined && plan.skipped.length === 0;
  if (plan.runnable === 0) return { ok: true, verified: [], failed: [], skipped: plan.skipped, published: false, output: [] };

  const dir = mkdtempSync(join(tmpdir(), 'pact-verify-'));
  try {
    plan.pacts.forEach((pact, i) => writeFileSync(join(dir, `${i}-${pact.consumer.name}.json`), JSON.stringify(pact)));
    const now = options.nowMs ?? Date.now;
    const realValues = () => Promise.resolve(realProviderStateValues(options.env, now()));
    const verifierOptions: VerifierOptions = {
      provider: PROVIDER,
      providerBaseUrl: options.providerBaseUrl,
      requestFilter: withSession(createKeySwapFilter(plan.keySwap), options.session),
      logLevel: 'error',
      timeout: options.timeoutMs ?? 30_000,
      ...(canPublish
        ? {
            pactBrokerUrl: options.brokerSource!.brokerUrl,
            ...(options.brokerSource!.token ? { pactBrokerToken: options.brokerSource!.token } : {}),
            // The consumer's main line, what is deployed, and the consumer branch named like ours (a PR's own pact).
            consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }, { matchingBranch: true }],
            publishVerificationResult: true,
            providerVersion: options.publish!.providerVersion,
            ...(options.publish!.providerBranch ? { providerVersionBranch: options.publish!.providerBranch } : {}),
          }
        : { pactUrls: plan.pacts.map((pact, i) => join(dir, `${i}-${pact.consumer.name}.json`)) }),
      ...(options.providerStatesSetupUrl !== undefined && options.session !== undefined
        ? { stateHandlers: sessionStateHandlers(options.providerStatesSetupUrl, options.session) }
        : options.providerStatesSetupUrl !== undefined
        ? { providerStatesSetupUrl: options.providerStatesSetupUrl }
        : // A real provider: every state is "set up" by answering the values from env. The Verifier looks
          // handlers up by sentence, so a Proxy answers any sentence, also those of pacts from a broker.
          { stateHandlers: options.stateHandlers ?? new Proxy({}, { get: (_t, prop) => (typeof prop === 'string' && !NOT_STATES.has(prop) ? realValues : undefined) }) }),
    };
    let text: string;
    try {
      text = String(await new Verifier(verifierOptions).verifyProvider());
    } catch (err) {
      text = (err as Error).message;
      if (!parseResults(text)?.interactionResults) throw err;
    }
    const results = parseResults(text) ?? {};
    const failures = new Map<string, string[]>();
    for (const e of results.errors ?? []) {
      const description = (results.interactionResults ?? []).find((r) => e.interaction?.endsWith(`- ${r.description}`))?.description ?? e.interaction ?? '?';
      const lines = e.mismatch?.mismatches?.map((m) => m.mismatch ?? '') ?? [e.mismatch?.message ?? ''];
      failures.set(description, [...(failures.get(description) ?? []), ...lines]);
    }
    const verified = (results.interactionResults ?? []).filter((r) => r.result === 'OK').map((r) => r.description);
    const failed = (results.interactionResults ?? []).filter((r) => r.result !== 'OK').map((r) => ({ description: r.description, mismatches: failures.get(r.description) ?? [] }));
    return { ok: failed.length === 0 && (results.errors ?? []).length === 0, verified, failed, skipped: plan.skipped, published: canPublish, output: (results.output ?? []).map(stripAnsi) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
