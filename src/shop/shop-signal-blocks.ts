import type { PageSnapshot, TextBlock } from '../detect/page-snapshot';

// The content script sends the worker only the blocks of a page that can carry a shop signal (a
// footer's ICP number, a payment list, a promise, a contact line, headings), not the whole page:
// the rules themselves run in the worker (shop-page-facts.ts), which keeps the content script small
// and means a page can hand over text, never findings. Every word a rule starts from is here.

const SIGNAL_WORDS =
  /ICP|公司|工作室|经营部|商行|中心|信用代码|营业执照|QQ|扣扣|企鹅|@|微信|wx|vx|客服|工单|售后|联系|telegram|t\.me|TG|电报|飞机|contact|support|help|支付|付款|pay|银联|云闪付|网银|USDT|TRC|ERC|币|BTC|TRX|crypto|余额|担保|escrow|易支付|码支付|免签|虎皮椒|迅虎|xunhu|vmq|聚合|收款码|个码|退|赔|refund|money[- ]back/i;
const MAX_BLOCKS = 300;
const MAX_CHARS = 40_000;

/** `wholePage`: a terms page, whose every clause may be flagged, goes whole (within the caps). */
export function shopSignalBlocks(snapshot: Pick<PageSnapshot, 'blocks'>, wholePage: boolean): TextBlock[] {
  const picked: TextBlock[] = [];
  let chars = 0;
  for (const block of snapshot.blocks) {
    if (!wholePage && !block.hints.includes('heading') && !SIGNAL_WORDS.test(block.text)) continue;
    if (picked.length === MAX_BLOCKS || chars + block.text.length > MAX_CHARS) break;
    picked.push({ text: block.text, tag: block.tag, hints: block.hints });
    chars += block.text.length;
  }
  return picked;
}
