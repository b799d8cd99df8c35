import type { CheckProblem } from './judgeAnswer.ts';
import type { ProviderCheckReport } from './runProviderCheck.ts';

const FIRST_PROBLEM_WIDTH = 100;

/** `rule 3`, `spec`, `status`, `headers`: how a problem's rule is printed. */
export const ruleLabel = (p: CheckProblem): string => (typeof p.rule === 'number' ? `rule ${p.rule}` : p.rule);

/** Where a problem is: the body pointer (`/` for the whole body), the header's name, or nothing for a status. */
export const whereLabel = (p: CheckProblem): string => (p.pointer !== undefined ? p.pointer || '/' : (p.header ?? ''));

/** One problem as `rule where: message` (the table's last column, the JUnit failure message). */
export const describeProblem = (p: CheckProblem): string => [ruleLabel(p), whereLabel(p)].filter(Boolean).join(' ') + `: ${p.message}`;

const clip = (s: string, width: number): string => (s.length <= width ? s : `${s.slice(0, width - 1)}…`);

/** Request numbers as ids with runs folded: [7, 8, 9, 10, 14] → `R07-R10,R14`. */
function idRanges(numbers: number[]): string {
  const id = (n: number) => `R${String(n).padStart(2, '0')}`;
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${id(numbers[i]!)}-${id(numbers[j]!)}` : numbers.slice(i, j + 1).map(id).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

/** Lays rows out in columns two spaces apart; the last column is not padded. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd());
}

/**
 * Renders a `check` run for a terminal or a CI log: a header line, a table (`#`, request, key, status,
 * verdict, first problem), then every distinct problem on its own line (`R05  FAIL  rule 3  /data/…  message`;
 * the same problem on several requests is one line listing them, `R07-R10,R14`; failures first, then
 * warnings), then a summary line. Verdicts: `pass`, `warn`, `FAIL`, `skip`.
 * Shape: the whole text, ending with a newline; deterministic for a given report. DESIGN §9.
 */
export function formatProviderCheck(report: ProviderCheckReport): string {
  if (report.unreachable) return `check: cannot reach ${report.baseUrl} (${report.unreachable}); is it running, and is the URL right?\n`;
  const lines = [`check ${report.baseUrl}: ${report.results.length} requests planned, ${report.sent} sent (at most ${report.maxRequests} per run)`, ''];
  const rows = [['#', 'request', 'key', 'status', 'verdict', 'first problem']];
  for (const r of report.results) {
    const first = r.verdict === 'skip' ? `not sent: ${r.skippedBecause}` : r.problems[0] ? describeProblem(r.problems[0]) : '';
    rows.push([r.id, r.label, r.key ?? '-', r.status === null ? '-' : String(r.status), r.verdict === 'fail' ? 'FAIL' : r.verdict, clip(first, FIRST_PROBLEM_WIDTH)]);
  }
  lines.push(...columns(rows));
  // The same problem on several requests (a field every answer lacks) is one line listing the requests.
  const groups = new Map<string, { ids: number[]; p: CheckProblem }>();
  for (const [index, r] of report.results.entries()) {
    for (const p of r.problems) {
      const key = JSON.stringify([p.severity, ruleLabel(p), whereLabel(p), p.message]);
      const group = groups.get(key) ?? { ids: [], p };
      group.ids.push(index + 1);
      groups.set(key, group);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => Number(a.p.severity === 'warning') - Number(b.p.severity === 'warning'));
  if (ordered.length > 0) {
    lines.push('', 'Problems (requests, severity, rule, where, what):');
    lines.push(...columns(ordered.map(({ ids, p }) => [idRanges(ids), p.severity === 'failure' ? 'FAIL' : 'warn', ruleLabel(p), whereLabel(p) || '-', p.message])));
  }
  const count = (v: string) => report.results.filter((r) => r.verdict === v).length;
  lines.push('', `check: ${count('fail') > 0 ? 'FAILED' : 'passed'}: ${count('pass')} passed, ${count('warn')} passed with warnings, ${count('fail')} failed, ${count('skip')} skipped (of ${report.results.length} requests)`);
  return `${lines.join('\n')}\n`;
}
