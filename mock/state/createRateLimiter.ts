import type { RatePlan, StoredApiKey } from './types.ts';

/** Requests per minute and per hour. */
export interface RateLimits {
  perMinute: number;
  perHour: number;
}

/** The limits of a key without a plan (docs: guides/rate-limiting; DESIGN §3.6). */
export const DEFAULT_LIMITS: RateLimits = { perMinute: 60, perHour: 2000 };

const PLAN_LIMITS: Record<Exclude<RatePlan, object>, RateLimits> = {
  trial: { perMinute: 30, perHour: 500 },
  starter: { perMinute: 120, perHour: 5000 },
  business: { perMinute: 300, perHour: 15000 },
  scale: { perMinute: 600, perHour: 30000 },
};

/** A key's limits: its plan's, its explicit `{perMinute, perHour}`, or the default 60/2000. */
export function limitsOf(plan: RatePlan | undefined): RateLimits {
  if (plan === undefined) return DEFAULT_LIMITS;
  return typeof plan === 'string' ? PLAN_LIMITS[plan] : plan;
}

/** What one counted request learned: the six `X-RateLimit-*` headers and, when refused, the 429 details. */
export interface RateLimitOutcome {
  headers: Record<string, string>;
  exceeded?: { retryAfter: number; limit: number; remaining: 0; reset: number };
}

/** Per-key fixed-window request counters (DESIGN §3.6). */
export interface RateLimiter {
  /**
   * Counts one request of `key` at `nowMs` (milliseconds since epoch) in the minute and hour windows
   * aligned to the mock clock, whatever the request's outcome. When `enforce` is on and a window was
   * already full, `exceeded` describes the window exhausted first (minute before hour); `retryAfter`
   * is in whole seconds (at least 1), `reset` in Unix seconds.
   */
  hit(key: StoredApiKey, nowMs: number, enforce: boolean): RateLimitOutcome;
  /** Forgets every counter (control plane reset, scenario load). */
  reset(): void;
}

interface Window {
  start: number;
  count: number;
}

/** Creates an empty rate limiter; one per app instance. */
export function createRateLimiter(): RateLimiter {
  const counters = new Map<string, { minute: Window; hour: Window }>();
  return {
    hit(key, nowMs, enforce) {
      const limits = limitsOf(key.plan);
      const minuteStart = Math.floor(nowMs / 60_000) * 60_000;
      const hourStart = Math.floor(nowMs / 3_600_000) * 3_600_000;
      let c = counters.get(key.key);
      if (!c) counters.set(key.key, (c = { minute: { start: minuteStart, count: 0 }, hour: { start: hourStart, count: 0 } }));
      if (c.minute.start !== minuteStart) c.minute = { start: minuteStart, count: 0 };
      if (c.hour.start !== hourStart) c.hour = { start: hourStart, count: 0 };
      const minuteFull = c.minute.count >= limits.perMinute;
      const hourFull = c.hour.count >= limits.perHour;
      c.minute.count++;
      c.hour.count++;
      const minuteReset = (minuteStart + 60_000) / 1000;
      const hourReset = (hourStart + 3_600_000) / 1000;
      const headers = {
        'X-RateLimit-Limit-Minute': String(limits.perMinute),
        'X-RateLimit-Limit-Hour': String(limits.perHour),
        'X-RateLimit-Remaining-Minute': String(Math.max(0, limits.perMinute - c.minute.count)),
        'X-RateLimit-Remaining-Hour': String(Math.max(0, limits.perHour - c.hour.count)),
        'X-RateLimit-Reset-Minute': String(minuteReset),
        'X-RateLimit-Reset-Hour': String(hourReset),
      };
      if (!enforce || (!minuteFull && !hourFull)) return { headers };
      const [limit, reset] = minuteFull ? [limits.perMinute, minuteReset] : [limits.perHour, hourReset];
      return { headers, exceeded: { retryAfter: Math.max(1, Math.ceil(reset - nowMs / 1000)), limit, remaining: 0, reset } };
    },
    reset: () => counters.clear(),
  };
}
