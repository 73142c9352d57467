import type { TextBlock } from '../detect/page-snapshot';
import type { ShopPageRequest, ShopProfileRequest } from './message-map';
import { isBlock } from './validate-message';

// Runtime checks for the "this shop" messages. A page's renderer is not trusted just because it
// speaks our message names: it hands over text and links, capped, and the worker's own rules read them.

const MAX_BLOCKS = 300;
const MAX_CHARS = 40_000;
const MAX_LINKS = 30;
const LINK = /^(?:https?:|mailto:|tg:|tencent:)/i;

export function isShopPageRequest(value: unknown): value is ShopPageRequest {
  if (!isRecord(value) || !isString(value.url, 4096, 1) || !/^https?:\/\//i.test(value.url as string)) return false;
  if (!isString(value.title, 1000, 0) || !isTerms(value.terms) || !isLinks(value.links)) return false;
  if (!Array.isArray(value.blocks) || value.blocks.length > MAX_BLOCKS || !value.blocks.every(isBlock)) return false;
  return (value.blocks as TextBlock[]).reduce((sum, block) => sum + block.text.length, 0) <= MAX_CHARS;
}

export function isShopProfileRequest(value: unknown): value is ShopProfileRequest {
  return isRecord(value) && Number.isInteger(value.tabId) && (value.tabId as number) >= 0;
}

function isTerms(value: unknown): boolean {
  return value === null || (isRecord(value) && isString(value.reasonCode, 60, 1) && isString(value.name, 120, 1));
}

function isLinks(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= MAX_LINKS &&
    value.every((link) => isRecord(link) && isString(link.text, 60, 0) && isString(link.href, 500, 1) && LINK.test(link.href as string))
  );
}

function isString(value: unknown, max: number, min: number): boolean {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
