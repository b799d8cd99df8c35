import type { FixtureCompany, FixtureOptions } from './startFixtureProvider.ts';

/** Data unlike the mock's: one minutes company for the regular key, a credits and a minutes company for the ATS key. */
export const FIXTURE_MINUTES: FixtureCompany = {
  companyId: 'a1a1a1a1-0000-4000-8000-000000000001',
  companyName: 'Fixture Minutes GmbH',
  billingSystem: 'minutes',
  totalInterviews: 3,
  buckets: [
    { costKey: 'interview_minutes', events: 3, used: 12.345 },
    { costKey: 'transcription', events: 2, used: 0.5 },
  ],
};
export const ALPHA: FixtureCompany = { companyId: 'a1a1a1a1-0000-4000-8000-000000000002', companyName: 'Alpha Hiring', billingSystem: 'credits', totalInterviews: 4, buckets: [{ costKey: 'interview_minutes', events: 4, used: 20.25 }] };
export const BETA: FixtureCompany = {
  companyId: 'a1a1a1a1-0000-4000-8000-000000000003',
  companyName: 'Beta Talent',
  billingSystem: 'minutes',
  totalInterviews: 2,
  buckets: [
    { costKey: 'interview_minutes', events: 1, used: 0.1 },
    { costKey: 'transcription', events: 1, used: 0.2 },
  ],
};
export const REGULAR = 'sk_live_fixtureRegular0000000000000001';
export const ATS = 'sk_live_fixtureAts000000000000000000002';
export const FIXTURE_KEYS: FixtureOptions['keys'] = { [REGULAR]: { kind: 'regular', companies: [FIXTURE_MINUTES] }, [ATS]: { kind: 'ats', companies: [ALPHA, BETA] } };
