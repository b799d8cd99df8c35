/**
 * A caller role of the contract: the demo key the pact carries in `Authorization` and the environment
 * variable that holds the real key for that role when verifying a real provider.
 */
export interface KeyRole {
  demoKey: string;
  envVar: string;
  /** What the real key must be, in the words of the provider states. */
  meaning: string;
}

/**
 * The roles of the pact's keys (DESIGN §4 demo keys). A request without `Authorization` or with a key
 * not listed here (the "never issued" key) needs no variable: it is sent as the pact has it.
 */
export const KEY_ROLES: readonly KeyRole[] = [
  { demoKey: 'sk_test_regular_minutes', envVar: 'INSTAVIEW_REGULAR_MINUTES_KEY', meaning: 'a regular key of a minutes-billed company with usage in the last 30 days' },
  { demoKey: 'sk_test_regular_credits', envVar: 'INSTAVIEW_REGULAR_CREDITS_KEY', meaning: 'a regular key of a credits-billed company with usage in the last 30 days' },
  { demoKey: 'sk_test_ats_mixed', envVar: 'INSTAVIEW_ATS_KEY', meaning: 'an ATS key managing a minutes-billed and a credits-billed company, both with usage in the last 30 days' },
  { demoKey: 'sk_test_no_billing_scope', envVar: 'INSTAVIEW_NO_BILLING_SCOPE_KEY', meaning: 'a valid key without the read:billing scope' },
];

/** Environment variable of the one company the ATS key manages, for `fromProviderState('${companyId}')` on a real provider. */
export const ATS_COMPANY_ID_VAR = 'INSTAVIEW_ATS_COMPANY_ID';
/** Optional overrides of the "known period" (`${start}`, `${end}`) on a real provider; default: the last 30 days. */
export const PERIOD_START_VAR = 'INSTAVIEW_PERIOD_START';
/** See {@link PERIOD_START_VAR}. */
export const PERIOD_END_VAR = 'INSTAVIEW_PERIOD_END';

/** Where a `fromProviderState` expression's value comes from on a real provider (no state setup there). */
export const STATE_VALUE_VARS: Readonly<Record<string, { envVar: string; required: boolean; meaning: string }>> = {
  companyId: { envVar: ATS_COMPANY_ID_VAR, required: true, meaning: 'a minutes-billed company the ATS key manages, with usage in the last 30 days' },
  start: { envVar: PERIOD_START_VAR, required: false, meaning: 'start of a period in which the regular credits key has usage (default: 30 days ago)' },
  end: { envVar: PERIOD_END_VAR, required: false, meaning: 'end of that period (default: now)' },
};

/**
 * The values a real provider's state "setup" offers to `fromProviderState`: the ATS company id from
 * the environment and a period (the last 30 days before `nowMs` unless overridden).
 */
export function realProviderStateValues(env: NodeJS.ProcessEnv, nowMs: number): Record<string, string> {
  const values: Record<string, string> = {
    start: env[PERIOD_START_VAR] || new Date(nowMs - 30 * 24 * 3600 * 1000).toISOString(),
    end: env[PERIOD_END_VAR] || new Date(nowMs).toISOString(),
  };
  const companyId = env[ATS_COMPANY_ID_VAR];
  if (companyId) values.companyId = companyId;
  return values;
}
