import { Command, InvalidArgumentError, Option } from 'commander';
import ms from 'ms';
import { pino, type Logger } from 'pino';
import { parseInstant } from '../billing/parseInstant.ts';
import { resolveUserPath } from './resolveUserPath.ts';
import { createApp } from '../../mock/createApp.ts';
import { listen } from '../../mock/listen.ts';
import type { ScenarioSource } from '../../mock/state/buildStore.ts';
import { createMockState, ScenarioApplyError, type MockState } from '../../mock/state/createMockState.ts';
import { createStateFile, StateFileError, type RecoveredState, type StateFile } from '../../mock/state/persistence/createStateFile.ts';
import type { Scenario } from '../../mock/state/types.ts';
import { builtInScenarioCatalog, formatScenarioProblems, resolveScenarioArgument } from './resolveScenarioArgument.ts';
import { formatKeyTable } from './formatKeyTable.ts';
import { watchLaunchers } from './watchLaunchers.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}, got "${value}".`);
    return n;
  };
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);

/**
 * Reads an on/off `INSTAVIEW_MOCK_*` variable: `true/false`, `1/0`, `yes/no`, `on/off` (any case);
 * undefined when unset. Anything else is refused with a message naming the variable, never read as "on".
 */
export function envFlag(name: string, env: NodeJS.ProcessEnv = process.env): { ok: true; value: boolean | undefined } | { ok: false; message: string } {
  const raw = env[name];
  if (raw === undefined) return { ok: true, value: undefined };
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return { ok: true, value: true };
  if (FALSE.has(v)) return { ok: true, value: false };
  return { ok: false, message: `${name}="${raw}" is not on/off: use true or false (also 1/0, yes/no, on/off).` };
}

/** Reads a duration such as `90s`, `30m`, `1h`, `2d` (the `ms` package's format) or plain milliseconds, as milliseconds. */
function duration(name: string) {
  return (value: string): number => {
    const parsed = /^\d+$/.test(value) ? Number(value) : ms(value as ms.StringValue);
    if (typeof parsed !== 'number' || !Number.isSafeInteger(parsed) || parsed <= 0) throw new InvalidArgumentError(`${name} must be a duration such as 90s, 30m, 1h or 2d, got "${value}".`);
    return parsed;
  };
}

function instant(value: string): number {
  const parsed = parseInstant(value);
  // The reasons are written for query strings, where "+" must be sent as %2B; on a command line it is a plain "+".
  if (!parsed.ok) throw new InvalidArgumentError(`--now must be an ISO 8601 instant such as 2024-01-31T10:30:00Z: "${value}" ${parsed.reason.replaceAll('%2B', '+')}.`);
  return parsed.ms;
}

/** Options of `instaview-mock serve`, after parsing (flags, else `INSTAVIEW_MOCK_*` env vars, else defaults). */
export interface ServeOptions {
  port: number;
  host: string;
  scenario: string;
  seed?: number;
  now?: number;
  rateLimit?: boolean;
  atsRequireCompanyId?: boolean;
  adminToken?: string;
  allowedHosts?: string;
  corsOrigin: string;
  logLevel: string;
  stateFile?: string;
  maxSessions: number;
  sessionTtl: number;
  /** Undefined when neither flag nor env var was given: then on unless NODE_ENV=production. */
  validateResponses?: boolean;
}

