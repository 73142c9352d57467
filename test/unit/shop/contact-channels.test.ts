import { describe, expect, it } from 'vitest';
import { findContactChannels } from '../../../src/shop/contact-channels';

describe('contact channels', () => {
  it('reads labelled QQ, QQ group, Telegram, WeChat and e-mail contacts', () => {
    const text = [
      '欢迎光临星河发卡！如遇到支付网关异常，请稍后重试或联系客服（QQ：10086100），请勿重复付款。',
      'QQ交流群：614392871',
      '售后微信：xinghe_kefu',
      'Telegram: @xinghe_shop',
      '客服邮箱：help@xinghe.example',
      '联系客服',
    ].join('\n');
    expect(findContactChannels(text)).toEqual([
      { kind: 'qq_group', value: '614392871' },
      { kind: 'qq', value: '10086100' },
      { kind: 'telegram', value: '@xinghe_shop' },
      { kind: 'wechat', value: 'xinghe_kefu' },
      { kind: 'email', value: 'help@xinghe.example' },
      { kind: 'support_link', value: '联系客服' },
    ]);
  });

  it("never takes the shopper's own e-mail, recharge QQ or phone for the shop's contact", () => {
    expect(findContactChannels('下单邮箱：buyer@example.com\n充值QQ：55555555\n网易云账号:138****0000\n邮箱:')).toEqual([]);
  });

  it('reads contact links: mailto, Telegram, QQ chat, ticket pages', () => {
    const links = [
      { text: '邮件联系', href: 'mailto:kefu@shop.example?subject=order' },
      { text: '', href: 'https://t.me/xinghe_shop' },
      { text: 'QQ客服', href: 'https://wpa.qq.com/msgrd?v=3&uin=10086100' },
      { text: '工单', href: 'https://shop.example/user/ticket' },
      { text: '首页', href: 'https://shop.example/' },
    ];
    expect(findContactChannels('', links)).toEqual([
      { kind: 'email', value: 'kefu@shop.example' },
      { kind: 'support_link', value: 'https://t.me/xinghe_shop' },
      { kind: 'support_link', value: 'QQ客服' },
      { kind: 'support_link', value: '工单' },
    ]);
  });
});
