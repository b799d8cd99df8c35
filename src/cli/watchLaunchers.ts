import { readFileSync } from 'node:fs';

/** The parent process id and argument list of a process, from Linux's /proc; undefined where /proc has no such process. */
function processInfo(pid: number): { ppid: number; argv: string[] } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The second field (the command name, in parentheses) may hold spaces: read after its closing parenthesis.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return Number.isInteger(ppid) ? { ppid, argv } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process is a non-interactive shell running one command (`sh -c …`), which only waits for its child. */
function isShellWrapper(argv: readonly string[]): boolean {
  const shell = (argv[0] ?? '').split('/').pop() ?? '';
  return ['sh', 'dash', 'bash', 'zsh', 'ash'].includes(shell) && argv.includes('-c');
}

/**
 * The processes whose end should stop the mock: its parent, and — while that parent is only a
 * `sh -c` wrapper (as `npm start`, `npm run` and `npx` put between themselves and the mock) — the
 * process that started the wrapper, and so on up. So `kill -9` of `npm start` stops the mock, while
 * a mock started from an interactive shell watches only that shell (DESIGN §9; issue 8).
 * @param readProcess reads a process's parent and arguments (tests inject one); default Linux's /proc.
 * @returns process ids, the parent first; just the parent where /proc cannot be read.
 */
export function launcherChain(pid: number = process.pid, readProcess: typeof processInfo = processInfo): number[] {
  const chain: number[] = [];
  let info = readProcess(pid);
  let parent = info?.ppid ?? (pid === process.pid ? process.ppid : undefined);
  for (let depth = 0; parent !== undefined && parent > 1 && depth < 8; depth++) {
    chain.push(parent);
    info = readProcess(parent);
    if (!info || !isShellWrapper(info.argv)) break;
    parent = info.ppid;
  }
  return chain;
}

/**
 * Calls `stop` once any process of {@link launcherChain} has ended (checked every `intervalMs`,
 * default 1 000 ms). The timer does not keep the process alive.
 */
export function watchLaunchers(stop: () => void, intervalMs = 1000): void {
  const chain = launcherChain();
  setInterval(() => {
    for (const pid of chain) {
      try {
        process.kill(pid, 0);
      } catch {
        stop();
        return;
      }
    }
  }, intervalMs).unref();
}
