/**
 * The report types, matching the JSON of GET /billing/usage's `data` exactly: the types generated from
 * spec/openapi.yaml (`src/generated/openapi.ts`), under the domain's names.
 * Absent unit fields are absent keys (never `undefined`-valued or `null`), so `JSON.stringify` and
 * `'creditsUsed' in bucket` agree. Quantities are JSON numbers with at most 3 decimals. DESIGN §3.4, §3.5.
 */
import type { components } from '../generated/openapi.ts';

type Schemas = components['schemas'];

/**
 * One cost key's usage in the top-level breakdown; it may carry both units (spec `GlobalCostKeyBucket`).
 * Units: `events` a count; `minutesUsed` minutes; `creditsUsed` credits; at least one unit present. DESIGN §3.5.
 */
export type CostKeyBucket = Schemas['GlobalCostKeyBucket'];

/** A minutes company's bucket: `minutesUsed` (minutes) present, `creditsUsed` absent (spec `MinutesCostKeyBucket`). DESIGN §3.4. */
export type MinutesCostKeyBucket = Schemas['MinutesCostKeyBucket'];

/** A credits company's bucket: `creditsUsed` (credits) present, `minutesUsed` absent (spec `CreditsCostKeyBucket`). DESIGN §3.4. */
export type CreditsCostKeyBucket = Schemas['CreditsCostKeyBucket'];

/**
 * A minutes company's usage: `totalMinutesUsed` in minutes, no credits fields (spec `MinutesCompanyUsage`).
 * Shape: `totalInterviews` distinct interviews; buckets sorted by `costKey`. DESIGN §3.4.
 */
export type MinutesCompanyUsage = Schemas['MinutesCompanyUsage'];

/**
 * A credits company's usage: `totalCreditsUsed` in credits, no minutes fields (spec `CreditsCompanyUsage`).
 * Shape: `totalInterviews` distinct interviews; buckets sorted by `costKey`. DESIGN §3.4.
 */
export type CreditsCompanyUsage = Schemas['CreditsCompanyUsage'];

/** One company's usage, discriminated by `billingSystem` (spec `CompanyUsage`). DESIGN §3.4. */
export type CompanyUsage = Schemas['CompanyUsage'];

/**
 * The `data` of a 200 from GET /billing/usage (spec `UsageReport`). Units: `totalMinutesUsed` minutes
 * (present iff some company bills in minutes), `totalCreditsUsed` credits (likewise);
 * `totalInterviews` the sum of the companies'. DESIGN §3.5.
 */
export type UsageReport = Schemas['UsageReport'];
