/**
 * `instaview-billing-toolkit/admin` (DESIGN §10): a typed client of the mock's `/__admin` control plane
 * (spec/admin.openapi.yaml), errors as values. Runs in Node and in browsers.
 */
export { createAdminClient, type AdminClient, type AdminClientOptions } from './createAdminClient.ts';
export type { paths as AdminPaths, components as AdminComponents } from '../generated/admin.ts';
