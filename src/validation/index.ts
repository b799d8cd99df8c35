export { validateUsageResponse, validateErrorResponse } from './validateUsageResponse.ts';
export { validateResponse, responseSchemaPointer } from './validateResponse.ts';
export { validateCollapsed } from './validateCollapsed.ts';
export { validateAgainst, compileSpecSchema, createSpecAjv, type SpecAjv, type ValidationIssue } from './createSpecAjv.ts';
export { loadSpecDocument, specPath, type SpecName } from './loadSpecDocument.ts';
export { validateRequestBody } from './validateRequestBody.ts';
export { appendPointer, escapePointerSegment, pointerFrom, pointerSegments, unescapePointerSegment, valueAtPointer } from './jsonPointer.ts';
export { resolveLocalRef } from './resolveLocalRef.ts';
export { usageExamples, type UsageExample } from './usageExamples.ts';
