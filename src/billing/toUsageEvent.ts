import { parseInstant } from './parseInstant.ts';
import { creditsForMinutes, milliToNumber, parseQuantity, type PricingRule } from './quantity.ts';
import type { BillingSystem, UsageEvent } from './types.ts';

/** The default cost key of an event (the only one the public docs name). DESIGN §6.1. */
export const DEFAULT_COST_KEY = 'interview_minutes';

/** The default agent focus of an event. DESIGN §6.1. */
export const DEFAULT_AGENT_FOCUS = 'GENERIC';

/**
 * What {@link toUsageEvent} needs to know of the event's company: its id (a lower-case UUID), its
 * billing system and its pricing rules by agent focus (credits companies). DESIGN §6.1.
 */
export interface PricedCompany {
  id: string;
  billingSystem: BillingSystem;
  pricing?: Record<string, PricingRule>;
}

/**
 * A usage event as a caller writes it (scenario files, the control plane), after its shape was checked
 * against `spec/scenario.schema.json#/$defs/UsageEventInput`. Units: `occurredAt` an ISO 8601 instant;
 * `minutes`, `credits` decimals with at most 3 places. DESIGN §6.1.
 */
export interface UsageEventFields {
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

/** One refused field of an event: its name as in the input (`minutes`, `occurredAt`, …) and why. */
export interface EventFieldProblem {
  field: string;
  reason: string;
}

/**
 * Turns one caller-written event into the billing domain's exact form (DESIGN §6.1, §6.8). Checks what a
 * schema cannot: the company exists, quantities have at most 3 decimals and stay within the exact range,
 * the instant is real, credits belong to a credits company. A credits company's event without `credits`
 * is priced by the company's rule for its `agentFocus` (half-up to 3 decimals, fixed when stored); a
 * price beyond the exact range is refused on `credits`. Ids must already be given (the caller fills
 * missing ones first, so a change can be replayed).
 * @returns the event, or every problem found; never throws.
 */
export function toUsageEvent(input: UsageEventFields, company: PricedCompany | undefined): { ok: true; event: UsageEvent } | { ok: false; problems: EventFieldProblem[] } {
  const problems: EventFieldProblem[] = [];
  if (!company) problems.push({ field: 'companyId', reason: `no company with id ${String(input.companyId)}` });
  if (input.id === undefined) problems.push({ field: 'id', reason: 'is required here (fill it before converting)' });
  if (input.interviewId === undefined) problems.push({ field: 'interviewId', reason: 'is required here (fill it before converting)' });
  const agentFocus = input.agentFocus ?? DEFAULT_AGENT_FOCUS;
  const at = typeof input.occurredAt === 'string' ? parseInstant(input.occurredAt) : { ok: false as const, reason: 'must be an ISO 8601 instant' };
  if (!at.ok) problems.push({ field: 'occurredAt', reason: at.reason });
  const minutes = parseQuantity(input.minutes);
  if (!minutes.ok) problems.push({ field: 'minutes', reason: minutes.reason });
  const given = input.credits === undefined ? undefined : parseQuantity(input.credits);
  if (given && !given.ok) problems.push({ field: 'credits', reason: given.reason });
  if (given && company?.billingSystem === 'minutes') {
    problems.push({ field: 'credits', reason: `company ${company.id} bills in minutes; credits are only for events of a credits company` });
  }
  let creditsMilli = given?.ok ? given.milli : undefined;
  if (company?.billingSystem === 'credits' && creditsMilli === undefined && minutes.ok && problems.length === 0) {
    const rule = company.pricing?.[agentFocus];
    if (!rule) problems.push({ field: 'credits', reason: `required: company ${company.id} bills in credits and has no pricing rule for agentFocus ${agentFocus}` });
    else {
      const priced = creditsForMinutes(rule, minutes.milli);
      if (priced.ok) creditsMilli = priced.milli;
      else problems.push({ field: 'credits', reason: priced.reason });
    }
  }
  if (problems.length > 0 || !at.ok || !minutes.ok || !company) return { ok: false, problems };
  return {
    ok: true,
    event: {
      id: input.id!.toLowerCase(),
      companyId: company.id,
      interviewId: input.interviewId!.toLowerCase(),
      costKey: input.costKey ?? DEFAULT_COST_KEY,
      occurredAtMs: at.ms,
      minutesMilli: minutes.milli,
      ...(creditsMilli === undefined ? {} : { creditsMilli }),
      agentFocus,
      isTest: input.isTest ?? false,
    },
  };
}

/**
 * A stored event as the control plane shows it (spec/admin.openapi.yaml `StoredUsageEvent`): instants
 * as ISO 8601 UTC with milliseconds, quantities as decimals, every default filled. DESIGN §6.1.
 */
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

/** The control plane's view of a stored event: instants as ISO 8601, quantities as decimals. DESIGN §6.1. */
export function toUsageEventRecord(event: Readonly<UsageEvent>): UsageEventRecord {
  return {
    id: event.id,
    companyId: event.companyId,
    interviewId: event.interviewId,
    costKey: event.costKey,
    occurredAt: new Date(event.occurredAtMs).toISOString(),
    minutes: milliToNumber(event.minutesMilli),
    ...(event.creditsMilli === undefined ? {} : { credits: milliToNumber(event.creditsMilli) }),
    agentFocus: event.agentFocus,
    isTest: event.isTest,
  };
}
