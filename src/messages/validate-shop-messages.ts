import type { ShopProfileRequest } from './message-map';

// Runtime check for the popup's "this shop" question. (A page's own report arrives inside its
// reading, `page:read`, checked in validate-message.ts.)

export function isShopProfileRequest(value: unknown): value is ShopProfileRequest {
  return typeof value === 'object' && value !== null && Number.isInteger((value as { tabId?: unknown }).tabId) && (value as { tabId: number }).tabId >= 0;
}
