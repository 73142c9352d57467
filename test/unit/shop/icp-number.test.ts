import { describe, expect, it } from 'vitest';
import { checkIcpNumber, findIcpNumbers } from '../../../src/shop/icp-number';
import { PROVINCE_BY_CHAR, PROVINCE_CODES } from '../../../src/shop/provinces';

const NOW = new Date('2026-11-28T10:00:00+08:00');

describe('ICP filing numbers', () => {
  it('reads well-formed numbers from real-shaped footers, with province, year and the subject to look up', () => {
    const footer = [
      '<!-- footer --> Powered by：@独角数卡 © 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1',
      'Copyright (c) 2020 - 2021 万里长江第一城 网站备案号：蜀ICP备12014244号-2',
      '友情链接 | 蜀ICP备2026007879号-1 | 川公网安备51010702000001号',
      '京ICP证030173号 京公网安备11000002000001号',
      '粤 ICP 备 2021012345 号',
    ].join('\n');
    const found = findIcpNumbers(footer, NOW);
    expect(found.map((number) => [number.shown, number.subject, number.province, number.year, number.problems])).toEqual([
      ['浙ICP备12345678号-1', '浙ICP备12345678号', 'zhejiang', 2012, []],
      ['蜀ICP备12014244号-2', '蜀ICP备12014244号', 'sichuan', 2012, []],
      ['蜀ICP备2026007879号-1', '蜀ICP备2026007879号', 'sichuan', 2026, []],
      ['京ICP证030173号', '京ICP证030173号', 'beijing', null, []],
      ['粤ICP备2021012345号', '粤ICP备2021012345号', 'guangdong', 2021, []],
    ]);
    expect(found[3]!.kind).toBe('licence');
  });

  it('accepts both abbreviations of the four provinces that have two (黔/贵, 滇/云, 蜀/川, 陇/甘)', () => {
    for (const [a, b] of [['黔', '贵'], ['滇', '云'], ['蜀', '川'], ['陇', '甘']] as const) {
      expect(checkIcpNumber(`${a}ICP备15002899号`, NOW)!.province).toBe(checkIcpNumber(`${b}ICP备15002899号`, NOW)!.province);
    }
    expect(PROVINCE_CODES).toHaveLength(31);
    expect(Object.keys(PROVINCE_BY_CHAR)).toHaveLength(35);
  });

  it('reports what is wrong with a malformed number instead of ignoring it', () => {
    const problems = (text: string) => checkIcpNumber(text, NOW)?.problems;
    expect(problems('备案号：ICP备12345678号')).toEqual(['no_province']);
    expect(problems('华ICP备12345678号')).toEqual(['unknown_province']);
    expect(problems('港ICP备12345678号')).toEqual(['unknown_province']);
    expect(problems('浙ICP备1234号')).toEqual(['digit_count']);
    expect(problems('浙ICP备123456789号')).toEqual(['digit_count']);
    expect(problems('浙ICP备3021012345号')).toEqual(['digit_count']);
    expect(problems('浙ICP备2099012345号')).toEqual(['future_year']);
    expect(problems('浙ICP备99123456号')).toEqual(['future_year']);
    expect(problems('京ICP证12345678号')).toEqual(['digit_count']);
    expect(problems('浙ICP备１２３４５６７８号')).toEqual([]);
  });

  it('finds nothing where no number is printed (placeholders, "备案中", other filings)', () => {
    for (const text of ['ICP 备案中', '川ICP备1XXXXXX1号', 'ICP备案号: 川ICP备2025XXXXXXXX号', '川公网安备51010702000001号', 'ICP license pending', '订单号：ICPA12345678']) {
      expect(findIcpNumbers(text, NOW), text).toEqual([]);
    }
  });

  it('lists a number once however often the page repeats it', () => {
    expect(findIcpNumbers('浙ICP备12345678号-1\n浙ICP备12345678号-1\n浙 ICP备12345678号-1', NOW)).toHaveLength(1);
  });
});
