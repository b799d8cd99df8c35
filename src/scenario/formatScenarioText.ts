import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Scenario } from './types.ts';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
/** Strings safe as plain YAML scalars here: UUIDs, and lower-case words that YAML 1.1 or 1.2 reads as no other type. */
const PLAIN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9_]*)$/;
const RESERVED = new Set(['null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n']);

/** One scalar of an event line: plain when unambiguous, a date-time single-quoted, anything else as a JSON string (valid YAML). */
function scalar(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  if (DATE_TIME.test(value) && !value.includes("'")) return `'${value}'`;
  return PLAIN.test(value) && !RESERVED.has(value) ? value : JSON.stringify(value);
}

/**
 * Writes a scenario as the text of a scenario file (DESIGN §7), loadable by `--scenario FILE`.
 * Shape: `format` `yaml` gives block style with one flow map per line for each ATS integration,
 * company, key and event (as mock/scenarios/seed-examples.yaml), date-times single-quoted, no line
 * folding, and `header` lines as a leading `#` comment; the events are written line by line without
 * building a YAML document (a million events stay fast); `json` gives 2-space indented JSON (JSON has
 * no comments, so `header` is left out). Ends with a newline. Never throws for a schema-valid scenario.
 */
export function formatScenarioText(scenario: Scenario, format: 'yaml' | 'json', header: readonly string[] = []): string {
  if (format === 'json') return `${JSON.stringify(scenario, null, 2)}\n`;
  const { usageEvents, ...rest } = scenario;
  const doc = new Document(rest);
  if (header.length > 0) doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  for (const key of ['atsIntegrations', 'companies', 'apiKeys']) {
    const list = doc.get(key);
    if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
  }
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && DATE_TIME.test(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  const head = doc.toString({ lineWidth: 0 });
  if (usageEvents === undefined) return head;
  if (usageEvents.length === 0) return `${head}usageEvents: []\n`;
  const lines = usageEvents.map((event) => `  - { ${Object.entries(event).map(([k, v]) => `${k}: ${scalar(v)}`).join(', ')} }\n`);
  return `${head}usageEvents:\n${lines.join('')}`;
}
