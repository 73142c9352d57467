import { findCompanyNames } from '../shop/company-name';
import { escrowState, findEscrow } from '../shop/escrow';
import { findIcpNumbers } from '../shop/icp-number';

// What a shop shows about itself that a shopper can check later: an ICP filing number (备案,
// looked up at beian.miit.gov.cn), a company name, whether it offers escrow (担保交易: the money
// is held until delivery), and whether its terms were seen. Read from captured page text only, with
// the rules of src/shop (the popup's "this shop" section reads the same way).

export interface TrustSignals {
  icp: string | null;
  company: string | null;
  escrow: boolean;
  termsSeen: boolean;
}

export function trustSignals(pageTexts: readonly string[], termsSeen: boolean, now: Date = new Date()): TrustSignals {
  const text = pageTexts.join('\n');
  return {
    icp: findIcpNumbers(text, now)[0]?.shown ?? null,
    company: findCompanyNames(text)[0] ?? null,
    escrow: escrowState(findEscrow(text)) === 'offered',
    termsSeen,
  };
}
