import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toUsageEventRecord } from '../billing/toUsageEvent.ts';
import type { UsageEvent } from '../billing/types.ts';
import { createUsageIndex } from './createUsageIndex.ts';

const event = fc.record({
  id: fc.oneof(fc.uuid().map((u) => u.toLowerCase()), fc.string({ minLength: 1, maxLength: 12 })),
  companyId: fc.constantFrom('11111111-1111-4111-8111-111111111111', 'odd "company" \\ id'),
  interviewId: fc.oneof(fc.uuid().map((u) => u.toLowerCase()), fc.string({ minLength: 1, maxLength: 12 })),
  costKey: fc.oneof(fc.constantFrom('interview_minutes', 'ai_analysis'), fc.string({ maxLength: 8 })),
  occurredAtMs: fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
  minutesMilli: fc.integer({ min: 0, max: 999_999_999_999_999 }),
  creditsMilli: fc.option(fc.integer({ min: 0, max: 9_007_199_254_740_991 }), { nil: undefined }),
  agentFocus: fc.constantFrom('GENERIC', 'SCREENING', 'X"Y'),
  isTest: fc.boolean(),
});

describe('the export writes each stored event exactly as the control plane shows it (DESIGN §6.6)', () => {
  it('jsonAt(row) is JSON.stringify(toUsageEventRecord(eventAt(row))) for any event', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 30 }), (events) => {
        const index = createUsageIndex();
        index.add(events as UsageEvent[]);
        for (const company of index.view().companies) {
          for (let row = 0; row < company.length; row++) expect(company.jsonAt(row)).toBe(JSON.stringify(toUsageEventRecord(company.eventAt(row))));
        }
      }),
      { seed: 6, numRuns: 200 },
    );
  });
});
