import { parseInstant } from '../../src/billing/parseInstant.ts';
import { creditsForMinutes, milliToNumber, parseQuantity } from '../../src/billing/quantity.ts';
import type { UsageEvent } from '../../src/billing/types.ts';
import type { FieldProblem, StoredCompany, UsageEventInput, UsageEventRecord } from './types.ts';

/** The default cost key of an event (the only one the public docs name). */
export const DEFAULT_COST_KEY = 'interview_minutes';

/**
 * Turns one caller-written event into the billing domain's exact form (DESIGN §6.1). The input's
 * shape (UUIDs, cost-key and agent-focus patterns, types) is the schema's job
 * (spec/scenario.schema.json `UsageEventInput`, checked before this); here come the rules a schema
 * cannot state: the company exists, quantities have at most 3 decimals, the instant is real, and
 * credits belong to a credits company.
 * Credits of a credits company's event are the given `credits`, else priced by the company's rule for
 * the event's `agentFocus` (half-up to 3 decimals, fixed when stored).
 * @param newId makes a UUID for a missing `id` or `interviewId`.
 * @returns the event, or the problems found (field names as in the input: `minutes`, `occurredAt`, …).
 */
export function toUsageEvent(
  input: UsageEventInput,
  company: StoredCompany | undefined,
  newId: () => string,
): { ok: true; event: UsageEvent } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!company) problems.push({ field: 'companyId', reason: `no company with id ${String(input.companyId)}` });
  const costKey = input.costKey ?? DEFAULT_COST_KEY;
  const agentFocus = input.agentFocus ?? 'GENERIC';
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
    if (rule) creditsMilli = creditsForMinutes(rule, minutes.milli);
    else problems.push({ field: 'credits', reason: `required: company ${company.id} bills in credits and has no pricing rule for agentFocus ${agentFocus}` });
  }
  if (problems.length > 0 || !at.ok || !minutes.ok || !company) return { ok: false, problems };
  return {
    ok: true,
    event: {
      id: (input.id ?? newId()).toLowerCase(),
      companyId: company.id,
      interviewId: (input.interviewId ?? newId()).toLowerCase(),
      costKey,
      occurredAtMs: at.ms,
      minutesMilli: minutes.milli,
      ...(creditsMilli === undefined ? {} : { creditsMilli }),
      agentFocus,
      isTest: input.isTest ?? false,
    },
  };
}

/** The control plane's view of a stored event: instants as ISO 8601, quantities as decimals. */
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
