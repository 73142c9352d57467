import { describe, expect, it } from 'vitest';
import { readShopFacts } from '../../../src/shop/shop-page-facts';
import { shopSignalBlocks } from '../../../src/shop/shop-signal-blocks';
import { snapshot } from '../../helpers/snapshot';

// One page of a dujiaoka shop as the content script reads it: every signal with where it was read.
const PRODUCT = snapshot('https://shop.example/buy/1', [
  { text: '星河发卡', tag: 'a', hints: ['nav'] },
  { text: '腾讯视频VIP会员 月卡', tag: 'h3', hints: ['heading'] },
  '价格：￥ 10.00',
  '支付方式：',
  { text: '易支付-支付宝', tag: 'label', hints: ['form'] },
  { text: '微信扫码', tag: 'label', hints: ['form'] },
  { text: '商品描述', tag: 'h5', hints: ['heading'] },
  '官方渠道卡密，付款后自动发货。未使用的卡密 7 天内可申请退款，已兑换的卡密不支持退款。',
  { text: '公告：充值失败自动退款，售后请联系客服（QQ：10086100）。', tag: 'p', hints: ['notice'] },
  { text: 'Powered by：@独角数卡\n© 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1', tag: 'footer', hints: ['footer'] },
]);

describe('readShopFacts', () => {
  it('reads each signal of a shop page with the part it was read in', () => {
    const links = [{ text: '立即支付', href: 'https://shop.example/pay-gateway/pay%2Fyipay/alipay/SN1' }];
    const facts = readShopFacts(PRODUCT, links, null);
    expect(facts.role).toBe('shop');
    expect(facts.icp).toEqual([{ shown: '浙ICP备12345678号-1', part: 'footer' }]);
    expect(facts.companies).toEqual([{ name: '杭州星河网络科技有限公司', part: 'footer' }]);
    expect(facts.contacts).toEqual([{ kind: 'qq', value: '10086100', part: 'notice' }]);
    expect(facts.payments.map((seen) => [seen.method, seen.part])).toEqual([['alipay', 'main'], ['wechat', 'main']]);
    expect(facts.aggregators).toEqual([{ kind: 'epay', shown: '易支付-支付宝', from: 'text', part: 'main' }]);
    expect(facts.escrow).toEqual([]);
    expect(facts.promises).toEqual([
      { text: '未使用的卡密 7 天内可申请退款，已兑换的卡密不支持退款。', part: 'main' },
      { text: '公告：充值失败自动退款，售后请联系客服（QQ：10086100）。', part: 'notice' },
    ]);
    // A product page's wording is not the shop's terms: no clause is flagged here.
    expect(facts.clauses).toEqual([]);
  });

  it('flags clauses only on a terms page, and names the document', () => {
    const terms = snapshot('https://shop.example/article/terms', [
      { text: '用户协议', tag: 'h1', hints: ['heading'] },
      '一、虚拟商品一经售出概不退换。',
      '二、本站有权随时修改本协议，修改后无需另行通知。',
      '三、本协议最终解释权归星河发卡所有。',
    ]);
    const facts = readShopFacts(terms, [], { reasonCode: 'terms_agreement', name: '用户协议' });
    expect(facts.terms).toEqual({ reasonCode: 'terms_agreement', name: '用户协议' });
    expect(facts.clauses.map((clause) => clause.rule)).toEqual(['no_refund', 'unilateral_change', 'final_interpretation']);
  });

  it('reads nothing but the role from a page without signals, and a gateway page is the provider', () => {
    const bare = readShopFacts(snapshot('https://plain.example/buy/2', ['价格：￥ 5.00', '下单']), [], null);
    expect({ ...bare, role: undefined }).toEqual({
      role: undefined, icp: [], companies: [], creditCodes: [], contacts: [], payments: [], escrow: [], aggregators: [], terms: null, clauses: [], promises: [],
    });
    expect(readShopFacts(snapshot('https://pay.example/submit.php?pid=1', ['站点提示信息']), [], null).role).toBe('provider');
  });
});

describe('the blocks a shop page sends the worker', () => {
  it('hold every signal the rules read: the facts from them equal the facts from the whole page', () => {
    const chatter = Array.from({ length: 40 }, (_, n) => `第 ${n} 段与商店无关的介绍文字，讲的是会员能看哪些节目。`);
    const page = { ...PRODUCT, blocks: [...PRODUCT.blocks, ...snapshot('https://shop.example/buy/1', chatter).blocks] };
    const sent = shopSignalBlocks(page, false);
    expect(sent.length).toBeLessThan(PRODUCT.blocks.length);
    expect(readShopFacts({ ...page, blocks: sent }, [], null)).toEqual(readShopFacts(page, [], null));
  });

  it('a terms page goes whole, within the caps', () => {
    const terms = snapshot('https://shop.example/article/terms', Array.from({ length: 400 }, (_, n) => `第${n}条 本站有权调整服务内容。`));
    expect(shopSignalBlocks(terms, true)).toHaveLength(300);
    expect(shopSignalBlocks(terms, false).length).toBeLessThan(300);
  });
});
