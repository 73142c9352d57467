import { LAW_REFERENCES, UNFAIR_CLAUSE_RULES } from '../terms/unfair-clauses';
import { PAGE_PARTS } from '../shop/page-part';
import type { ShopPageFacts } from '../shop/shop-page-facts';
import type { ShopPageRequest, ShopProfileRequest } from './message-map';

// Runtime checks for the "this shop" messages. A page's renderer is not trusted just because it
// speaks our message names: every list is capped, every string bounded, every enum checked.

const MAX_ITEMS = 20;
const MAX_TEXT = 400;

type Check = (value: unknown) => boolean;

const str = (max = MAX_TEXT): Check => (value) => typeof value === 'string' && value.length > 0 && value.length <= max;
const oneOf = (values: readonly string[]): Check => (value) => typeof value === 'string' && values.includes(value);
const listOf = (check: Check, max = MAX_ITEMS): Check => (value) => Array.isArray(value) && value.length <= max && value.every(check);
const shape = (fields: Record<string, Check>): Check => (value) =>
  isRecord(value) && Object.entries(fields).every(([key, check]) => check(value[key]));

const part = oneOf(PAGE_PARTS);
const FACTS: Record<keyof ShopPageFacts, Check> = {
  role: oneOf(['shop', 'provider']),
  icp: listOf(shape({ shown: str(60), part })),
  companies: listOf(shape({ name: str(80), part })),
  creditCodes: listOf(shape({ code: str(18), part })),
  contacts: listOf(shape({ kind: oneOf(['support_link', 'qq', 'qq_group', 'telegram', 'wechat', 'email']), value: str(120), part })),
  payments: listOf(shape({ method: oneOf(['alipay', 'wechat', 'qq_wallet', 'unionpay', 'paypal', 'crypto', 'balance']), shown: str(), part })),
  escrow: listOf(shape({ state: oneOf(['offered', 'refused']), text: str(), part })),
  aggregators: listOf(shape({ kind: oneOf(['epay', 'mapay', 'vmq', 'payjs', 'xunhu', 'unnamed']), shown: str(), from: oneOf(['text', 'link']), part })),
  terms: (value) => value === null || shape({ reasonCode: str(60), name: str(120) })(value),
  clauses: listOf(shape({ rule: oneOf(UNFAIR_CLAUSE_RULES), clause: str(), laws: listOf(oneOf(LAW_REFERENCES), 4), part })),
  promises: listOf(shape({ text: str(), part })),
};

export function isShopPageRequest(value: unknown): value is ShopPageRequest {
  return shape({ url: str(4096), title: (title) => typeof title === 'string' && title.length <= 1000, facts: shape(FACTS) })(value) &&
    /^https?:\/\//i.test((value as ShopPageRequest).url);
}

export function isShopProfileRequest(value: unknown): value is ShopProfileRequest {
  return isRecord(value) && Number.isInteger(value.tabId) && (value.tabId as number) >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
