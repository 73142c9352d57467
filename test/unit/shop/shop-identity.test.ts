import { describe, expect, it } from 'vitest';
import { findCompanyNames } from '../../../src/shop/company-name';
import { findCreditCodes, isValidCreditCode } from '../../../src/shop/credit-code';

describe('company names', () => {
  it('reads the operator from footers and labelled lines, without the words that lead into it', () => {
    expect(findCompanyNames('Powered by：@独角数卡\n© 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1')).toEqual(['杭州星河网络科技有限公司']);
    expect(findCompanyNames('本站由深圳市云卡科技有限公司运营')).toEqual(['深圳市云卡科技有限公司']);
    expect(findCompanyNames('运营主体：广州某某信息技术有限责任公司')).toEqual(['广州某某信息技术有限责任公司']);
    expect(findCompanyNames('版权所有©星河网络科技有限公司 粤ICP备12345678号-1')).toEqual(['星河网络科技有限公司']);
    expect(findCompanyNames('© 2023 小鱼数码工作室')).toEqual(['小鱼数码工作室']);
  });

  it('does not take the payment companies a shop names for the shop', () => {
    expect(findCompanyNames('支付服务由支付宝（中国）网络技术有限公司提供\n财付通支付科技有限公司')).toEqual([]);
  });

  it('finds nothing on a page without a company', () => {
    expect(findCompanyNames('星河发卡 · Powered by 独角数卡 · 联系客服')).toEqual([]);
    expect(findCompanyNames('有限公司')).toEqual([]);
  });
});

describe('统一社会信用代码', () => {
  it('checks the check character (GB 32100-2015)', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
    expect(isValidCreditCode('914403001922038217')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    // I, O, S, V and Z are not in the code's alphabet.
    expect(isValidCreditCode('91350100M000100O43')).toBe(false);
  });

  it('reads only labelled codes: an 18-character order number is not a company', () => {
    expect(findCreditCodes('统一社会信用代码：91350100M000100Y43\n营业执照号 914403001922038217')).toEqual([
      { code: '91350100M000100Y43', valid: true },
      { code: '914403001922038217', valid: false },
    ]);
    expect(findCreditCodes('订单号：91350100M000100Y43')).toEqual([]);
  });
});
