export {
  createBillingClient,
  type BillingClient,
  type BillingClientOptions,
  type BillingApiError,
  type GetUsageQuery,
  type GetUsageResult,
  type UsageReport,
  type CompanyUsage,
  type ErrorCode,
} from './createBillingClient.ts';
/** The API's types, generated from spec/openapi.yaml (openapi-typescript): `paths`, `components['schemas']['UsageResponse']`, … DESIGN §3. */
export type { paths, components, operations } from '../generated/openapi.ts';
