import { checkUsageReport } from '../billing/checkUsageReport.ts';
import { parseInstant } from '../billing/parseInstant.ts';
import type { UsageReport } from '../billing/report.ts';
import { isUuid } from '../billing/uuid.ts';
import { buildReproScenario } from './buildReproScenario.ts';
import { findOrderDifferences } from './findOrderDifferences.ts';
import { findReproductionObstacles, type ReportProblem } from './findReproductionObstacles.ts';
import { instantsFit } from './spreadInstants.ts';
import type { Scenario } from './types.ts';

export type { ReportProblem } from './findReproductionObstacles.ts';

/** The key written into a reproduced scenario unless the caller names another. */
export const DEFAULT_REPRO_KEY = 'sk_test_repro';
const SCENARIO_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const API_KEY = /^sk_[A-Za-z0-9_]{1,120}$/;

/**
 * How to read a report for {@link scenarioFromReport}.
 * Shape: `start`, `end` the period the report covers, in the API's grammar (DESIGN §3.2: `YYYY-MM-DD`
 * or an RFC 3339 date-time); `keyType` of the key that asked (default: `ats` when the report lists
 * other than one company or `companyId` is given, else `regular`); `companyId` the `companyId` an ATS
 * key sent; `name` the scenario's name (default `repro`); `apiKey` the key to write (default
 * {@link DEFAULT_REPRO_KEY}); `validateReport` checks the envelope against spec/openapi.yaml's
 * `UsageResponse` (pass `validateUsageResponse` from src/validation, or a browser build's
 * standalone validator), returning issues with JSON pointers into it. Issue 14.
 */
export interface FromReportOptions {
  start: string;
  end: string;
  keyType?: 'regular' | 'ats';
  companyId?: string;
  name?: string;
  apiKey?: string;
  validateReport: (envelope: unknown) => ReadonlyArray<{ pointer: string; message: string }>;
}

/**
 * What {@link scenarioFromReport} gives: the scenario and what to tell its user, or why not.
 * Shape: `usage` means the arguments or the input's kind are wrong (a CLI exit 2), with one sentence;
 * `unreproducible` means no consistent provider gives this report (a CLI exit 1), with every problem,
 * pointers into the input as given (`/companies/0/…` when only `data` was given). `warnings` say how
 * the mock's answer will differ in form only (order, id case). `startMs`/`endMs` in milliseconds since epoch.
 */
