import type { SupportCaseRequest } from './message-map';

// Runtime checks for the order-tracking messages: every field is typed and capped. (The orders a
// page shows are not a message: the worker reads them off the page's reading, page-reads.ts.)

export function isSupportCaseRequest(value: unknown): value is SupportCaseRequest {
  return isRecord(value) && isString(value.caseId, 400);
}

function isString(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
