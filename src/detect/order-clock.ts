import { isOpenState, orderState, type OrderState } from './facts/order-status';
import type { PageView } from './detector';
import type { TextBlock } from './page-snapshot';
import type { OrderFacts } from './verdict';

const HOUR = 3_600_000;

export interface OrderClock {
  facts: OrderFacts;
  state: OrderState | null;
  /** Hours since the page's creation time, null when the page shows none. */
  ageHours: number | null;
  open: boolean;
}

/**
 * Every order the page shows with its state and how long it has been open: the page's own facts
 * on a detail page, one per row or card on a list.
 */
export function orderClocks({ facts, orders, now, snapshot }: Pick<PageView, 'facts' | 'orders' | 'now' | 'snapshot'>): OrderClock[] {
  const list = orders.length >= 2;
  const shown: OrderFacts[] = list ? [...orders] : [facts];
  const delivered = !list && deliveredGoodsShown(snapshot.blocks);
  return shown
    .filter((order) => order.orderId && order.status)
    .map((order) => {
      const labelled = orderState(order.status);
      // "已支付" with the card keys printed below it is a delivered order (acg-faka shows payment state only).
      const state = delivered && (labelled === 'processing' || labelled === 'pending') ? 'completed' : labelled;
      return {
        facts: order,
        state,
        open: isOpenState(state),
        ageHours: order.createdAt ? (now - Date.parse(order.createdAt)) / HOUR : null,
      };
    });
}

const GOODS_LABEL = /(卡密|卡号|宝贝信息|宝贝内容|发货内容|商品内容|提货信息|card\s*keys?|license\s*keys?|your keys?|delivered items?)/i;

/** A read-only field holding what was delivered, right under its label (卡密信息 / 宝贝内容 …). */
function deliveredGoodsShown(blocks: readonly TextBlock[]): boolean {
  return blocks.some(
    (block, index) =>
      block.hints.includes('readonly') &&
      block.text.trim().length >= 6 &&
      blocks.slice(Math.max(0, index - 2), index).some((label) => label.text.length <= 20 && GOODS_LABEL.test(label.text)),
  );
}

/** On a list, the finding carries the facts of the order it is about. */
export function aboutOrder(page: Pick<PageView, 'orders'>, clock: OrderClock): { facts?: OrderFacts } {
  return page.orders.length >= 2 ? { facts: clock.facts } : {};
}
