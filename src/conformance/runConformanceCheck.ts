import { checkUsageReport, type InvariantViolation } from '../billing/checkUsageReport.ts';
import { validateCollapsed, type ValidationIssue } from '../validation/index.ts';

/** What to ask the provider under test, and how strictly to judge the answer; see each field. DESIGN §8, §9 (`check`). */
export interface ConformanceCheckOptions {
  /** The provider's base URL, e.g. `https://api.instaview.sk` or `http://127.0.0.1:4010`. */
  baseUrl: string;
  apiKey: string;
  /** The kind of key, when known: enables DESIGN §8 rule 9 (one company for a regular key). */
  keyType?: 'regular' | 'ats';
  /** `start`/`end` sent as given (ISO 8601 date or instant). */
  start?: string;
  end?: string;
  companyId?: string;
  /** DESIGN §8 rule 11: `null` in place of an omitted unit field is a violation. */
  strict?: boolean;
  /** The HTTP status the answer must have (default 200): an expired key must not make a check pass. */
  expectStatus?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * The verdict on one answer: HTTP status, spec (schema) issues and billing-rule violations.
 * Shape: `ok` true iff the status is the expected one and both lists are empty; pointers into the body. DESIGN §8.
 */
export interface ConformanceReport {
  url: string;
  status: number;
  /** Issues against the spec's schema for that status (`UsageResponse` for 200, `ErrorResponse` otherwise), at most one per pointer. */
  schemaIssues: ValidationIssue[];
  /** DESIGN §8 violations (200 answers only). */
  violations: InvariantViolation[];
  /** Set when the status is not the expected one, e.g. `expected HTTP 200, got 401 INVALID_API_KEY`. */
  statusProblem?: string;
  ok: boolean;
}

/**
 * Calls `GET /billing/usage` on a provider and judges the answer against the spec and the billing
 * invariants of DESIGN §8 — what Pact cannot check (absent fields, totals that add up).
 * Shape: a body that is not JSON gives one schema issue (keyword `json`); only a 200 is checked against §8.
 * @throws what `fetch` throws when the provider cannot be reached. DESIGN §8, §9.
 */
export async function runConformanceCheck(options: ConformanceCheckOptions): Promise<ConformanceReport> {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/billing/usage`);
  for (const name of ['start', 'end', 'companyId'] as const) {
    const value = options[name];
    if (value !== undefined) url.searchParams.set(name, value);
  }
  const res = await (options.fetch ?? fetch)(url, { headers: { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' } });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const issue = { pointer: '', message: `the body is not JSON: ${text.slice(0, 120)}`, keyword: 'json' };
    return { url: url.toString(), status: res.status, schemaIssues: [issue], violations: [], ok: false };
  }
  // One issue per pointer, oneOf resolved by billingSystem (docs/decisions/0012-provider-check.md).
  const schemaIssues = validateCollapsed('api', res.status === 200 ? '/components/schemas/UsageResponse' : '/components/schemas/ErrorResponse', body);
  const violations =
    res.status === 200
      ? checkUsageReport(body, {
          ...(options.keyType ? { keyType: options.keyType } : {}),
          ...(options.companyId ? { companyId: options.companyId } : {}),
          strict: options.strict ?? false,
        })
      : [];
  const expected = options.expectStatus ?? 200;
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  const statusProblem = res.status === expected ? undefined : `expected HTTP ${expected}, got ${res.status}${typeof code === 'string' ? ` ${code}` : ''}`;
  return {
    url: url.toString(),
    status: res.status,
    schemaIssues,
    violations,
    ...(statusProblem ? { statusProblem } : {}),
    ok: !statusProblem && schemaIssues.length === 0 && violations.length === 0,
  };
}

/**
 * Renders a report for a terminal: a verdict line, then one line per finding (`status`, `spec`, `rule §8.N`),
 * the root pointer shown as `/`, a schema issue left out where a §8 rule names the same pointer; ends with a newline. DESIGN §9 (`instaview-mock check`).
 */
export function formatConformanceReport(report: ConformanceReport): string {
  const lines = [`GET ${report.url} → HTTP ${report.status}: ${report.ok ? 'conforms' : 'DOES NOT CONFORM'}`];
  if (report.statusProblem) lines.push(`  status   ${report.statusProblem}`);
  // A §8 rule at the same pointer says more than the schema issue there: print it alone.
  const ruled = new Set(report.violations.map((v) => v.pointer));
  for (const i of report.schemaIssues) if (!ruled.has(i.pointer)) lines.push(`  spec     ${i.pointer || '/'}: ${i.message}`);
  for (const v of report.violations) lines.push(`  rule §8.${v.rule} ${v.pointer || '/'}: ${v.message}`);
  return lines.join('\n') + '\n';
}