export type FromReportResult =
  | { ok: true; scenario: Scenario; apiKey: string; keyType: 'regular' | 'ats'; startMs: number; endMs: number; eventCount: number; warnings: string[] }
  | { ok: false; reason: 'usage'; message: string }
  | { ok: false; reason: 'unreproducible'; problems: ReportProblem[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const usage = (message: string): FromReportResult => ({ ok: false, reason: 'usage', message });

/** The input as a success envelope, and whether only its `data` was given; or why it is no usage answer. */
function unwrap(input: unknown, endMs: number): { envelope: Json; dataOnly: boolean } | { message: string } {
  const expected = 'expected a GET /billing/usage answer: the whole {"success", "data", "error", "timestamp"} or only its data {"companies", …}';
  if (!isObject(input)) return { message: `the input is not a JSON object; ${expected}` };
  if ('data' in input) {
    if (input.success === false || input.data === null) {
      const error = isObject(input.error) ? `${String(input.error.code)}: ${String(input.error.message)}` : 'no usage data';
      return { message: `the input is an error answer (${error}), not a usage report` };
    }
    return { envelope: input, dataOnly: false };
  }
  if ('companies' in input) return { envelope: { success: true, data: input, error: null, timestamp: new Date(endMs).toISOString() }, dataOnly: true };
  return { message: `the input has neither "data" nor "companies"; ${expected}` };
}

/** Reads `start` and `end` (DESIGN §3.2) into milliseconds, or a sentence naming the bad one. */
function readPeriod(start: string, end: string): { startMs: number; endMs: number } | { message: string } {
  const s = parseInstant(start);
  if (!s.ok) return { message: `start "${start}" ${s.reason}` };
  const e = parseInstant(end);
  if (!e.ok) return { message: `end "${end}" ${e.reason}` };
  if (e.ms <= s.ms) return { message: `end ${end} must be after start ${start} (the period is [start, end))` };
  return { startMs: s.ms, endMs: e.ms };
}

/** Every reason the envelope cannot be reproduced: the spec's schema, the §8 rules, the mock's limits. */
function findProblems(envelope: Json, options: FromReportOptions, keyType: 'regular' | 'ats'): ReportProblem[] {
  const schema = options.validateReport(envelope).map((issue) => ({ source: 'spec', pointer: issue.pointer, message: issue.message }));
  const context = { keyType, strict: true, ...(keyType === 'ats' && options.companyId !== undefined ? { companyId: options.companyId } : {}) };
  const rules = checkUsageReport(envelope, context).map((v) => ({ ...(v.rule > 0 ? { rule: v.rule } : {}), source: v.rule > 0 ? `§8 rule ${v.rule}` : 'spec', pointer: v.pointer, message: v.message }));
  // The §8 rules first: they say why no provider gives this; the schema's oneOf messages are noisier.
  return [...rules, ...findReproductionObstacles(envelope), ...schema];
}

/** The first company whose events do not fit at distinct milliseconds in the period, as a sentence. */
function periodTooShort(report: UsageReport, startMs: number, endMs: number): string | undefined {
  for (const company of report.companies) {
    const events = company.breakdownByCostKey.reduce((sum, b) => sum + b.events, 0);
    if (!instantsFit(startMs, endMs, events)) {
      return `the period is ${endMs - startMs} ms long, too short for the ${events} events of ${company.companyName} (${company.companyId}) at distinct milliseconds; check --start and --end`;
    }
  }
  return undefined;
}

/**
 * Turns a GET /billing/usage answer into a scenario whose mock gives the same answer (minus
 * `timestamp`) for the same period, and for the default query when the period is exactly 30 days.
 * Shape: `input` the parsed JSON, the whole envelope or only `data`; `options` as
 * {@link FromReportOptions}. The report is refused, with every problem, when it breaks the spec's
 * schema, a §8 rule, or a limit of the mock (src/scenario/findReproductionObstacles.ts). The scenario
 * is as src/scenario/buildReproScenario.ts describes; the same input always gives the same scenario.
 * Pure: no I/O, no clock, no `Math.random`; runs in a browser. Never throws for bad input.
 * DESIGN §3.2–§3.5, §6.1, §7, §8; docs/decisions/0010-scenario-from-report.md; issue 14.
 */
export function scenarioFromReport(input: unknown, options: FromReportOptions): FromReportResult {
  const name = options.name ?? 'repro';
  const apiKey = options.apiKey ?? DEFAULT_REPRO_KEY;
  if (!SCENARIO_NAME.test(name)) return usage(`scenario name "${name}" must be lowercase letters, digits and dashes (at most 64), starting with a letter or digit`);
  if (!API_KEY.test(apiKey)) return usage(`API key "${apiKey}" must look like sk_ followed by letters, digits or _`);
  if (options.companyId !== undefined && !isUuid(options.companyId)) return usage(`companyId "${options.companyId}" is not a UUID`);
  const period = readPeriod(options.start, options.end);
  if ('message' in period) return usage(period.message);
  const unwrapped = unwrap(input, period.endMs);
  if ('message' in unwrapped) return usage(unwrapped.message);
  const { envelope, dataOnly } = unwrapped;

  const companies = isObject(envelope.data) && Array.isArray(envelope.data.companies) ? envelope.data.companies : [];
  const keyType = options.keyType ?? (companies.length !== 1 || options.companyId !== undefined ? 'ats' : 'regular');
  const problems = findProblems(envelope, options, keyType);
  if (problems.length > 0) {
    const relative = (pointer: string): string => (dataOnly && pointer.startsWith('/data') ? pointer.slice('/data'.length) : pointer);
    return { ok: false, reason: 'unreproducible', problems: problems.map((p) => ({ ...p, pointer: relative(p.pointer) })) };
  }

  const report = envelope.data as UsageReport;
  const tooShort = periodTooShort(report, period.startMs, period.endMs);
  if (tooShort !== undefined) return usage(tooShort);
  const eventCount = report.breakdownByCostKey.reduce((sum, b) => sum + b.events, 0);
  const scenario = buildReproScenario({
    report,
    ...period,
    keyType,
    apiKey,
    name,
    atsName: 'Reproduced ATS',
    description: `Reproduces a GET /billing/usage answer for [${options.start}, ${options.end}) with ${keyType} key ${apiKey}: ${report.companies.length} ${report.companies.length === 1 ? 'company' : 'companies'}, ${eventCount} events. Made by instaview-mock scenario from-report.`,
  });
  return { ok: true, scenario, apiKey, keyType, ...period, eventCount, warnings: findOrderDifferences(report) };
}
