import type { components } from '../generated/admin.ts';

/**
 * A scenario as written in a scenario file: the whole state of the mock (DESIGN §7).
 * Shape: generated from `spec/scenario.schema.json#/$defs/Scenario` (via spec/admin.openapi.yaml);
 * defaults not yet filled. Cross references and decimals are not checked yet: the store does that.
 */
export type Scenario = components['schemas']['Scenario'];

/**
 * One reason a scenario file was refused, for humans and tools.
 * Shape: `file` as given to the loader; `pointer` a JSON pointer into the document (`""` for the
 * whole file); `line` and `column` 1-based, when known (`column` only for syntax errors). DESIGN §7.
 */
export interface ScenarioError {
  file: string;
  pointer: string;
  line?: number;
  column?: number;
  message: string;
}

/**
 * A problem found in a parsed scenario value, before it is tied to a file: where and why.
 * Shape: `pointer` a JSON pointer into the value (`""` for the whole value); `message` one sentence. DESIGN §7.
 */
export interface ScenarioIssue {
  pointer: string;
  message: string;
}

/** What loading a scenario file gives: the scenario, or every error found. DESIGN §7. */
export type ScenarioLoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };
