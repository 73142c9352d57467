import { paymentChannels, type PaymentChannel } from '../checklist/refund-checklist';
import type { CaptureEntry } from '../evidence/capture-entry';
import { pageTextBody } from '../evidence/page-text';
import { isRefundPromiseRecord } from '../shop/refund-promise-record';
import { tallyScript, type ScriptTally } from './complaints/draft-language';
import { flaggedClauseStatements, type ShopStatement } from './shop-statements';
import { findShopIdentity, type ShopIdentity } from './shop-identity';

// What export takes from one capture's page text while it streams the file into the zip, so the
// text is read once and not kept: who runs the shop, what the shop stated, which script the page
// is written in, which payment channel it names.

export interface PageReading {
  identity: ShopIdentity;
  statements: ShopStatement[];
  script: ScriptTally;
  channels: PaymentChannel[];
}

export function readPage(capture: CaptureEntry, pageFile: string): PageReading {
  const pageText = pageTextBody(pageFile);
  return {
    identity: findShopIdentity(pageText, new Date(capture.capturedAt)),
    // A kept refund promise is a terms record of a product or checkout page, not the shop's terms.
    statements: capture.kind === 'terms' && !isRefundPromiseRecord(capture) ? flaggedClauseStatements(capture, pageText) : [],
    script: tallyScript(pageText),
    channels: paymentChannels([], [pageText]),
  };
}
