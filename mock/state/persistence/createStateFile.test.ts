import { constants, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDS, rulesScenario } from '../../../test/support/rulesScenario.ts';
import { createMockState, type MockState } from '../createMockState.ts';
import { createStateFile, StateFileError, type StateFile, type StateFileSystem } from './createStateFile.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const event = (minutes: number) => ({ companyId: IDS.wayne, occurredAt: '2024-02-22T00:00:00Z', minutes });

/** A fresh folder and the state file path in it. */
function folder(): string {
  return join(mkdtempSync(join(tmpdir(), 'state-file-')), 'state.json');
}

/** Starts a state on `path` as `serve --state-file` does: recover, build, replay, attach. */
async function open(path: string, opts: { fs?: StateFileSystem; compactAfterRecords?: number; warn?: (m: string) => void } = {}): Promise<{ state: MockState; file: StateFile }> {
  const file = createStateFile({ path, logger: { ...quiet, ...(opts.warn ? { warn: opts.warn } : {}) }, ...(opts.fs ? { fs: opts.fs } : {}), ...(opts.compactAfterRecords ? { compactAfterRecords: opts.compactAfterRecords } : {}) });
  const recovered = await file.recover();
  const state = await createMockState({ scenario: recovered?.source ?? rulesScenario, resume: recovered !== undefined });
  for (const record of recovered?.records ?? []) if (record.seq > state.revision()) expect((await state.replay(record)).ok).toBe(true);
  await file.attach(state, recovered === undefined);
  return { state, file };
}

