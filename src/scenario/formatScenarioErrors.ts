import type { ScenarioError } from './types.ts';

/**
 * Formats scenario errors for a terminal, one per line, in the `file:line:` style editors link to.
 * Shape: `mock/scenarios/x.yaml:12: /companies/0/billingSystem: must be equal to one of the allowed
 * values (minutes, credits)`; a syntax error adds its column (`x.yaml:4:7: YAML syntax error: …`);
 * the root pointer is shown as `/`; an error without a line omits it. DESIGN §7.
 */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  return errors
    .map((e) => {
      const where = [e.file, e.line, e.line === undefined ? undefined : e.column].filter((part) => part !== undefined).join(':');
      return e.pointer === '' && e.column !== undefined ? `${where}: ${e.message}` : `${where}: ${e.pointer || '/'}: ${e.message}`;
    })
    .join('\n');
}
