import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUsageIndex } from './createUsageIndex.ts';
import type { UsageEvent } from '../billing/types.ts';

const COMPANIES = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

const eventArb = fc.record({
  company: fc.integer({ min: 0, max: 2 }),
  minute: fc.integer({ min: 0, max: 20 }), // few distinct times: many ties across and within companies
  isTest: fc.boolean(),
});

describe('UsageIndex.page', () => {
  it('returns the slice list() would give, and its total, without building the rest', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 60 }),
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 21 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 21 }), { nil: undefined }),
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 1, max: 20 }),
        (specs, company, from, to, offset, limit) => {
          const index = createUsageIndex();
          const events: UsageEvent[] = specs.map((s, i) => ({
            id: `e0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            companyId: COMPANIES[s.company]!,
            interviewId: `f0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            costKey: 'interview_minutes',
            occurredAtMs: s.minute * 60_000,
            minutesMilli: 1000,
            agentFocus: 'GENERIC',
            isTest: s.isTest,
          }));
          index.add(events);
          const filter = {
            ...(company === undefined ? {} : { companyId: COMPANIES[company]! }),
            ...(from === undefined ? {} : { startMs: from * 60_000 }),
            ...(to === undefined ? {} : { endMs: to * 60_000 }),
          };
          const all = index.list(filter);
          const page = index.page(filter, offset, limit);
          expect(page.total).toBe(all.length);
          expect(page.items.map((e) => e.id)).toEqual(all.slice(offset, offset + limit).map((e) => e.id));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('pages an empty index to nothing', () => {
    expect(createUsageIndex().page({}, 0, 10)).toEqual({ total: 0, items: [] });
  });
});
