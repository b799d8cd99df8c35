/** The consumer of the contract: the billing dashboard that calls the typed client. */
export const CONSUMER = 'billing-dashboard';
/** The provider of the contract: InstaView's `GET /billing/usage`. */
export const PROVIDER = 'instaview-billing-api';
/** The committed pact file's name (Pact names it `<consumer>-<provider>.json`). */
export const PACT_FILE = `${CONSUMER}-${PROVIDER}.json`;
