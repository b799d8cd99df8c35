import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';
import { CLI, spawnServe } from '../support/spawnServe.ts';

const TRIALS = 6;
const COMPANIES = [IDS.acme, IDS.wayne, IDS.initech, IDS.stark];

/** A deterministic sequence in [0, 1) (mulberry32), so the kill instants are the same every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const eventId = (trial: number, worker: number, n: number) => `e0000000-0000-4000-8${String(trial).padStart(3, '0')}-${String(worker).padStart(4, '0')}${String(n).padStart(8, '0')}`;

/** What the mock acknowledged (2xx) during one burst, to check after the restart. */
interface Acknowledged {
  events: Map<string, string>;
  /** Per company, the highest `renamed N` name the mock acknowledged. */
  names: Map<string, number>;
}

/** Four writers, each on its own company: single events, batches of three, renames; until `stop` is set. */
async function burst(baseUrl: string, trial: number, stop: { on: boolean }, acked: Acknowledged): Promise<void> {
  const post = (path: string, method: string, body: unknown) =>
    fetch(`${baseUrl}/__admin${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status).catch(() => 0);
  await Promise.all(
    COMPANIES.map(async (companyId, worker) => {
      for (let n = 0; !stop.on; n++) {
        if (n % 5 === 4) {
          const status = await post(`/companies/${companyId}`, 'PATCH', { name: `renamed ${trial * 1000 + n}` });
          if (status === 200) acked.names.set(companyId, trial * 1000 + n);
          continue;
        }
        const ids = n % 2 === 0 ? [eventId(trial, worker, n)] : [0, 1, 2].map((k) => eventId(trial, worker, n * 10 + k));
        const body = ids.map((id) => ({ id, companyId, occurredAt: '2024-02-25T10:00:00Z', minutes: 0.5 }));
        const status = await post('/usage-events', 'POST', body.length === 1 ? body[0] : body);
        if (status === 201) for (const id of ids) acked.events.set(id, companyId);
      }
    }),
  );
}

/** Every acknowledged event is stored, and every company's name is at least its last acknowledged rename. */
async function expectKept(baseUrl: string, acked: Acknowledged): Promise<void> {
  for (const companyId of COMPANIES) {
    const page = await (await fetch(`${baseUrl}/__admin/usage-events?companyId=${companyId}&start=2024-02-25&end=2024-02-26&limit=1000`)).json() as { data: { total: number; items: Array<{ id: string }> } };
    const stored = new Set(page.data.items.map((e) => e.id));
    const missing = [...acked.events].filter(([id, c]) => c === companyId && !stored.has(id)).map(([id]) => id);
    expect(missing).toEqual([]);
    const company = await (await fetch(`${baseUrl}/__admin/companies/${companyId}`)).json() as { data: { name: string } };
    const last = acked.names.get(companyId);
    if (last !== undefined) expect(Number(/^renamed (\d+)$/.exec(company.data.name)?.[1] ?? -1)).toBeGreaterThanOrEqual(last);
  }
}

describe('--state-file survives kill -9 (DESIGN §6.5)', () => {
  it(`keeps every acknowledged change through ${TRIALS} kills at random instants of a write burst, and always loads`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kill9-'));
    const scenario = join(dir, 'rules.yaml');
    writeFileSync(scenario, stringify(rulesScenario));
    const stateFile = join(dir, 'state.json');
    const args = ['--scenario', scenario, '--state-file', stateFile];
    const random = seeded(7);
    const acked: Acknowledged = { events: new Map(), names: new Map() };
    let mock = await spawnServe(args);
    try {
      for (let trial = 1; trial <= TRIALS; trial++) {
        const stop = { on: false };
        const writing = burst(mock.baseUrl, trial, stop, acked);
        await new Promise((r) => setTimeout(r, 60 + Math.floor(random() * 340)));
        await mock.kill();
        stop.on = true;
        await writing;
        mock = await spawnServe(args);
        await expectKept(mock.baseUrl, acked);
      }
      expect(acked.events.size).toBeGreaterThan(TRIALS * 4);
    } finally {
      await mock.stop();
    }
  }, 120_000);

  it('keeps acknowledged faults through kill -9 and through a clean stop (snapshot), and a cleared fault stays cleared', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kill9-faults-'));
    const scenario = join(dir, 'rules.yaml');
    writeFileSync(scenario, stringify(rulesScenario));
    const args = ['--scenario', scenario, '--state-file', join(dir, 'state.json')];
    const put = (baseUrl: string, body: unknown) =>
      fetch(`${baseUrl}/__admin/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const faults = async (baseUrl: string) => ((await (await fetch(`${baseUrl}/__admin/faults`)).json()) as { data: unknown[] }).data;
    const usageStatus = async (baseUrl: string) => (await fetch(`${baseUrl}/billing/usage`, { headers: { Authorization: 'Bearer sk_test_acme' } })).status;
    let mock = await spawnServe(args);
    try {
      expect((await put(mock.baseUrl, [{ id: 'down', status: 503 }, { id: 'slow-solo', apiKey: 'sk_test_solo', latencyMs: 5 }])).status).toBe(200);
      await mock.kill(); // kill -9 right after the 200
      mock = await spawnServe(args);
      expect(await faults(mock.baseUrl)).toEqual([{ id: 'down', status: 503 }, { id: 'slow-solo', apiKey: 'sk_test_solo', latencyMs: 5 }]);
      expect(await usageStatus(mock.baseUrl)).toBe(503);
      await mock.stop(); // a clean stop writes the snapshot (faults in it) and empties the journal
      mock = await spawnServe(args);
      expect(await faults(mock.baseUrl)).toEqual([{ id: 'down', status: 503 }, { id: 'slow-solo', apiKey: 'sk_test_solo', latencyMs: 5 }]);
      expect((await fetch(`${mock.baseUrl}/__admin/faults`, { method: 'DELETE', headers: { 'Content-Type': 'application/json' } })).status).toBe(200);
      await mock.kill();
      mock = await spawnServe(args);
      expect(await faults(mock.baseUrl)).toEqual([]);
      expect(await usageStatus(mock.baseUrl)).toBe(200);
    } finally {
      await mock.stop();
    }
  }, 60_000);

  it('stops the start with exit 2, naming the file, when the snapshot is damaged, and leaves it untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    const stateFile = join(dir, 'state.json');
    const damaged = '{"name":"rules","description":"cut off","atsIntegrations":[],"companies":[{"na';
    writeFileSync(stateFile, damaged);
    const r = spawnSync(process.execPath, [...CLI, 'serve', '--port', '0', '--state-file', stateFile], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`State file ${stateFile} does not apply`);
    expect(readFileSync(stateFile, 'utf8')).toBe(damaged);
  });
});
