import { loadCorpus } from '../test/harness/fixture-corpus';
import { checkoutPage } from './generated-pages';
import type { BenchPage } from './ordinary-pages';

// Shop pages for the same-browser cost: the 150-row checkout page the other benches use, and
// realistic shop and gateway pages from the detection corpus (test/fixtures/pages) as a shopper
// mostly sees them: quiet, nothing failed (kind none), shown at once. Each gets a host of its own.

export function checkoutBenchPage(): BenchPage {
  return { name: '150-row checkout page', url: 'https://faka.bench.example/checkout/LOAD0001', html: checkoutPage('LOAD0001') };
}

export function realisticShopPages(max: number): BenchPage[] {
  const quiet = loadCorpus().filter((fixture) => fixture.system !== 'negative' && fixture.expected.kind === 'none' && fixture.delayMs === 0);
  return quiet.slice(0, max).map((fixture, index) => {
    const url = new URL(fixture.url);
    url.hostname = `b${index}.${url.hostname}`;
    return { name: fixture.id, url: url.href, html: fixture.html };
  });
}
