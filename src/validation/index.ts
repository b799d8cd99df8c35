export { validateUsageResponse, validateErrorResponse } from './validateUsageResponse.ts';
export { validateResponse, responseSchemaPointer } from './validateResponse.ts';
export { validateAgainst, compileSpecSchema, type ValidationIssue } from './createSpecAjv.ts';
export { loadSpecDocument, specPath, type SpecName } from './loadSpecDocument.ts';
export { validateRequestBody } from './validateRequestBody.ts';
