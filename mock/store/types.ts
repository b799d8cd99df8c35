import type { components } from '../../src/generated/admin.ts';

type Schemas = components['schemas'];

/** An ATS integration as stored: the owner of ATS keys and of the companies they manage (DESIGN §6.1; spec/admin.openapi.yaml). */
export type AtsIntegration = Schemas['StoredAtsIntegration'];

/**
 * A company as stored: `id` a lower-case UUID; `pricing` maps an agent focus (`GENERIC`, `SCREENING`, …)
 * to the rule that prices its credits events (DESIGN §6.1; generated from spec/scenario.schema.json).
 */
export type StoredCompany = Schemas['StoredCompany'];

/** A key's rate-limit plan: a named plan or explicit limits in requests per window (DESIGN §3.6). */
export type RatePlan = Schemas['RateLimitPlan'];

/**
 * An API key as stored, with `scopes` and `status` filled in (DESIGN §6.1).
 * `expiresAt` is an ISO 8601 instant; the key is expired when the mock clock's now ≥ it.
 */
export type StoredApiKey = Schemas['StoredApiKey'];

/**
 * A usage event as a caller writes it (scenario files, `POST /__admin/usage-events`).
 * Units: `occurredAt` an ISO 8601 instant; `minutes` and `credits` decimals with at most 3 places.
 * Defaults: `id`/`interviewId` new UUIDs, `costKey` `interview_minutes`, `agentFocus` `GENERIC`, `isTest` false.
 */
export type UsageEventInput = Schemas['UsageEventInput'];

/** A usage event as the control plane returns it: every default filled in. */
export type UsageEventRecord = Schemas['StoredUsageEvent'];

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
