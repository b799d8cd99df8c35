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

/** A QA scenario, schema-valid (type generated from spec/scenario.schema.json, DESIGN §7). */
export type Scenario = Schemas['Scenario'];

/** The mock clock as the control plane reports it (DESIGN §6.4; spec/admin.openapi.yaml `ClockState`). */
export type ClockState = Schemas['ClockState'];

/** A clock change: freeze (at `now` or the current instant), real time (with an offset), or an advance (DESIGN §6.4). */
export type ClockUpdate = Schemas['ClockUpdate'];

/** One refused item of a batch, or one refused field of an entity (DESIGN §6: `details` names the field). */
export interface FieldProblem {
  index?: number;
  field: string;
  reason: string;
}
