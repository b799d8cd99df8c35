import { validateAgainst } from '../../src/validation/index.ts';

/**
 * Whether the spec's instant schemas accept a text, through ajv compiled from the spec files
 * (src/validation): the `start` and `end` parameters of spec/openapi.yaml (DESIGN §3.2), its response
 * `Instant`, and the scenario format's `DateTime` (spec/scenario.schema.json). Issue 15.
 */
export const specAccepts = {
  start: (text: string) => validateAgainst('api', '/components/parameters/Start/schema', text).length === 0,
  end: (text: string) => validateAgainst('api', '/components/parameters/End/schema', text).length === 0,
  instant: (text: string) => validateAgainst('api', '/components/schemas/Instant', text).length === 0,
  scenarioDateTime: (text: string) => validateAgainst('scenario', '/$defs/DateTime', text).length === 0,
};

/** A number as `width` digits, e.g. pad(7, 2) = "07". */
export const pad = (n: number, width: number) => String(n).padStart(width, '0');
