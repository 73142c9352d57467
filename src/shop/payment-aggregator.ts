import { safeUrl } from '../shared/safe-url';
import type { PageLink } from './contact-channels';

// Many card shops take payment not through a merchant account of their own but through a
// third-party aggregator: 易支付 (epay and its clones), 码支付, V免签, PayJS, 虎皮椒. The shopper's
// Alipay or WeChat bill then names the aggregator's merchant, not the shop, and a complaint has to
// go through the aggregator. A shop shows it in its method names (dujiaoka's default is
// "易支付-支付宝"), or in where its pay links and forms go: dujiaoka routes /pay/yipay/…, and
// epay's /submit.php or /mapi.php on another host.

export type AggregatorKind = 'epay' | 'mapay' | 'vmq' | 'payjs' | 'xunhu' | 'unnamed';

export interface AggregatorSeen {
  kind: AggregatorKind;
  /** The words or the link (host and path, no query) that showed it. */
  shown: string;
  from: 'text' | 'link';
}

const NAMES: ReadonlyArray<[AggregatorKind, RegExp]> = [
  ['epay', /彩虹易支付|易支付|\bepay\b/i],
  ['mapay', /码支付/],
  ['vmq', /V免签|vmq/i],
  ['payjs', /payjs/i],
  ['xunhu', /虎皮椒|迅虎支付|xunhupay/i],
  ['unnamed', /聚合支付|免签约?支付|个人收款码|个码支付/],
];
// dujiaoka's pay route names; epay's submit scripts.
const ROUTES: ReadonlyArray<[AggregatorKind, RegExp]> = [
  ['epay', /\/pay\/yipay\/|pay%2Fyipay/i],
  ['mapay', /\/pay\/mapay\/|pay%2Fmapay/i],
  ['vmq', /\/pay\/vpay\/|pay%2Fvpay/i],
  ['payjs', /\/pay\/payjs\/|pay%2Fpayjs/i],
];
const EPAY_SCRIPT = /\/(?:submit|mapi)\.php$/i;

export function findAggregators(text: string, links: readonly PageLink[], pageHost: string): AggregatorSeen[] {
  const found: AggregatorSeen[] = [];
  const add = (seen: AggregatorSeen) => {
    if (!found.some((item) => item.kind === seen.kind)) found.push(seen);
  };
  for (const [kind, pattern] of NAMES) {
    const match = pattern.exec(text);
    if (match) add({ kind, shown: lineAround(text, match.index), from: 'text' });
  }
  for (const link of links) {
    const url = safeUrl(link.href);
    if (!url) continue;
    const route = ROUTES.find(([, pattern]) => pattern.test(url.pathname));
    if (route) add({ kind: route[0], shown: `${url.host}${url.pathname}`.slice(0, 120), from: 'link' });
    else if (EPAY_SCRIPT.test(url.pathname) && url.hostname !== pageHost) add({ kind: 'epay', shown: `${url.host}${url.pathname}`.slice(0, 120), from: 'link' });
  }
  return found;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  const line = text.slice(start, end === -1 ? undefined : end).trim();
  return line.length <= 60 ? line : text.slice(index, index + 20);
}

