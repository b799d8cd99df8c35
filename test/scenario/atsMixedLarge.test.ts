import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATS_MIXED_LARGE_FILE, atsMixedLargeScenarioText } from '../../scripts/makeAtsMixedLargeScenario.ts';
import { checkUsageReport } from '../../src/billing/checkUsageReport.ts';
import { startMock, type TestMock } from '../support/startMock.ts';

describe('scenario ats-mixed-large (DESIGN §4)', () => {
  it('is exactly what scripts/makeAtsMixedLargeScenario.ts writes (run it after changing the script)', () => {
    expect(readFileSync(ATS_MIXED_LARGE_FILE, 'utf8')).toBe(atsMixedLargeScenarioText());
  });

  describe('loaded', () => {
    let m: TestMock;
    beforeAll(async () => {
      m = await startMock('ats-mixed-large', { now: '2026-11-29T12:00:00Z' });
    }, 60_000);
    afterAll(() => m?.close());

    it('holds about a million events over 200 companies, a third of them in credits', async () => {
      const health = await m.admin('GET', '/health');
      expect(health.body.data.events).toBeGreaterThan(900_000);
      expect(health.body.data.events).toBeLessThan(1_100_000);
      const r = await m.get('/billing/usage?start=2026-08-31&end=2026-11-29', 'sk_test_ats_large');
      expect(r.status).toBe(200);
      expect(r.body.data.companies).toHaveLength(200);
      expect(r.body.data.companies.filter((c: any) => c.billingSystem === 'credits')).toHaveLength(66);
      expect(checkUsageReport(r.body, { keyType: 'ats', strict: true })).toEqual([]);
    });
  });
});
