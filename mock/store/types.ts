import type { BillingSystem } from '../../src/billing/types.ts';
import type { PricingRule } from '../../src/billing/quantity.ts';

/** An ATS integration: the owner of ATS keys and of the companies they manage (DESIGN §6.1). */
export interface AtsIntegration {
  id: string;
  name: string;
}

/**
 * A company as stored: `id` a lower-case UUID; `pricing` maps an agent focus (`GENERIC`, `SCREENING`, …)
 * to the rule that prices its credits events (DESIGN §6.1).
 */
export interface StoredCompany {
  id: string;
  name: string;
  billingSystem: BillingSystem;
  atsIntegrationId?: string;
  pricing?: Record<string, PricingRule>;
}

/** A key's rate-limit plan: a named plan or explicit limits in requests per window (DESIGN §3.6). */
export type RatePlan = 'trial' | 'starter' | 'business' | 'scale' | { perMinute: number; perHour: number };

/**
 * An API key as stored, with every default filled in (DESIGN §6.1).
 * `expiresAt` is an ISO 8601 instant; the key is expired when the mock clock's now ≥ it.
 */
export interface StoredApiKey {
  key: string;
  type: 'regular' | 'ats';
  companyId?: string;
  atsIntegrationId?: string;
  scopes: string[];
  status: 'active' | 'revoked' | 'suspended';
  expiresAt?: string;
  plan?: RatePlan;
}

/**
 * A usage event as a caller writes it (scenario files, `POST /__admin/usage-events`).
 * Units: `occurredAt` an ISO 8601 instant; `minutes` and `credits` decimals with at most 3 places.
 * Defaults: `id`/`interviewId` new UUIDs, `costKey` `interview_minutes`, `agentFocus` `GENERIC`, `isTest` false.
 */
export interface UsageEventInput {
  id?: string;
  companyId: string;
  interviewId?: string;
  costKey?: string;
  occurredAt: string;
  minutes: number;
  credits?: number;
  agentFocus?: string;
  isTest?: boolean;
}

/** A usage event as the control plane returns it: every default filled in. */
export interface UsageEventRecord {
  id: string;
  companyId: string;
  interviewId: string;
  costKey: string;
  occurredAt: string;
  minutes: number;
  credits?: number;
  agentFocus: string;
  isTest: boolean;
}

/** One refused item of a batch, or one refused field of an entity (DESIGN §6: `details` names the field). */
export interface FieldProblem {
  index?: number;
  field: string;
  reason: string;
}

/**
 * Why the store refused a change, as the control plane answers it (DESIGN §6):
 * 400 `VALIDATION_ERROR`, 404 `RESOURCE_NOT_FOUND`, 409 `CONFLICT`.
 */
export interface StoreError {
  status: 400 | 404 | 409;
  code: 'VALIDATION_ERROR' | 'RESOURCE_NOT_FOUND' | 'CONFLICT';
  message: string;
  details?: Record<string, unknown>;
}

/** A store operation's outcome as a value. */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };
