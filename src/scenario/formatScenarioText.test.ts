import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatScenarioText } from './formatScenarioText.ts';
import type { Scenario } from './types.ts';

const ACME = '11111111-1111-4111-8111-111111111111';

/** A scenario with values YAML could misread if written plain: `null`/`true` cost keys, `: #` in a name, an upper-case id. */
function awkward(): Scenario {
  return {
    name: 'repro',
    description: 'Reproduces: a report # with a colon',
    clock: { mode: 'frozen', now: '2024-01-31T00:00:00.000Z' },
    atsIntegrations: [{ id: 'a0000000-0000-4000-8000-0000000000aa', name: 'Reproduced ATS' }],
    companies: [{ id: ACME, name: 'A: b # c', billingSystem: 'credits', atsIntegrationId: 'a0000000-0000-4000-8000-0000000000aa' }],
    apiKeys: [{ key: 'sk_test_repro', type: 'ats', atsIntegrationId: 'a0000000-0000-4000-8000-0000000000aa' }],
    usageEvents: [
      { id: 'e0000000-0000-4000-8000-000000000001', companyId: ACME.toUpperCase(), interviewId: 'b0000000-0000-4000-8000-000000000001', costKey: 'null', occurredAt: '2024-01-04T00:00:00.000Z', minutes: 0, credits: 0.001 },
      { id: 'e0000000-0000-4000-8000-000000000002', companyId: ACME, interviewId: 'b0000000-0000-4000-8000-000000000001', costKey: 'true', occurredAt: '2024-01-05T00:00:00.000Z', minutes: 0, credits: 999999999999.999, isTest: false },
    ],
  };
}

describe('formatScenarioText (scenario files of DESIGN §7)', () => {
  it('writes YAML that reads back as the same scenario, awkward strings included', () => {
    expect(parse(formatScenarioText(awkward(), 'yaml'))).toEqual(awkward());
  });

  it('writes one event per line, date-times single-quoted', () => {
    const text = formatScenarioText(awkward(), 'yaml');
    expect(text).toContain(
      "  - { id: e0000000-0000-4000-8000-000000000002, companyId: 11111111-1111-4111-8111-111111111111, interviewId: b0000000-0000-4000-8000-000000000001, costKey: \"true\", occurredAt: '2024-01-05T00:00:00.000Z', minutes: 0, credits: 999999999999.999, isTest: false }\n",
    );
  });

  it('puts the header lines in a leading comment', () => {
    expect(formatScenarioText(awkward(), 'yaml', ['Made by: from-report', 'Key sk_test_repro']).startsWith('# Made by: from-report\n# Key sk_test_repro\n')).toBe(true);
  });

  it('writes an empty event list as []', () => {
    expect(parse(formatScenarioText({ ...awkward(), usageEvents: [] }, 'yaml')).usageEvents).toEqual([]);
  });

  it('writes JSON that reads back as the same scenario', () => {
    expect(JSON.parse(formatScenarioText(awkward(), 'json'))).toEqual(awkward());
  });
});
