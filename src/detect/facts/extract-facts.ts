import { safeUrl } from '../../shared/safe-url';
import type { PageSnapshot } from '../page-snapshot';
import type { OrderFacts } from '../verdict';
import { parseMoney } from './amount';
import { labelledValues } from './labelled-values';
import { parseShownTime } from './shown-time';

// Order ids as the systems print them: dujiaoka's 16-char order_sn, numeric trade numbers of
// acg-faka / zfaka / epay, prefixed ids of generic 卡盟. Long enough to never be a price or a date.
const ORDER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{5,63}$/;

const URL_ORDER_PATHS = /\/(?:bill|detail-order-sn|order|orders|query|pay-gateway\/[^/]+\/[^/]+)\/([A-Za-z0-9_-]{6,64})(?:[/?#]|$)/i;
const URL_ORDER_PARAMS = ['out_trade_no', 'order_sn', 'orderid', 'order_id', 'trade_no', 'orderSn'];

export function extractFacts(snapshot: Pick<PageSnapshot, 'url' | 'blocks'>): OrderFacts {
  const labelled = labelledValues(snapshot.blocks);
  const url = safeUrl(snapshot.url);
  const money = labelled.amount ? parseMoney(labelled.amount) : urlMoney(url);
  return {
    orderId: pickOrderId(labelled.orderId) ?? urlOrderId(url),
    amount: money?.amount ?? null,
    currency: money?.currency ?? null,
    status: labelled.status ? cleanStatus(labelled.status) : null,
    createdAt: labelled.createdAt ? parseShownTime(labelled.createdAt) : null,
  };
}

function pickOrderId(value: string | undefined): string | null {
  const token = value?.split(/\s+/)[0]?.replace(/^[#＃]/, '');
  return token && ORDER_ID.test(token) && /\d/.test(token) ? token : null;
}

function urlOrderId(url: URL | null): string | null {
  if (!url) return null;
  for (const name of URL_ORDER_PARAMS) {
    const id = pickOrderId(url.searchParams.get(name) ?? undefined);
    if (id) return id;
  }
  return pickOrderId(URL_ORDER_PATHS.exec(url.pathname)?.[1]);
}

function urlMoney(url: URL | null): { amount: number; currency: string | null } | null {
  const raw = url?.searchParams.get('money') ?? url?.searchParams.get('total_fee');
  if (!raw || !/^\d+(\.\d+)?$/.test(raw)) return null;
  return { amount: Number(raw), currency: 'CNY' };
}

function cleanStatus(value: string): string {
  return value.split(/\s{2,}|\s[|｜]\s/)[0]!.trim().slice(0, 40);
}
