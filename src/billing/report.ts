/**
 * The report types, matching the JSON of GET /billing/usage's `data` exactly.
 * Absent unit fields are absent keys (never `undefined`-valued or `null`), so `JSON.stringify` and
 * `'creditsUsed' in bucket` agree. Quantities are JSON numbers with at most 3 decimals. DESIGN §3.4, §3.5.
 */

/**
 * One cost key's usage; in the top-level breakdown it may carry both units.
 * Units: `events` a count; `minutesUsed` minutes; `creditsUsed` credits. DESIGN §3.4, §3.5.
 */
export interface CostKeyBucket {
  costKey: string;
  events: number;
  minutesUsed?: number;
  creditsUsed?: number;
}

/** A minutes company's bucket: `minutesUsed` (minutes) present, `creditsUsed` absent. DESIGN §3.4. */
export interface MinutesCostKeyBucket {
  costKey: string;
  events: number;
  minutesUsed: number;
}

/** A credits company's bucket: `creditsUsed` (credits) present, `minutesUsed` absent. DESIGN §3.4. */
export interface CreditsCostKeyBucket {
  costKey: string;
  events: number;
  creditsUsed: number;
}

/**
 * A minutes company's usage: `totalMinutesUsed` in minutes, no credits fields.
 * Shape: `totalInterviews` distinct interviews; buckets sorted by `costKey`. DESIGN §3.4.
 */
export interface MinutesCompanyUsage {
  companyId: string;
  companyName: string;
  billingSystem: 'minutes';
  totalMinutesUsed: number;
  totalInterviews: number;
  breakdownByCostKey: MinutesCostKeyBucket[];
}

/**
 * A credits company's usage: `totalCreditsUsed` in credits, no minutes fields.
 * Shape: `totalInterviews` distinct interviews; buckets sorted by `costKey`. DESIGN §3.4.
 */
export interface CreditsCompanyUsage {
  companyId: string;
  companyName: string;
  billingSystem: 'credits';
  totalCreditsUsed: number;
  totalInterviews: number;
  breakdownByCostKey: CreditsCostKeyBucket[];
}

/** One company's usage, discriminated by `billingSystem`. DESIGN §3.4. */
export type CompanyUsage = MinutesCompanyUsage | CreditsCompanyUsage;

/**
 * The `data` of a 200 from GET /billing/usage.
 * Units: `totalMinutesUsed` minutes (present iff some company bills in minutes), `totalCreditsUsed`
 * credits (likewise); `totalInterviews` the sum of the companies'. DESIGN §3.5.
 */
export interface UsageReport {
  companies: CompanyUsage[];
  totalMinutesUsed?: number;
  totalCreditsUsed?: number;
  totalInterviews: number;
  breakdownByCostKey: CostKeyBucket[];
}