/** node:fs/promises whose file writes fail with EROFS while `broken.on` is true (a read-only folder, for a root user too). */
function breakableFs(broken: { on: boolean }): StateFileSystem {
  const fail = () => Promise.reject(Object.assign(new Error('EROFS: read-only file system, write'), { code: 'EROFS' }));
  return {
    ...fsp,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      if (broken.on && typeof args[1] === 'number' && (args[1] & constants.O_CREAT) !== 0 && (args[1] & constants.O_EXCL) !== 0) return fail();
      const handle = await fsp.open(...args);
      return new Proxy(handle, {
        get(target, prop, receiver) {
          if ((prop === 'write' || prop === 'datasync' || prop === 'sync') && broken.on) return fail;
          const value = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as StateFileSystem['open'],
  };
}

describe('--state-file: journal and snapshots (DESIGN §6.5)', () => {
  it('writes a snapshot at once for a new file, then keeps each change in the journal, and a restart has them all', async () => {
    const path = folder();
    const first = await open(path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ name: 'rules', revision: 0 });
    await first.state.execute({ type: 'addUsageEvents', events: [event(4)] });
    await first.state.execute({ type: 'updateCompany', id: IDS.wayne, patch: { name: 'Wayne Enterprises' } });
    expect(readFileSync(`${path}.journal`, 'utf8').trim().split('\n').map((l) => JSON.parse(l).seq)).toEqual([1, 2]);
    // No clean stop: the next start reads the snapshot and replays the journal.
    const second = await open(path);
    expect(second.state.store.eventCount(IDS.wayne)).toBe(2);
    expect(second.state.store.company(IDS.wayne)?.name).toBe('Wayne Enterprises');
    expect(second.state.revision()).toBe(2);
  });

  it('takes a snapshot at a clean stop, which empties the journal', async () => {
    const path = folder();
    const { state, file } = await open(path);
    await state.execute({ type: 'deleteCompany', id: IDS.acme });
    await file.close();
    expect(readFileSync(`${path}.journal`, 'utf8')).toBe('');
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    expect(snapshot.revision).toBe(1);
    expect(snapshot.companies.map((c: { id: string }) => c.id)).not.toContain(IDS.acme);
  });

  it('compacts a long journal into a snapshot in the background, keeping every change', async () => {
    const path = folder();
    const { state, file } = await open(path, { compactAfterRecords: 3 });
    for (let i = 1; i <= 5; i++) await state.execute({ type: 'addUsageEvents', events: [event(i)] });
    await file.close();
    const again = await open(path);
    expect(again.state.store.eventCount(IDS.wayne)).toBe(6);
    expect(again.state.revision()).toBe(5);
  });

  it('answers 503 STATE_NOT_SAVED when the change cannot be written, applies nothing, says degraded, and recovers', async () => {
    const broken = { on: false };
    const path = folder();
    const { state } = await open(path, { fs: breakableFs(broken) });
    broken.on = true;
    const refused = await state.execute({ type: 'addUsageEvents', events: [event(9)] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STATE_NOT_SAVED' } });
    expect(state.store.eventCount(IDS.wayne)).toBe(1);
    expect(state.health()).toEqual({ status: 'degraded', reason: `cannot write ${path}: EROFS` });
    const load = await state.execute({ type: 'loadScenario', name: 'anything' });
    expect(load.ok).toBe(false);
    const replaced = await state.execute({ type: 'replaceState', scenario: { ...rulesScenario, name: 'other' } });
    expect(replaced).toMatchObject({ ok: false, error: { code: 'STATE_NOT_SAVED' } });
    expect(state.summary().scenario).toBe('rules');
    broken.on = false;
    expect((await state.execute({ type: 'addUsageEvents', events: [event(9)] })).ok).toBe(true);
    expect(state.health()).toEqual({ status: 'ok' });
    const again = await open(path);
    expect(again.state.store.eventCount(IDS.wayne)).toBe(2);
  });

  it('drops a torn last journal line with a warning, and the next change starts on a clean line', async () => {
    const path = folder();
    const first = await open(path);
    await first.state.execute({ type: 'addUsageEvents', events: [event(1)] });
    writeFileSync(`${path}.journal`, `${readFileSync(`${path}.journal`, 'utf8')}{"seq":2,"command":{"type":"addUs`);
    const warnings: string[] = [];
    const second = await open(path, { warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('line 2 has no end');
    expect(second.state.revision()).toBe(1);
    await second.state.execute({ type: 'addUsageEvents', events: [event(2)] });
    expect(readFileSync(`${path}.journal`, 'utf8').trim().split('\n').map((l) => JSON.parse(l).seq)).toEqual([1, 2]);
  });

  it('refuses a journal damaged in the middle, naming the file and line, and leaves it untouched', async () => {
    const path = folder();
    const first = await open(path);
    await first.state.execute({ type: 'addUsageEvents', events: [event(1)] });
    const damaged = `not json\n${readFileSync(`${path}.journal`, 'utf8')}`;
    writeFileSync(`${path}.journal`, damaged);
    await expect(createStateFile({ path, logger: quiet }).recover()).rejects.toThrow(new StateFileError(`${path}.journal:1: not a journal record; the journal is damaged (restore it, or remove it to lose the changes it holds).`));
    expect(readFileSync(`${path}.journal`, 'utf8')).toBe(damaged);
  });

  it('refuses a journal with records but without its snapshot, and starts afresh beside an empty one (a crash before the first snapshot)', async () => {
    const path = folder();
    writeFileSync(`${path}.journal`, '{"seq":1,"command":{"type":"deleteCompany","id":"11111111-1111-4111-8111-111111111111"}}\n');
    await expect(createStateFile({ path, logger: quiet }).recover()).rejects.toThrow(`${path}.journal exists but ${path} does not: restore ${path}, or remove the journal to start afresh.`);
    writeFileSync(`${path}.journal`, '');
    const { state } = await open(path);
    expect(state.revision()).toBe(0);
    expect(existsSync(path)).toBe(true);
  });

  it('does not follow a symlink planted at the journal path', async () => {
    const path = folder();
    const target = `${path}.target`;
    writeFileSync(target, 'precious\n');
    symlinkSync(target, `${path}.journal`);
    const file = createStateFile({ path, logger: quiet });
    const state = await createMockState({ scenario: rulesScenario });
    await expect(file.attach(state, true)).rejects.toMatchObject({ code: 'ELOOP' });
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    expect(existsSync(path)).toBe(false);
  });

  it('opens every temp file it writes exclusively and without following symlinks', async () => {
    const flags: number[] = [];
    const spy: StateFileSystem = { ...fsp, open: ((p: string, f: number, m?: number) => (String(p).includes('.tmp-') && flags.push(f), fsp.open(p, f, m))) as StateFileSystem['open'] };
    const path = folder();
    const { state, file } = await open(path, { fs: spy });
    await state.execute({ type: 'addUsageEvents', events: [event(1)] });
    await file.close();
    expect(flags.length).toBeGreaterThanOrEqual(2);
    for (const f of flags) expect(f & (constants.O_EXCL | constants.O_NOFOLLOW | constants.O_CREAT)).toBe(constants.O_EXCL | constants.O_NOFOLLOW | constants.O_CREAT);
  });
});