function createLogger(level: string): Logger {
  if (process.stdout.isTTY) {
    return pino({ level, transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,req,res,responseTime,key,reqId' } } });
  }
  // Buffered, written off the request path (pino's sonic-boom); flushed when the mock stops.
  return pino({ level }, pino.destination({ dest: 1, sync: false }));
}

/** Adds `serve` (DESIGN §9): starts the mock, prints its base URL, the scenario's key table and the console's address (§12). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the stateful mock of GET /billing/usage with its /__admin control plane')
    .addOption(new Option('-p, --port <port>', 'port to listen on (0 picks a free one)').env('INSTAVIEW_MOCK_PORT').default(4010).argParser(integer('--port', 0, 65535)))
    .addOption(new Option('--host <host>', 'address to bind; off loopback --admin-token is required').env('INSTAVIEW_MOCK_HOST').default('127.0.0.1'))
    .addOption(new Option('-s, --scenario <name|file>', 'built-in scenario name or a scenario file (YAML/JSON)').env('INSTAVIEW_MOCK_SCENARIO').default('default'))
    .addOption(new Option('--state-file <file>', 'keep the state in this .json/.yaml file (and FILE.journal): resumed from it when it exists; every change is on disk before it is answered').env('INSTAVIEW_MOCK_STATE_FILE'))
    .addOption(new Option('--seed <n>', "seed of the generated data (default: the scenario's, else 1)").env('INSTAVIEW_MOCK_SEED').argParser(integer('--seed', 0, 2 ** 31 - 1)))
    .addOption(new Option('--now <instant>', 'freeze the clock at this ISO 8601 instant').env('INSTAVIEW_MOCK_NOW').argParser(instant))
    .addOption(new Option('--rate-limit', 'answer 429 when a key exhausts its window (env INSTAVIEW_MOCK_RATE_LIMIT=true|false)'))
    .addOption(new Option('--ats-require-company-id', 'ATS keys must pass companyId, the stricter reading of the docs (env INSTAVIEW_MOCK_ATS_REQUIRE_COMPANY_ID=true|false)'))
    .addOption(new Option('--admin-token <token>', 'require X-Admin-Token on /__admin').env('INSTAVIEW_MOCK_ADMIN_TOKEN'))
    .addOption(new Option('--allowed-hosts <names>', 'Host names /__admin accepts besides localhost, 127.0.0.1 and [::1] (comma-separated; DNS-rebinding guard)').env('INSTAVIEW_MOCK_ALLOWED_HOSTS'))
    .addOption(new Option('--max-sessions <n>', 'the most sessions (X-Mock-Session) besides the default state').env('INSTAVIEW_MOCK_MAX_SESSIONS').default(64).argParser(integer('--max-sessions', 0, 10_000)))
    .addOption(new Option('--session-ttl <duration>', 'drop a session unused this long: 90s, 30m, 1h, 2d (or milliseconds)').env('INSTAVIEW_MOCK_SESSION_TTL').default(3_600_000, '1h').argParser(duration('--session-ttl')))
    .addOption(new Option('--cors-origin <origins>', 'allowed CORS origin(s), comma-separated; * for any').env('INSTAVIEW_MOCK_CORS_ORIGIN').default('*'))
    .addOption(new Option('--log-level <level>', 'pino log level').env('INSTAVIEW_MOCK_LOG_LEVEL').default('info').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']))
    .addOption(new Option('--validate-responses', 'check every answer against the spec, logging mismatches as errors; default unless NODE_ENV=production (env INSTAVIEW_MOCK_VALIDATE_RESPONSES=true|false)'))
    .addOption(new Option('--no-validate-responses', 'do not check answers against the spec'))
    .action(async (opts: ServeOptions, command: Command) => {
      const flag = (name: keyof ServeOptions, envVar: string): boolean | undefined => {
        if (command.getOptionValueSource(name) === 'cli') return Boolean(opts[name]);
        const parsed = envFlag(envVar);
        if (!parsed.ok) command.error(parsed.message, { exitCode: 2 });
        return (parsed as { value: boolean | undefined }).value;
      };
      opts.rateLimit = flag('rateLimit', 'INSTAVIEW_MOCK_RATE_LIMIT') ?? false;
      opts.atsRequireCompanyId = flag('atsRequireCompanyId', 'INSTAVIEW_MOCK_ATS_REQUIRE_COMPANY_ID') ?? false;
      const validate = flag('validateResponses', 'INSTAVIEW_MOCK_VALIDATE_RESPONSES') ?? process.env.NODE_ENV !== 'production';
      if (!LOOPBACK.test(opts.host) && !opts.adminToken) {
        command.error(`Refusing to bind ${opts.host} without --admin-token: the control plane /__admin would be open to the network (DESIGN §6.3).`, { exitCode: 2 });
      }
      if (opts.stateFile && !/\.(json|ya?ml)$/i.test(opts.stateFile)) {
        command.error(`--state-file ${opts.stateFile}: name a .json, .yaml or .yml file.`, { exitCode: 2 });
      }
      const logger = createLogger(opts.logLevel);
      const stateFilePath = opts.stateFile ? resolveUserPath(opts.stateFile) : undefined;
      const stateFile: StateFile | undefined = stateFilePath
        ? createStateFile({ path: stateFilePath, logger: { info: (m) => logger.info(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) } })
        : undefined;
      let recovered: RecoveredState | undefined;
      try {
        recovered = await stateFile?.recover();
      } catch (err) {
        command.error(err instanceof StateFileError ? err.message : `Cannot read --state-file ${stateFilePath}: ${(err as Error).message}`, { exitCode: 2 });
      }
      let scenario: Scenario | ScenarioSource;
      let scenarioFile: string;
      if (recovered) {
        scenario = recovered.source;
        scenarioFile = stateFilePath!;
      } else {
        const resolved = await resolveScenarioArgument(opts.scenario);
        if (!resolved.ok) command.error(resolved.message, { exitCode: 2 });
        scenario = (resolved as { scenario: Scenario }).scenario;
        scenarioFile = (resolved as { file: string }).file;
      }
      const catalog = builtInScenarioCatalog();
      let state: MockState;
      try {
        state = await createMockState({
          scenario,
          catalog,
          resume: recovered !== undefined,
          ...(opts.seed === undefined ? {} : { seed: opts.seed }),
          ...(opts.now === undefined || recovered ? {} : { nowMs: opts.now }),
          rateLimit: Boolean(opts.rateLimit),
          atsRequireCompanyId: Boolean(opts.atsRequireCompanyId),
          onProgress: (message) => logger.info(message),
        });
      } catch (err) {
        if (!(err instanceof ScenarioApplyError)) throw err;
        command.error(`${recovered ? 'State file' : 'Scenario'} ${scenarioFile} does not apply:\n${await formatScenarioProblems(scenarioFile, err.problems)}`, { exitCode: 2 });
      }
      for (const record of recovered?.records ?? []) {
        if (record.seq <= state!.revision()) continue;
        const replayed = await state!.replay(record);
        if (!replayed.ok) command.error(`${stateFile!.journalPath}: record ${record.seq} (${record.command.type}) does not apply: ${replayed.error.message}`, { exitCode: 2 });
      }
      try {
        await stateFile?.attach(state!, recovered === undefined);
      } catch (err) {
        command.error(`Cannot write --state-file ${stateFilePath}: ${(err as NodeJS.ErrnoException).code ?? ''} ${(err as Error).message}`, { exitCode: 2 });
      }
      const allowedHosts = [opts.host, ...(opts.allowedHosts ?? '').split(',')].map((h) => h.trim().toLowerCase()).filter((h) => h !== '' && h !== '0.0.0.0' && h !== '::');
      const mock = createApp({
        state: state!,
        catalog,
        logger,
        corsOrigin: opts.corsOrigin,
        allowedHosts: allowedHosts.map((h) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h)),
        ...(opts.adminToken ? { adminToken: opts.adminToken } : {}),
        validateResponses: validate ? 'log' : 'off',
        sessions: { maxSessions: opts.maxSessions, ttlMs: opts.sessionTtl, catalog },
      });
      let running;
      try {
        running = await listen(mock, { port: opts.port, host: opts.host });
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        command.error(e.code === 'EADDRINUSE' ? `Port ${opts.port} on ${opts.host} is in use; pass --port 0 for a free one, or another --port.` : `Cannot listen on ${opts.host}:${opts.port}: ${e.message}`, { exitCode: 2 });
      }
      const clock = state!.clockState();
      process.stdout.write(
        `InstaView billing mock listening on ${running!.baseUrl}\n` +
          (stateFilePath ? `  state file: ${stateFilePath} (${recovered ? `resumed at revision ${state!.revision()}` : 'new'}; every change is on disk before it is answered)\n` : '') +
          `  scenario: ${state!.loadedScenario().name} · clock: ${clock.mode} ${clock.now} · events: ${state!.store.eventCount()} · answers checked against the spec: ${validate ? 'yes' : 'no'} · 429s: ${opts.rateLimit ? 'on' : 'off'}\n` +
          `  try: curl -H 'Authorization: Bearer ${state!.store.apiKeys()[0]?.key ?? 'sk_test_…'}' ${running!.baseUrl}/billing/usage\n\n` +
          formatKeyTable(state!.store) +
          `\n  console: ${running!.baseUrl}/__admin/ (open it in a browser: state, clock, faults, the last requests) · API reference: ${running!.baseUrl}/__admin/docs\n` +
          `  control plane: ${running!.baseUrl}/__admin (health, reset, scenarios, clock, companies, api-keys, usage-events, faults, requests)\n`,
      );
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        void Promise.resolve(stateFile?.close())
          .catch((err: Error) => logger.error(`final snapshot of ${stateFilePath} failed (the journal keeps every change): ${err.message}`))
          .then(() => running!.close())
          .then(() => logger.flush())
          .then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // `npm start` does not pass a kill -9 on to this process: stop when the process that launched it ends.
      watchLaunchers(stop);
    });
}
