import type { MockApp } from '../createApp.ts';
import type { Scenario } from '../store/applyScenario.ts';

/**
 * The whole state in the scenario format (`GET /__admin/state`, DESIGN §6.2): entities as stored,
 * every event (generated ones included) as explicit `usageEvents`, no generators, the clock as now
 * (frozen at its instant, or real with the offset earlier advances left). Loading it with `PUT /__admin/state` reproduces the same answers.
 */
export function snapshotState(mock: MockApp): Scenario {
  const { store, clock } = mock.ctx;
  const loaded = mock.currentScenario();
  const state = clock.state();
  return {
    name: loaded.name,
    description: loaded.description,
    clock: state.mode === 'frozen' ? { mode: 'frozen', now: state.now } : { mode: 'real', ...(state.offsetMs > 0 ? { offsetMs: state.offsetMs } : {}) },
    ...(loaded.seed === undefined ? {} : { seed: loaded.seed }),
    ...(loaded.rateLimit === undefined ? {} : { rateLimit: loaded.rateLimit }),
    atsIntegrations: store.atsIntegrations(),
    companies: store.companies(),
    apiKeys: store.apiKeys(),
    usageEvents: store.listUsageEvents(),
  };
}

/**
 * What reset, scenario loads and health report of the state (spec/admin.openapi.yaml `StateSummary`):
 * the loaded scenario's name, the number of stored usage events and the clock (DESIGN §6.2, §6.4).
 */
export function stateSummary(mock: MockApp): { scenario: string; events: number; clock: ReturnType<MockApp['ctx']['clock']['state']> } {
  return { scenario: mock.currentScenario().name, events: mock.ctx.store.usage.count(), clock: mock.ctx.clock.state() };
}
