import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Scenario } from './types.ts';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/**
 * Writes a scenario as the text of a scenario file (DESIGN §7), loadable by `--scenario FILE`.
 * Shape: `format` `yaml` gives block style with one flow map per line for each ATS integration,
 * company, key and event (as mock/scenarios/seed-examples.yaml), date-times single-quoted, no line
 * folding, and `header` lines as a leading `#` comment; `json` gives 2-space indented JSON (JSON has no
 * comments, so `header` is left out). Ends with a newline. Never throws for a schema-valid scenario.
 */
export function formatScenarioText(scenario: Scenario, format: 'yaml' | 'json', header: readonly string[] = []): string {
  if (format === 'json') return `${JSON.stringify(scenario, null, 2)}\n`;
  const doc = new Document(scenario);
  if (header.length > 0) doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  for (const key of ['atsIntegrations', 'companies', 'apiKeys', 'usageEvents']) {
    const list = doc.get(key);
    if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
  }
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && DATE_TIME.test(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}
