/** What the pacer needs: the clock and a way to wait, both injectable so tests never wait. Units: milliseconds. */
export interface RateLimitPacerOptions {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Longest single wait; a window further away than this is not waited for. */
  maxWaitMs: number;
}

/**
 * Spaces a run's requests by the provider's own rate-limit headers, per API key.
 * Shape: `beforeRequest(key)` waits while the key's minute window is used up (until `Reset-Minute`,
 * at most `maxWaitMs`) and resolves to a reason to skip when its hour window is used up for longer;
 * `afterAnswer(key, headers)` records `X-RateLimit-Remaining-*`/`Reset-*`; `afterTooManyRequests(headers)`
 * waits `Retry-After` seconds (else until `Reset-Minute`) and resolves to the milliseconds waited, or
 * undefined when neither header allows a wait within `maxWaitMs` (then do not retry).
 * Units: resets in Unix seconds (docs guides/rate-limiting), waits in milliseconds. DESIGN §3.6, §9.
 */
export function createRateLimitPacer(options: RateLimitPacerOptions) {
  const windows = new Map<string, { remainingMinute?: number; resetMinute?: number; remainingHour?: number; resetHour?: number }>();
  const int = (headers: Headers, name: string): number | undefined => {
    const raw = headers.get(name)?.trim();
    return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
  };
  /** Milliseconds until a Unix-seconds reset, plus half a second for clock skew; never negative. */
  const until = (resetSeconds: number): number => Math.max(0, resetSeconds * 1000 + 500 - options.now());

  return {
    async beforeRequest(key: string): Promise<string | undefined> {
      const w = windows.get(key);
      if (!w) return undefined;
      if (w.remainingHour === 0 && w.resetHour !== undefined) {
        const wait = until(w.resetHour);
        if (wait > options.maxWaitMs) return `the key's hourly rate limit is used up until ${new Date(w.resetHour * 1000).toISOString()}`;
        await options.sleep(wait);
        windows.delete(key);
        return undefined;
      }
      if (w.remainingMinute === 0 && w.resetMinute !== undefined) {
        await options.sleep(Math.min(until(w.resetMinute), options.maxWaitMs));
        windows.delete(key);
      }
      return undefined;
    },
    afterAnswer(key: string, headers: Headers): void {
      const read = {
        remainingMinute: int(headers, 'X-RateLimit-Remaining-Minute'),
        resetMinute: int(headers, 'X-RateLimit-Reset-Minute'),
        remainingHour: int(headers, 'X-RateLimit-Remaining-Hour'),
        resetHour: int(headers, 'X-RateLimit-Reset-Hour'),
      };
      if (Object.values(read).some((v) => v !== undefined)) windows.set(key, read);
    },
    async afterTooManyRequests(headers: Headers): Promise<number | undefined> {
      const retryAfter = int(headers, 'Retry-After');
      const reset = int(headers, 'X-RateLimit-Reset-Minute');
      const wait = retryAfter !== undefined ? retryAfter * 1000 : reset !== undefined ? until(reset) : undefined;
      if (wait === undefined || wait > options.maxWaitMs) return undefined;
      await options.sleep(wait);
      return wait;
    },
  };
}
