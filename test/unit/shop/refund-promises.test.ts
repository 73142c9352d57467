import { describe, expect, it } from 'vitest';
import type { BlockHint } from '../../../src/detect/page-snapshot';
import { findRefundPromises, promiseKey } from '../../../src/shop/refund-promises';

const block = (text: string, hints: BlockHint[] = []) => ({ text, hints });
const texts = (blocks: Array<{ text: string; hints: BlockHint[] }>) => findRefundPromises(blocks).map((promise) => promise.text);

describe('refund promises', () => {
  it('keeps the promise of a dujiaoka product description verbatim, the whole sentence', () => {
    const description = '官方渠道卡密，付款后自动发货，卡密在订单详情中查看。若兑换失败请先确认账号类型；未使用的卡密 7 天内可申请退款，已兑换的卡密不支持退款。';
    expect(findRefundPromises([block('商品描述', ['heading']), block(description)])).toEqual([
      { text: '未使用的卡密 7 天内可申请退款，已兑换的卡密不支持退款。', part: 'main' },
    ]);
  });

  it('reads promises in announcements, FAQ answers, checkout dialogs and policies, with where they were', () => {
    const found = findRefundPromises([
      block('公告：充值失败自动退款，请放心购买！', ['notice']),
      block('答：可以。订单未发货前均可申请全额退款，款项原路退回。', ['article']),
      block('本商品支持7天无理由退换货', ['dialog']),
      block('人工代充，下单后请耐心等待。账号信息填写错误导致充值失败的，可联系客服退款。'),
      block('If your code does not work, you can request a full refund within 24 hours.'),
    ]);
    expect(found).toEqual([
      { text: '公告：充值失败自动退款，请放心购买！', part: 'notice' },
      { text: '订单未发货前均可申请全额退款，款项原路退回。', part: 'article' },
      { text: '本商品支持7天无理由退换货', part: 'dialog' },
      { text: '账号信息填写错误导致充值失败的，可联系客服退款。', part: 'main' },
      { text: 'If your code does not work, you can request a full refund within 24 hours.', part: 'main' },
    ]);
    expect(texts([block('本店承诺：不满意全额退款')])).toEqual(['本店承诺：不满意全额退款']);
  });

  it('keeps at most five promises of one page', () => {
    expect(texts(Array.from({ length: 8 }, (_, day) => block(`第${day}类商品${day + 1}天内可申请退款。`)))).toHaveLength(5);
  });

  it('hard negatives: a refusal, a question, someone quoting a promise, a refund already made, a process, a status', () => {
    const negatives = [
      '虚拟商品一经售出概不退款。',
      '本站所有卡密类商品均不支持退款；',
      '退款政策：本站商品为虚拟商品，不予退款，请谨慎购买。',
      'All sales are final. No refunds will be given.',
      'Digital goods are non-refundable.',
      '可以退款吗？',
      '问：未使用的卡密能申请退款吗',
      'Q: 充值失败会自动退款吗？',
      '如何申请退款？',
      'Can I get a full refund within 7 days?',
      '客服说“充值失败自动退款”，结果三天了还没退，大家别买！',
      '他们宣称‘7天内可申请退款’，实际根本联系不上。',
      '充值失败，已自动退款至您的余额。',
      '退款成功',
      '订单状态：退款中',
      '如需退款请联系在线客服。',
      '申请退款',
      '您可以在订单详情页查看退款进度。',
      '失败订单会自动关闭，无需申请退款。',
      '可退出登录后重新下单。',
      '本站不退不换。',
    ];
    for (const text of negatives) expect(texts([block(text)]), text).toEqual([]);
  });

  it('skips navigation and lists each promise once, however it is spaced', () => {
    expect(texts([block('7天内可退款', ['nav'])])).toEqual([]);
    expect(texts([block('充值失败自动退款。'), block('充值失败 自动退款。', ['footer']), block('充值失败自动退款')])).toEqual(['充值失败自动退款。']);
    expect(promiseKey('未使用的卡密 7 天内可申请退款。')).toBe(promiseKey('未使用的卡密７天内可申请退款'));
  });

  it('quotes only the promising clause of a very long sentence, still verbatim', () => {
    const long = `${'本站商品均为虚拟商品，'.repeat(20)}未使用的卡密可申请退款，其余情况请联系客服。`;
    const [promise] = texts([block(long)]);
    expect(promise).toBe('未使用的卡密可申请退款，');
    expect(long).toContain(promise);
  });
});
