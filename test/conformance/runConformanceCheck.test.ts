import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformanceCheck } from '../../src/conformance/runConformanceCheck.ts';
import { startMock, type TestMock } from '../support/startMock.ts';
import { IDS, rulesScenario } from '../support/rulesScenario.ts';

let m: TestMock;
beforeAll(async () => {
  m = await startMock(rulesScenario);
});
afterAll(() => m.close());

/** A provider that answers every request with one fixed JSON body. */
const providerAnswering = (status: number, body: unknown): typeof fetch => async () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const goodBody = () => ({
  success: true,
  data: {
    companies: [
      { companyId: IDS.initech, companyName: 'Initech', billingSystem: 'minutes', totalInterviews: 2, totalMinutesUsed: 3, breakdownByCostKey: [{ costKey: 'interview_minutes', events: 2, minutesUsed: 3 }] },
    ],
    totalInterviews: 2,
    totalMinutesUsed: 3,
    breakdownByCostKey: [{ costKey: 'interview_minutes', events: 2, minutesUsed: 3 }],
  },
  error: null,
  timestamp: '2024-03-01T12:00:00.000Z',
});

describe('runConformanceCheck', () => {
  it('finds our mock conforming for a mixed ATS key and for a companyId', async () => {
    const all = await runConformanceCheck({ baseUrl: m.baseUrl, apiKey: 'sk_test_ats', keyType: 'ats', strict: true });
    expect(all).toMatchObject({ status: 200, ok: true, schemaIssues: [], violations: [] });
    const one = await runConformanceCheck({ baseUrl: m.baseUrl, apiKey: 'sk_test_ats', keyType: 'ats', companyId: IDS.umbrella, start: '2024-02-01', end: '2024-03-01' });
    expect(one.ok).toBe(true);
  });

  it('fails when the answer is not the expected 200, naming the error code', async () => {
    const report = await runConformanceCheck({ baseUrl: m.baseUrl, apiKey: 'sk_test_unknown' });
    expect(report).toMatchObject({ status: 401, ok: false, statusProblem: 'expected HTTP 200, got 401 INVALID_API_KEY', schemaIssues: [] });
  });

  it('judges an expected error answer against the error envelope', async () => {
    const report = await runConformanceCheck({ baseUrl: m.baseUrl, apiKey: 'sk_test_unknown', expectStatus: 401 });
    expect(report).toMatchObject({ status: 401, ok: true });
  });

  it('reports totals that do not add up as a §8 rule 3 violation', async () => {
    const body = goodBody();
    body.data.companies[0]!.totalMinutesUsed = 4;
    const report = await runConformanceCheck({ baseUrl: 'http://provider.test', apiKey: 'k', fetch: providerAnswering(200, body) });
    expect(report.ok).toBe(false);
    expect(report.violations).toContainEqual(expect.objectContaining({ rule: 3, pointer: '/data/companies/0/totalMinutesUsed' }));
  });

  it('reports null in place of an omitted unit only in strict mode (§8 rule 11)', async () => {
    const body = { ...goodBody(), data: { ...goodBody().data, totalCreditsUsed: null } };
    const lax = await runConformanceCheck({ baseUrl: 'http://provider.test', apiKey: 'k', fetch: providerAnswering(200, body) });
    expect(lax.violations.some((v) => v.rule === 11)).toBe(false);
    const strict = await runConformanceCheck({ baseUrl: 'http://provider.test', apiKey: 'k', strict: true, fetch: providerAnswering(200, body) });
    expect(strict.violations).toContainEqual(expect.objectContaining({ rule: 11, pointer: '/data/totalCreditsUsed' }));
  });

  it('reports two companies for a regular key as a §8 rule 9 violation', async () => {
    const body = goodBody();
    body.data.companies.push({ ...body.data.companies[0]!, companyId: IDS.stark, companyName: 'Stark', totalInterviews: 0, totalMinutesUsed: 0, breakdownByCostKey: [] });
    const report = await runConformanceCheck({ baseUrl: 'http://provider.test', apiKey: 'k', keyType: 'regular', fetch: providerAnswering(200, body) });
    expect(report.violations.map((v) => v.rule)).toContain(9);
  });

  it('reports a body that is not JSON instead of throwing', async () => {
    const report = await runConformanceCheck({ baseUrl: 'http://provider.test', apiKey: 'k', expectStatus: 502, fetch: providerAnswering(502, '<html>bad gateway</html>') });
    expect(report).toMatchObject({ status: 502, ok: false });
    expect(report.schemaIssues[0]!.message).toContain('not JSON');
  });
});
