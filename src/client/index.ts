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
