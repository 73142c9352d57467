// The business behind a shop, as its own pages name it: usually the footer's "© 2024 杭州某某网络
// 科技有限公司", sometimes a labelled line (运营主体 / 主办单位 / 公司名称). The name is what 12315
// and the national enterprise credit lookup need; it is read, never guessed.

const COMPANY = /[\u4e00-\u9fa5（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|工作室|经营部|商行|网络科技中心)/g;
// Words that lead into a name without being part of it ("本站由…运营", "支付服务由…提供").
const LEAD_IN = /^(?:.*?(?:版权所有|copyright|©|运营方|运营主体|运营单位|主办单位|经营者|经营主体|公司名称|企业名称|隶属于|归属于)|.*由)?[\s:：]*/i;
// A shop names the payment companies it works with; they are not the shop.
const NOT_THE_SHOP = /^(?:支付宝（中国）网络技术有限公司|支付宝\(中国\)网络技术有限公司|财付通支付科技有限公司|中国银联股份有限公司|深圳市腾讯计算机系统有限公司)$/;
const MAX_NAMES = 3;

export function findCompanyNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(COMPANY)) {
      const name = match[0].replace(LEAD_IN, '').replace(/^[\d\s]+/, '');
      if (name.length < 6 || NOT_THE_SHOP.test(name) || names.includes(name)) continue;
      names.push(name);
      if (names.length === MAX_NAMES) return names;
    }
  }
  return names;
}
