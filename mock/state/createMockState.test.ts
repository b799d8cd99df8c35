import { describe, expect, it } from 'vitest';
import { IDS, rulesScenario } from '../../test/support/rulesScenario.ts';
import type { JournalRecord } from './commands.ts';
import { createMockState, type MockState, type StatePersistence } from './createMockState.ts';

/** Ids 00000000-0000-4000-8000-000000000001, …02, … in order: every id the state makes is known in advance. */
function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

const WALL = Date.parse('2026-06-15T08:00:00Z');

async function fresh(persistence?: StatePersistence): Promise<MockState> {
  const state = await createMockState({ scenario: rulesScenario, newId: counterIds(), wallClock: () => WALL });
  if (persistence) state.attachPersistence(persistence);
  return state;
}

describe('mock state commands, without HTTP (DESIGN §6)', () => {
  it('loads the scenario: 12 events, the frozen clock, revision 0', async () => {
    const state = await fresh();
    expect(state.summary()).toEqual({ scenario: 'rules', events: 12, clock: { mode: 'frozen', now: '2024-03-01T12:00:00.000Z', offsetMs: 0 }, revision: 0 });
  });

  it('creates a company with a new id from the id maker, and counts the revision', async () => {
    const state = await fresh();
    const result = await state.execute({ type: 'createCompany', input: { name: 'Newco', billingSystem: 'minutes' } });
    // The scenario's 12 events took ids 1–24 (an id and an interview id each when missing: 8 events lack interviewId).
    expect(result.ok && result.value.name).toBe('Newco');
    expect(result.ok && result.value.id).toMatch(/^00000000-0000-4000-8000-0000000000\d\d$/);
    expect(state.revision()).toBe(1);
    expect(state.store.company(result.ok ? result.value.id : '')?.billingSystem).toBe('minutes');
  });

  it('stores a batch of events and answers with its count and ids in order', async () => {
    const state = await fresh();
    const result = await state.execute({
      type: 'addUsageEvents',
      events: [
        { id: 'c0000000-0000-4000-8000-000000000001', companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 1.5 },
        { id: 'c0000000-0000-4000-8000-000000000002', companyId: IDS.globex, occurredAt: '2024-02-20T00:00:00Z', minutes: 12.5 },
      ],
    });
    expect(result).toMatchObject({ ok: true, value: { count: 2, ids: ['c0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002'] } });
    // Globex's GENERIC rule prices 12.5 minutes at 2 + 0.35 × 2.5 = 2.875 credits.
    const globex = state.store.pageUsageEvents({ companyId: IDS.globex, startMs: Date.parse('2024-02-20T00:00:00Z') }, 0, 10).items;
    expect(globex.map((e) => e.credits)).toEqual([2.875]);
    expect(state.store.eventCount()).toBe(14);
  });

  it('applies nothing of a batch with one bad item, and lists every bad item by index', async () => {
    const state = await fresh();
    const result = await state.execute({
      type: 'addUsageEvents',
      events: [
        { companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 1 },
        { companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 1.0001 },
        { companyId: '99999999-9999-4999-8999-999999999999', occurredAt: '2024-02-20T00:00:00Z', minutes: 1 },
      ],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && (result.error.details!.errors as Array<{ index: number; field: string }>).map((e) => [e.index, e.field])).toEqual([
      [1, 'minutes'],
      [2, 'companyId'],
    ]);
    expect(state.store.eventCount()).toBe(12);
    expect(state.revision()).toBe(0);
  });

  it('refuses a clock set past year 9999 and leaves the clock as it was (DESIGN §6.8)', async () => {
    const state = await fresh();
    const result = await state.execute({ type: 'setClock', clock: { mode: 'frozen', now: '9999-12-31T23:59:59.999Z' } });
    expect(result.ok).toBe(true);
    const past = await state.execute({ type: 'setClock', clock: { advanceMs: 1 } });
    expect(past).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', details: { field: 'advanceMs' } } });
    expect(state.clockState().now).toBe('9999-12-31T23:59:59.999Z');
  });

  it('resets to the scenario as loaded: events, entities and clock, and clears faults', async () => {
    const state = await fresh();
    await state.execute({ type: 'deleteCompany', id: IDS.acme });
    await state.execute({ type: 'setClock', clock: { advanceMs: 60_000 } });
    await state.execute({ type: 'setFaults', faults: [{ status: 500 }] });
    expect(state.store.eventCount()).toBe(7);
    const reset = await state.execute({ type: 'reset' });
    expect(reset).toMatchObject({ ok: true, value: { scenario: 'rules', events: 12, clock: { now: '2024-03-01T12:00:00.000Z' } } });
    expect(state.store.company(IDS.acme)?.name).toBe('Acme');
    expect(state.faults.list()).toEqual([]);
  });

  it('a reset store is its own: a change after the reset does not reach the reset target', async () => {
    const state = await fresh();
    await state.execute({ type: 'reset' });
    await state.execute({ type: 'addUsageEvents', events: [{ companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 1 }] });
    expect(state.store.eventCount()).toBe(13);
    await state.execute({ type: 'reset' });
    expect(state.store.eventCount()).toBe(12);
  });

  it('replaces the state whole, or not at all when the new scenario does not apply', async () => {
    const state = await fresh();
    const bad = await state.execute({ type: 'replaceState', scenario: { ...rulesScenario, name: 'bad', usageEvents: [{ companyId: IDS.acme, occurredAt: '2024-02-20T00:00:00Z', minutes: 0.0001 }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', details: { field: '/usageEvents/0/minutes' } } });
    expect(state.summary()).toMatchObject({ scenario: 'rules', events: 12, revision: 0 });
    const good = await state.execute({ type: 'replaceState', scenario: { ...rulesScenario, name: 'smaller', usageEvents: [], clock: { mode: 'frozen', now: '2025-01-01T00:00:00Z' } } });
    expect(good).toMatchObject({ ok: true, value: { scenario: 'smaller', events: 0, clock: { now: '2025-01-01T00:00:00.000Z' }, revision: 1 } });
  });

  it('saves a change before applying it, with the ids it chose, and applies nothing when saving fails (DESIGN §6.5)', async () => {
    const saved: JournalRecord[] = [];
    let failing = false;
    const persistence: StatePersistence = {
      append: async (record) => {
        if (failing) throw new Error('EROFS: read-only file system');
        saved.push(record);
      },
      saveSnapshot: async () => undefined,
      health: () => ({ status: 'ok' }),
    };
    const state = await fresh(persistence);
    const created = await state.execute({ type: 'createAtsIntegration', input: { name: 'Saved ATS' } });
    expect(saved).toEqual([{ seq: 1, command: { type: 'createAtsIntegration', input: { name: 'Saved ATS', id: created.ok ? created.value.id : '' } } }]);
    failing = true;
    const refused = await state.execute({ type: 'deleteCompany', id: IDS.acme });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STATE_NOT_SAVED' } });
    expect(state.store.company(IDS.acme)).toBeDefined();
    expect(state.revision()).toBe(1);
  });

  it('replays journal records in order to the same state, and refuses one out of sequence', async () => {
    const saved: JournalRecord[] = [];
    const original = await fresh({ append: async (r) => void saved.push(r), saveSnapshot: async () => undefined, health: () => ({ status: 'ok' }) });
    await original.execute({ type: 'addUsageEvents', events: [{ companyId: IDS.wayne, occurredAt: '2024-02-21T00:00:00Z', minutes: 4 }] });
    await original.execute({ type: 'setClock', clock: { mode: 'frozen' } });
    await original.execute({ type: 'updateCompany', id: IDS.wayne, patch: { name: 'Wayne Enterprises' } });
    // The replica makes the same ids as the original while loading, then others: replayed ids must come from the records.
    const ids = counterIds();
    const replica = await createMockState({ scenario: rulesScenario, newId: () => ids(), wallClock: () => WALL });
    for (let i = 0; i < 5; i++) ids();
    expect((await replica.replay(saved[1]!)).ok).toBe(false);
    for (const record of saved) expect((await replica.replay(record)).ok).toBe(true);
    expect(replica.store.pageUsageEvents({ companyId: IDS.wayne }, 0, 10).items).toEqual(original.store.pageUsageEvents({ companyId: IDS.wayne }, 0, 10).items);
    expect(replica.store.company(IDS.wayne)?.name).toBe('Wayne Enterprises');
    expect(replica.clockState()).toEqual(original.clockState());
    expect(replica.revision()).toBe(3);
  });

  it('runs commands one at a time in the order they were given', async () => {
    const state = await fresh();
    const [a, b] = await Promise.all([
      state.execute({ type: 'createApiKey', input: { key: 'sk_test_first', type: 'regular', companyId: IDS.acme } }),
      state.execute({ type: 'deleteApiKey', key: 'sk_test_first' }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(state.store.apiKey('sk_test_first')).toBeUndefined();
  });
});

describe('faults are part of the state (DESIGN §6.5, §6.7)', () => {
  const withFaults = { ...rulesScenario, faults: [{ status: 503 as const }, { id: 'solo-slow', apiKey: 'sk_test_solo', latencyMs: 20 }] };

  it('installs a scenario\'s faults, an id made for one without, and a reset brings them back', async () => {
    const state = await createMockState({ scenario: withFaults, newId: counterIds(), wallClock: () => WALL });
    const installed = state.faults.list();
    expect(installed).toEqual([{ id: expect.stringMatching(/^00000000-0000-4000-8000-0000000000\d\d$/), status: 503 }, { id: 'solo-slow', apiKey: 'sk_test_solo', latencyMs: 20 }]);
    await state.execute({ type: 'clearFaults' });
    expect(state.faults.list()).toEqual([]);
    await state.execute({ type: 'reset' });
    expect(state.faults.list()).toEqual(installed);
  });

  it('journals a fault change with its ids filled, and the snapshot carries the faults in effect', async () => {
    const saved: JournalRecord[] = [];
    const state = await fresh({ append: async (r) => void saved.push(r), saveSnapshot: async () => {}, health: () => ({ status: 'ok' }) } as StatePersistence);
    const result = await state.execute({ type: 'setFaults', faults: [{ status: 429 }] });
    expect(result.ok).toBe(true);
    expect(saved).toEqual([{ seq: 1, command: { type: 'setFaults', faults: [{ status: 429, id: expect.any(String) }] } }]);
    expect(state.snapshot().head.faults).toEqual([{ status: 429, id: (saved[0]!.command as { faults: Array<{ id: string }> }).faults[0]!.id }]);
    await state.execute({ type: 'clearFaults' });
    expect(saved[1]).toEqual({ seq: 2, command: { type: 'clearFaults' } });
    expect(state.snapshot().head.faults).toBeUndefined();
  });

  it('replays a journaled fault change exactly', async () => {
    const state = await fresh();
    const replayed = await state.replay({ seq: 1, command: { type: 'setFaults', faults: [{ id: 'f1', status: 500 }] } });
    expect(replayed.ok).toBe(true);
    expect(state.faults.list()).toEqual([{ id: 'f1', status: 500 }]);
  });

  it("refuses a scenario whose fault's code is another status's, naming the fault", async () => {
    await expect(createMockState({ scenario: { ...rulesScenario, faults: [{ status: 500 }, { status: 403, code: 'RATE_LIMIT_EXCEEDED' }] } })).rejects.toMatchObject({
      problems: [{ pointer: '/faults/1/code', message: expect.stringContaining('status 403: INSUFFICIENT_SCOPE, API_KEY_SUSPENDED, COMPANY_ACCESS_DENIED') }],
    });
  });
});
