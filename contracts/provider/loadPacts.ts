import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSUMER, PROVIDER } from '../pactNames.ts';
import type { PactDocument } from './planVerification.ts';

/** Where pacts come from: a directory, one URL, or the Pact Broker (latest pact of our consumer). */
export type PactSource = { pactDir: string } | { pactUrl: string; token?: string } | { brokerUrl: string; token?: string };

async function fetchJson(url: string, token: string | undefined): Promise<PactDocument> {
  const res = await fetch(url, { headers: { Accept: 'application/hal+json, application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  if (!res.ok) throw new Error(`contracts:verify: GET ${url} answered HTTP ${res.status}; check the URL and PACT_BROKER_TOKEN.`);
  return (await res.json()) as PactDocument;
}

/**
 * Reads the pacts to verify for provider `instaview-billing-api`: every `*.json` of a directory whose
 * provider is ours, one pact by URL, or from a broker `GET /pacts/provider/{p}/consumer/{c}/latest`.
 * @throws Error naming the source when it holds no pact for the provider.
 */
export async function loadPacts(source: PactSource): Promise<PactDocument[]> {
  let pacts: PactDocument[];
  let where: string;
  if ('pactDir' in source) {
    where = source.pactDir;
    pacts = readdirSync(source.pactDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(source.pactDir, f), 'utf8')) as PactDocument);
  } else if ('pactUrl' in source) {
    where = source.pactUrl;
    pacts = [await fetchJson(source.pactUrl, source.token)];
  } else {
    where = `${source.brokerUrl.replace(/\/+$/, '')}/pacts/provider/${PROVIDER}/consumer/${CONSUMER}/latest`;
    pacts = [await fetchJson(where, source.token)];
  }
  const ours = pacts.filter((p) => p?.provider?.name === PROVIDER && Array.isArray(p.interactions));
  if (ours.length === 0) throw new Error(`contracts:verify: no pact for provider "${PROVIDER}" in ${where}.`);
  return ours;
}
