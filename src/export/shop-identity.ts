// Who runs a shop, as its own pages admit it: an ICP filing number and a company name in the footer.
// 12315 needs the company behind a site; these are read from the captured page text at export.

export interface ShopIdentity {
  companyNames: string[];
  icpNumbers: string[];
}

const ICP = /[\u4e00-\u9fa5]ICP[备证]\s?\d{4,}号?(?:-\d+)?/g;
const COMPANY = /[\u4e00-\u9fa5（）()]{2,30}?(?:有限责任公司|股份有限公司|有限公司)/g;
const NOT_PART_OF_NAME = /^(?:版权所有|copyright|运营方|运营|主办单位|主办|所属公司|公司)[：:\s©]*/i;
const MAX_EACH = 3;

export function findShopIdentity(text: string): ShopIdentity {
  return {
    icpNumbers: firstDistinct(text.match(ICP) ?? []),
    companyNames: firstDistinct((text.match(COMPANY) ?? []).map((name) => name.replace(NOT_PART_OF_NAME, ''))),
  };
}

export function mergeIdentities(identities: Iterable<ShopIdentity>): ShopIdentity {
  const all = [...identities];
  return {
    icpNumbers: firstDistinct(all.flatMap((identity) => identity.icpNumbers)),
    companyNames: firstDistinct(all.flatMap((identity) => identity.companyNames)),
  };
}

function firstDistinct(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value.length > 0))].slice(0, MAX_EACH);
}
