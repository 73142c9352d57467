import { findCompanyNames } from '../shop/company-name';
import { findIcpNumbers } from '../shop/icp-number';

// Who runs a shop, as its own pages admit it: an ICP filing number and a company name in the footer.
// 12315 needs the company behind a site; these are read from the captured page text at export, with
// the rules of src/shop (the popup's "this shop" section reads the same way).

export interface ShopIdentity {
  companyNames: string[];
  icpNumbers: string[];
}

const MAX_EACH = 3;

/** `seenAt`: when the page was captured (an ICP number is read as it stood then). */
export function findShopIdentity(text: string, seenAt: Date): ShopIdentity {
  return {
    icpNumbers: firstDistinct(findIcpNumbers(text, seenAt).map((number) => number.shown)),
    companyNames: firstDistinct(findCompanyNames(text)),
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
