import type { Detector } from '../detector';
import { snapshotText } from '../page-snapshot';
import { pageRole } from '../page-role';

// The server behind the page crashed or is unreachable: nginx's default 5xx pages
// (ngx_http_special_response.c: "502 Bad Gateway" / "nginx"), Cloudflare 52x ("Error code 521",
// "Cloudflare Ray ID"), Laravel's minimal "500 | Server Error". On the shop's host that is the
// shop's failure; on a payment provider's host (易支付 submit.php, a cashier) the provider's.
// An article about a 502 is long prose and not an error page; 4xx pages are not payment failures.

const STATUS_LINE = /^(5\d\d)\s*(?:[|:-]\s*)?(Bad Gateway|Gateway Time-?out|Internal Server Error|Service (?:Temporarily )?Unavailable|Server Error|服务器错误|网关错误)$/i;
const CLOUDFLARE = /Error code (5\d\d)/i;
const ERROR_PAGE_MAX_CHARS = 1_600;
const QUOTING = new Set(['article', 'notice', 'nav', 'footer']);

export const serverError5xx: Detector = {
  id: 'server-error-5xx',
  fixtures: [
    'server-error/cloudflare-521-gateway',
    'server-error/cloudflare-522-shop-bill',
    'server-error/laravel-500-dujiaoka-pay',
    'server-error/nginx-500-create-order',
    'server-error/nginx-502-shop-pay-route',
    'server-error/nginx-504-epay-gateway',
  ],
  detect(page) {
    // An article or notice quoting "502 Bad Gateway" is someone writing about an outage.
    const own = page.snapshot.blocks.filter((block) => !block.hints.some((hint) => QUOTING.has(hint)));
    const text = snapshotText({ blocks: own });
    if (text.length > ERROR_PAGE_MAX_CHARS) return null;
    const lines = text.split('\n').map((line) => line.trim());
    const statusLine = [page.snapshot.title.trim(), ...lines, lines.slice(0, 2).join(' ')].find((line) => STATUS_LINE.test(line));
    const code = statusLine ? STATUS_LINE.exec(statusLine)![1] : /Cloudflare Ray ID/i.test(text) ? CLOUDFLARE.exec(text)?.[1] : undefined;
    if (!code) return null;
    const provider = pageRole(page) === 'provider';
    return {
      kind: 'payment_error',
      responsibility: provider ? 'third_party' : 'platform',
      reasonCode: provider ? 'provider_server_error' : 'shop_server_error',
      message: statusLine ?? `Error code ${code}`,
    };
  },
};
