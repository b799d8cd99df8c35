import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerPactsVsSpecCommand } from '../../src/cli/pactsVsSpecCommand.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PACT = join(ROOT, 'contracts/pacts/billing-dashboard-instaview-billing-api.json');
const MINUTES_30_DAYS = 'a request for the last 30 days with a regular key of a minutes-billed company';
const START_NOT_A_DATE = 'a request whose start is not a date';

/** Runs `pacts-vs-spec` in this process, collecting its output and exit code. */
async function pactsVsSpec(files: string[]): Promise<{ code: number; lines: string[] }> {
  let text = '';
  let code = -1;
  const program = new Command('instaview-mock').exitOverride();
  registerPactsVsSpecCommand(program, { out: (t) => void (text += t), exit: (c) => void (code = c) });
  await program.parseAsync(['pacts-vs-spec', ...files], { from: 'user' });
  return { code, lines: text.trimEnd().split('\n') };
}

/** Writes a copy of our pact with `change` applied to the interaction named `description`; returns its path. */
function pactCopy(description: string, change: (interaction: any) => void): string {
  const pact = JSON.parse(readFileSync(PACT, 'utf8'));
  const interaction = pact.interactions.find((i: { description: string }) => i.description === description);
  change(interaction);
  const file = join(mkdtempSync(join(tmpdir(), 'pacts-vs-spec-')), 'copy.json');
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

describe('instaview-mock pacts-vs-spec (DESIGN §9)', () => {
  it('passes our own pacts in contracts/pacts/, run as the command line from the project folder', () => {
    const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'pacts-vs-spec'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: ROOT }, timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pacts-vs-spec: 11 interactions in 1 file, 0 mismatches with spec/openapi.yaml\n');
    expect(r.status).toBe(0);
  }, 60_000);

  it('fails a copy where a minutes company carries totalCreditsUsed, naming the interaction and the field', async () => {
    const file = pactCopy(MINUTES_30_DAYS, (i) => (i.response.body.content.data.companies[0].totalCreditsUsed = 0));
    const r = await pactsVsSpec([file]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${file}: "${MINUTES_30_DAYS}": response body /data/companies/0/totalCreditsUsed: must be absent, got 0`,
      'pacts-vs-spec: 11 interactions in 1 file, 1 mismatch with spec/openapi.yaml',
    ]);
  });

  it('fails a copy that expects a status the operation does not declare, naming the interaction', async () => {
    const file = pactCopy(START_NOT_A_DATE, (i) => (i.response.status = 422));
    const r = await pactsVsSpec([file]);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe(`${file}: "${START_NOT_A_DATE}": response status 422 is not declared by GET /billing/usage (it declares 200, 400, 401, 403, 404, 405, 414, 429, 500, 503)`);
  });

  it('fails a request on a path or with a query parameter the spec does not declare, and accepts the /v1 base path', async () => {
    const file = pactCopy(START_NOT_A_DATE, (i) => {
      i.request.path = '/v1/billing/usage';
      i.request.query = { start: ['yesterday'], page: ['2'] };
    });
    const r = await pactsVsSpec([file]);
    expect(r.lines[0]).toBe(`${file}: "${START_NOT_A_DATE}": request query parameter "page" is not declared by GET /billing/usage (it declares start, end, companyId)`);
    const wrongPath = pactCopy(START_NOT_A_DATE, (i) => (i.request.path = '/v2/billing/usage'));
    expect((await pactsVsSpec([wrongPath])).lines[0]).toBe(`${wrongPath}: "${START_NOT_A_DATE}": request GET /v2/billing/usage is not an operation of spec/openapi.yaml (its paths: /billing/usage; also under /v1)`);
  });
});
