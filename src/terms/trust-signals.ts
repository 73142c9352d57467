// What a shop shows about itself that a shopper can check later: an ICP filing number (备案,
// looked up at beian.miit.gov.cn), a company name, whether it offers escrow (担保交易: the money
// is held until delivery), and whether its terms were seen. Read from captured page text only.

export interface TrustSignals {
  icp: string | null;
  company: string | null;
  escrow: boolean;
  termsSeen: boolean;
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const ICP = new RegExp(`[${PROVINCES}]ICP(?:备|证)\\s?\\d{6,10}号(?:-\\d{1,3})?`);
const COMPANY = /[\u4e00-\u9fa5（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司|工作室|经营部|商行)/;
const COMPANY_LEAD = /^(?:版权所有|copyright|©|运营方|主办单位|经营者|公司名称|[:：\s])+/i;
const ESCROW = /(担保交易|资金担保|交易担保|担保支付|escrow)/i;
const ESCROW_DENIED = /(不支持|不提供|无|暂不)(担保交易|资金担保|担保)/;

export function trustSignals(pageTexts: readonly string[], termsSeen: boolean): TrustSignals {
  let icp: string | null = null;
  let company: string | null = null;
  let escrow = false;
  for (const text of pageTexts) {
    icp ??= ICP.exec(text)?.[0].replace(/\s/g, '') ?? null;
    company ??= companyName(text);
    if (ESCROW.test(text) && !ESCROW_DENIED.test(text)) escrow = true;
  }
  return { icp, company, escrow, termsSeen };
}

function companyName(text: string): string | null {
  for (const line of text.split('\n')) {
    const match = COMPANY.exec(line);
    if (!match) continue;
    // "© 2024 杭州星河网络科技有限公司": drop the lead-in words and the year before the name.
    return match[0].replace(COMPANY_LEAD, '').replace(/^\d+/, '') || null;
  }
  return null;
}
