/**
 * The unit a company is billed in: interview minutes or credits.
 * DESIGN §3.4, §6.1; the API reference's `billingSystem`.
 */
export type BillingSystem = 'minutes' | 'credits';

/**
 * A company as the billing domain sees it.
 * Shape: `id` a UUID, `name` the display name reported as `companyName`, `atsIntegrationId` the
 * UUID of the ATS integration managing it, if any. DESIGN §3.3, §6.1.
 */
export interface Company {
  id: string;
  name: string;
  billingSystem: BillingSystem;
  atsIntegrationId?: string;
}

/**
 * One stored usage event, with its quantities already exact.
 * Units: `occurredAtMs` milliseconds since epoch; `minutesMilli` and `creditsMilli` thousandths of a
 * minute / credit (non-negative safe integers). `creditsMilli` is set for credits companies' events
 * (given or priced when stored, DESIGN §6.1). `isTest` events are stored but never counted (§3.4).
 */
export interface UsageEvent {
  id: string;
  companyId: string;
  interviewId: string;
  costKey: string;
  occurredAtMs: number;
  minutesMilli: number;
  creditsMilli?: number;
  agentFocus: string;
  isTest: boolean;
}

/**
 * One cost key's usage of one company over a period, in the company's unit.
 * Units: `events` a count; `milli` thousandths of the company's unit (minutes or credits). DESIGN §3.4.
 */
export interface TallyBucket {
  costKey: string;
  events: number;
  milli: number;
}

/**
 * A company's usage over a period, before it is shaped into the API's JSON.
 * Shape: `buckets` sorted by `costKey` in code-unit order, only cost keys with at least one event;
 * `interviews` the number of distinct `interviewId` among the counted events. DESIGN §3.4.
 */
export interface Tally {
  buckets: TallyBucket[];
  interviews: number;
}

/**
 * A 400 answer for a bad query parameter, in the API's error shape.
 * Shape: `details.field` names the parameter, `details.value` is what was sent (an array when the
 * parameter was repeated), `details.reason` says what is wrong. DESIGN §3.1 step 6, §3.2.
 */
export interface ValidationError {
  code: 'VALIDATION_ERROR';
  message: string;
  details: { field: string; value: unknown; reason: string };
}

/** Builds a {@link ValidationError} whose message names the parameter and the reason. DESIGN §3.2. */
export function validationError(field: string, value: unknown, reason: string): ValidationError {
  return {
    code: 'VALIDATION_ERROR',
    message: `Invalid query parameter "${field}": ${reason}`,
    details: { field, value, reason },
  };
}
