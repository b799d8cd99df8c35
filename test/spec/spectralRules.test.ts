import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** One Spectral finding, as `spectral lint -f json` prints it. */
interface Finding {
  code: string;
  message: string;
  path: Array<string | number>;
  source: string;
}

/** A copy of spec/ with one file edited: `file` (under spec/) has `find` replaced by `replace`. */
interface BrokenCopy {
  name: string;
  file: 'openapi.yaml' | 'admin.openapi.yaml' | 'scenario.schema.json';
  find: string;
  replace: string;
}

const REAL_SPECS = ['spec/openapi.yaml', 'spec/admin.openapi.yaml', 'spec/scenario.schema.json'];

const COPIES: BrokenCopy[] = [
  {
    name: 'nullable',
    file: 'openapi.yaml',
    find: '    Quantity:\n      type: number\n',
    replace: '    Quantity:\n      type: number\n      nullable: true\n',
  },
  { name: 'quantity-example', file: 'openapi.yaml', find: 'examples: [245.5]', replace: 'examples: [-1]' },
  { name: 'scenario-example', file: 'scenario.schema.json', find: '"examples": ["GENERIC"]', replace: '"examples": ["generic"]' },
  { name: 'schema-example', file: 'openapi.yaml', find: '      examples: [interview_minutes]\n', replace: '      example: Interview Minutes\n' },
  { name: 'parameter-example', file: 'openapi.yaml', find: "        date:\n          value: '2024-01-01'\n", replace: "        date:\n          value: '2024-01-10T10:00:00+09'\n" },
  { name: 'media-example', file: 'admin.openapi.yaml', find: "        mode: frozen\n        now: '2024-01-31T10:30:00Z'\n", replace: "        mode: frozen\n        now: '2024-01-31 10:30:00Z'\n" },
  {
    name: 'extension',
    file: 'openapi.yaml',
    find: '      operationId: getUsage\n',
    replace: '      operationId: getUsage\n      x-internal: false\n',
  },
  {
    name: 'header-named-x',
    file: 'openapi.yaml',
    find: '            X-Request-Id:\n              $ref: \'#/components/headers/X-Request-Id\'\n            X-RateLimit-Limit-Minute:',
    replace: "            X-Request-Id:\n              $ref: '#/components/headers/X-Request-Id'\n            x-trace-id:\n              $ref: '#/components/headers/X-Request-Id'\n            X-RateLimit-Limit-Minute:",
  },
  {
    name: 'no-4xx',
    file: 'admin.openapi.yaml',
    find: "                $ref: '#/components/schemas/HealthResponse'\n        '401':\n          $ref: '#/components/responses/AdminTokenRequired'\n        '403':\n          $ref: '#/components/responses/Refused'\n        '405':\n          $ref: '#/components/responses/MethodNotAllowed'\n",
    replace: "                $ref: '#/components/schemas/HealthResponse'\n",
  },
];

let dir: string;
let findings: Finding[];

/** The file Spectral lints for a broken copy. */
const fileOf = (copy: BrokenCopy) => join(dir, copy.name, copy.file);
const findingsOf = (name: string) => findings.filter((f) => f.source === fileOf(COPIES.find((c) => c.name === name)!));

// One Spectral run lints every broken copy and the real specs (about 4 s), with the project ruleset.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spectral-rules-'));
  for (const copy of COPIES) {
    cpSync('spec', join(dir, copy.name), { recursive: true });
    const text = readFileSync(fileOf(copy), 'utf8');
    if (!text.includes(copy.find)) throw new Error(`Broken copy "${copy.name}": spec/${copy.file} no longer contains ${JSON.stringify(copy.find)}; update the test`);
    writeFileSync(fileOf(copy), text.replace(copy.find, copy.replace));
  }
  const cli = spawnSync(
    process.execPath,
    ['node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', ...REAL_SPECS, ...COPIES.map(fileOf), '--ruleset', '.spectral.yaml', '-f', 'json', '--quiet'],
    { encoding: 'utf8' },
  );
  if (!cli.stdout.trim().startsWith('[')) throw new Error(`spectral lint printed no JSON (exit ${cli.status}):\n${cli.stdout}\n${cli.stderr}`);
  findings = JSON.parse(cli.stdout) as Finding[];
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the project Spectral ruleset (.spectral.yaml)', () => {
  it('finds nothing in the real specs', () => {
    expect(findings.filter((f) => REAL_SPECS.map((p) => resolve(p)).includes(f.source))).toEqual([]);
  });

  it('no-nullable refuses `nullable: true` on a schema', () => {
    expect(findingsOf('nullable').map((f) => [f.code, f.path.join('.')])).toEqual([['no-nullable', 'components.schemas.Quantity.nullable']]);
  });

  it('schema-examples-valid refuses Quantity.examples: [-1], since a quantity is at least 0', () => {
    const found = findingsOf('quantity-example');
    expect(found.map((f) => [f.code, f.path.join('.')])).toEqual([['schema-examples-valid', 'components.schemas.Quantity.examples.0']]);
    expect(found[0]!.message).toContain('Example -1 fails its own schema: / must be >= 0');
  });

  it('schema-examples-valid checks spec/scenario.schema.json too: an agent focus is upper case', () => {
    const found = findingsOf('scenario-example');
    expect(found.map((f) => [f.code, f.path.join('.')])).toEqual([['schema-examples-valid', '$defs.AgentFocus.examples.0']]);
    expect(found[0]!.message).toContain('Example "generic" fails its own schema: / must match pattern "^[A-Z][A-Z0-9_]*$"');
  });

  it('oas3-valid-schema-example refuses a schema `example` that fails the schema (a cost key is lower case)', () => {
    expect(findingsOf('schema-example').map((f) => [f.code, f.path.join('.')])).toEqual([['oas3-valid-schema-example', 'components.schemas.CostKey.example']]);
  });

  it('oas3-valid-media-example refuses a parameter example with an hour-only offset', () => {
    const found = findingsOf('parameter-example');
    expect(found.map((f) => [f.code, f.path.join('.')])).toEqual([['oas3-valid-media-example', 'components.parameters.Start.examples.date.value']]);
    expect(found[0]!.message).toContain('must match pattern');
  });

  it('oas3-valid-media-example refuses an admin media example whose instant has a space instead of T', () => {
    const found = findingsOf('media-example').filter((f) => f.path.join('.') === 'components.examples.FreezeClock.value.now');
    expect(found.map((f) => f.code)).toEqual(['oas3-valid-media-example']);
  });

  it('no-unread-extensions refuses an x- field on an operation', () => {
    const found = findingsOf('extension');
    expect(found.map((f) => [f.code, f.path.join('.')])).toEqual([['no-unread-extensions', 'paths./billing/usage.get.x-internal']]);
    expect(found[0]!.message).toContain('`x-internal` is an extension no tool of this toolkit reads');
  });

  it('no-unread-extensions leaves alone a response header that is merely named x-trace-id', () => {
    expect(findingsOf('header-named-x')).toEqual([]);
  });

  it('operation-error-response refuses an operation without a 4XX response', () => {
    const found = findingsOf('no-4xx').filter((f) => f.code === 'operation-error-response');
    expect(found.map((f) => f.path.join('.'))).toEqual(['paths./__admin/health.get.responses']);
    expect(found[0]!.message).toBe('Operation has no 4XX response: describe the errors a client can cause (400, 401, 404, … or 4XX).');
  });
});
