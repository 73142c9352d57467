import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/detect/detect-page';
import type { SurfaceMark, TextBlock } from '../../../src/detect/page-snapshot';

// The judgement calls of the shop systems' own tables (acg-faka, zfaka, kamiFaka, card-system,
// qs-faka, 彩虹代刷 …) where one entry alone does not decide: a relay prefix handing the rest of the
// message on, the same words meaning something else in another system, words that are also a label.
// message-tables.test.ts shows every entry alone; these show them on the pages where they meet.

const SHOP = 'https://shop.example';

function page(url: string, blocks: TextBlock[]) {
  return detectPage({ url, title: '', lang: 'zh-CN', seenAt: '2026-11-28T10:00:00+08:00', truncated: false, viewport: null, blocks });
}

function line(text: string, tag = 'div'): TextBlock {
  return { text, tag, hints: [] };
}

function raised(text: string, id: string, tone: SurfaceMark['tone']): TextBlock {
  return { text, tag: 'div', hints: ['toast'], surface: { id, tone, n: 1 } };
}

describe('shop-system message tables on their pages', () => {
  it('card-system 失败原因: hands the order remark on — too few cards for a paid order is a delivery failure', () => {
    const verdict = page(`${SHOP}/pay/result/C2026112810000001`, [
      line('支付失败！', 'h3'),
      line('失败原因: 卡密不足(已支付 未发货)', 'p'),
    ]);
    expect(verdict).toMatchObject({ kind: 'payment_error', responsibility: 'platform', reasonCode: 'delivery_failed' });
  });

  it('彩虹代刷 relays its own Alipay merchant: the channel code in [ ] decides', () => {
    const verdict = page(`${SHOP}/other/alipay.php?trade_no=2026112810000123`, [
      line('支付宝创建订单二维码失败！[ACQ.SYSTEM_ERROR]', 'body'),
    ]);
    expect(verdict).toMatchObject({ kind: 'payment_error', responsibility: 'third_party' });
  });

  it('a sold-out item clicked while browsing kamiFaka is no alarm; 库存不足 raised while ordering is the shop\'s', () => {
    expect(page(`${SHOP}/#/`, [line('商品列表', 'h2'), raised('哈哈来晚了，该商品已缺货', 'vue-toastification.warning', 'warning')]).kind).toBe('none');
    expect(page(`${SHOP}/item/12`, [line('Netflix 4K 共享车位', 'h1'), raised('库存不足', 'toastr.error', 'error')])).toMatchObject({
      kind: 'payment_error',
      responsibility: 'platform',
      reasonCode: 'out_of_stock',
    });
  });

  it('the merchant\'s own balance (qs-faka SMS fee) is not the shopper\'s 余额不足', () => {
    const verdict = page(`${SHOP}/shop/abc`, [raised('商户余额不足以支付短信费用，请联系商家！', 'generic.toast', 'message')]);
    expect(verdict).toMatchObject({ kind: 'payment_error', responsibility: 'platform', reasonCode: 'shop_misconfigured' });
  });

  it('a paid order the shop still calls unpaid is captured without blaming anyone', () => {
    for (const text of ['未支付订单，请支付后再点击下一步', '订单未付款，请重新支付，或联系客服处理！', '订单还未支付']) {
      expect(page(`${SHOP}/query`, [raised(text, 'layer.error', 'error')]), text).toMatchObject({
        kind: 'payment_error',
        responsibility: null,
        reasonCode: 'payment_not_confirmed',
      });
    }
  });

  it('zfaka 订单已支付成功 in its error toast charged nothing: no alarm', () => {
    expect(page(`${SHOP}/product/order/pay/?oid=MjAyNjExMjgx`, [raised('订单已支付成功', 'layer.error', 'error')]).kind).toBe('none');
  });

  it('抢购已结束 as the badge beside a product is a label; raised when ordering it is the limit the shopper hit', () => {
    expect(page(`${SHOP}/item/7`, [line('限时抢购 Spotify 家庭组', 'h1'), line('抢购已结束', 'span')]).kind).toBe('none');
    expect(page(`${SHOP}/item/7`, [line('限时抢购 Spotify 家庭组', 'h1'), raised('抢购已结束', 'toastr.error', 'error')])).toMatchObject({
      kind: 'user_error',
      responsibility: 'user',
      reasonCode: 'purchase_limit',
    });
  });
});
