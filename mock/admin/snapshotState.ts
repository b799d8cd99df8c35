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
