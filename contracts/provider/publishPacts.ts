import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { CONSUMER } from '../pactNames.ts';
import { gitVersion } from './gitVersion.ts';
import { loadPacts } from './loadPacts.ts';
import type { CliIo } from './verifyCli.ts';

const PREFIX = 'contracts:publish:';

/**
 * The body of the Pact Broker's documented "publish contracts" call (`POST /contracts/publish`, broker
 * 2.86+), which creates the consumer version with its branch and stores each pact in one request.
 */
export function publishContractsBody(pacts: Array<{ consumer: { name: string }; provider: { name: string } }>, version: string, branch: string | undefined) {
  return {
    pacticipantName: CONSUMER,
    pacticipantVersionNumber: version,
    ...(branch ? { branch } : {}),
    contracts: pacts.map((pact) => ({
      consumerName: pact.consumer.name,
      providerName: pact.provider.name,
      specification: 'pact',
      contentType: 'application/json',
      content: Buffer.from(JSON.stringify(pact)).toString('base64'),
    })),
  };
}

/**
 * `npm run contracts:publish [-- --pact-dir DIR --consumer-version V --branch B]`: publishes the
 * consumer pacts to PACT_BROKER_BASE_URL (PACT_BROKER_TOKEN as bearer token) with the git SHA as
 * version and the git branch as branch. Plain fetch: no Pact CLI binary is needed.
 * @returns the exit code: 0 published, 1 the broker refused, 2 bad usage or no broker configured.
 */
export async function runPublishCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('contracts:publish')
    .option('--pact-dir <dir>', 'directory of pact files', resolve(import.meta.dirname, '../pacts'))
    .option('--consumer-version <version>', 'default: git SHA')
    .option('--branch <branch>', 'default: git branch')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  let opts: { pactDir: string; consumerVersion?: string; branch?: string };
  try {
    opts = program.parse(argv, { from: 'user' }).opts();
  } catch (err) {
    return err instanceof CommanderError && err.exitCode === 0 ? 0 : 2;
  }
  const brokerUrl = io.env.PACT_BROKER_BASE_URL?.replace(/\/+$/, '');
  if (!brokerUrl) {
    io.err(`${PREFIX} set PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN) to publish.`);
    return 2;
  }
  let version: string;
  let branch: string | undefined;
  try {
    const git = gitVersion(io.env);
    version = opts.consumerVersion ?? git.version;
    branch = opts.branch ?? git.branch;
  } catch (err) {
    io.err(`${PREFIX} ${(err as Error).message}`);
    return 2;
  }
  const pacts = await loadPacts({ pactDir: resolve(opts.pactDir) });
  const token = io.env.PACT_BROKER_TOKEN;
  const res = await fetch(`${brokerUrl}/contracts/publish`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/hal+json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(publishContractsBody(pacts, version, branch)),
  });
  if (!res.ok) {
    io.err(`${PREFIX} the broker answered HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`);
    return 1;
  }
  io.out(`${PREFIX} published ${pacts.length} pact(s) of ${CONSUMER} version ${version}${branch ? ` (branch ${branch})` : ''} to ${brokerUrl}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(await runPublishCli(process.argv.slice(2), { env: process.env, out: (l) => console.log(l), err: (l) => console.error(l) }));
}
