/**
 * The former name of {@link checkUsageReport}, kept so existing imports compile: same function, same
 * shapes. New code imports `checkUsageReport` from `./checkUsageReport.ts` (DESIGN §10 names it so). DESIGN §8.
 */
export { checkUsageReport as checkUsageInvariants, type InvariantContext, type InvariantRule, type InvariantViolation } from './checkUsageReport.ts';
