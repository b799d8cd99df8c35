import type { Logger } from 'pino';
import type { MockClock } from './createMockClock.ts';
import type { RateLimiter } from './http/createRateLimiter.ts';
import type { MockStore } from './store/createStore.ts';
import type { FaultSet } from './http/faults.ts';

/** Behaviour switches of one mock instance (DESIGN §9 flags). */
export interface MockOptions {
  /** Answer 429 when a key's window is full (`--rate-limit`); counting and headers happen regardless. */
  rateLimit: boolean;
  /** An ATS key without `companyId` gets 400 (`--ats-require-company-id`). */
  atsRequireCompanyId: boolean;
  /** Allowed CORS origin(s); `*` (default) allows any (`--cors-origin`). */
  corsOrigin: string;
  /** `X-Admin-Token` the control plane requires, when set (`--admin-token`). */
  adminToken?: string;
  /**
   * Validate every response against the spec: `off`; `log` (log a mismatch as an error and send it
   * anyway); `strict` (tests: answer 500 `INTERNAL_ERROR` listing the issues instead).
   */
  validateResponses: 'off' | 'log' | 'strict';
}

/** Everything a request handler of one mock instance reads: no module-level state (STYLE). */
export interface MockContext {
  store: MockStore;
  clock: MockClock;
  rateLimiter: RateLimiter;
  faults: FaultSet;
  options: MockOptions;
  logger: Logger;
  /** Whether 429s are enforced now: the flag, or the loaded scenario's `rateLimit.enabled`. */
  rateLimitEnforced(): boolean;
  /** Every response-validation mismatch seen (tests assert it stays empty). */
  responseIssues: Array<{ method: string; path: string; status: number; issues: unknown[] }>;
}
