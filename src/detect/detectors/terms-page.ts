import { snapshotText, type TextBlock } from '../page-snapshot';
import { documentName, termsDocument } from '../../terms/terms-document';
import type { Detector } from '../detector';

// A shop's user agreement, terms of service, purchase notice or refund policy is evidence of what
// the shop promised: keep it (kind "terms", nobody at fault). Which clauses look unfair is read
// from the stored page text when the case is shown (src/terms/unfair-clauses.ts), so better rules
// apply to old captures too and the sealed record stays as bundle format v1 defines it.
//
// Accepts: a page titled "用户协议 - 星河发卡" or with a heading 《退款政策》 / "Refund Policy"
// whose text speaks of goods, orders or refunds. Rejects: a FAQ or an order page that mentions
// 退款, an article headed "如何写一份用户协议", a news site's privacy policy.

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'title']);
// A policy has substance; a footer link labelled 用户协议 on a short page is not the document.
const MIN_TEXT = 120;
// Many shop templates head a policy with a styled box rather than an <h*> (bootstrap's
// panel-heading, layui's active tab, a card header): a block that is nothing but the document's
// name counts as its heading when the prose right after it is the document — sentences, not a
// list of links such as a sidebar's "用户协议 / 隐私政策 / 关于我们".
const SENTENCE_END = /[。．.；;！!？?）)]$/;
const MIN_PROSE_BLOCKS = 2;
// "我已阅读并同意《用户协议》" beside a checkbox names a document without heading it.
const POINTS_TO_DOCUMENT = /(阅读|同意|查看|点击|详见|agree|accept|read|see )/i;

export const termsPage: Detector = {
  id: 'terms-page',
  detect({ snapshot }) {
    const text = snapshotText(snapshot);
    if (text.length < MIN_TEXT) return null;
    const blocks = snapshot.blocks.filter((block) => !block.hints.includes('nav') && !block.hints.includes('footer'));
    const headings = blocks.map((block, index) => ({
      text: block.text,
      isHeading: HEADING_TAGS.has(block.tag) || block.hints.includes('heading') || headsProse(blocks, index),
    }));
    const document = termsDocument(snapshot.title, headings, text);
    if (!document) return null;
    return { kind: 'terms', responsibility: null, reasonCode: `terms_${document.kind}`, message: document.name.slice(0, 80) };
  },
  fixtures: ['acg-faka/terms-user-agreement', 'english-shop/terms-of-service', 'kameng/terms-of-service', 'zfaka/about-terms'],
};

/** A block that only names a terms document, followed by the document's sentences. */
function headsProse(blocks: readonly TextBlock[], index: number): boolean {
  const block = blocks[index]!;
  if (block.hints.includes('article') || block.hints.includes('table')) return false;
  if (POINTS_TO_DOCUMENT.test(block.text) || !documentName(block.text)) return false;
  let prose = 0;
  let length = 0;
  for (const next of blocks.slice(index + 1)) {
    const text = next.text.trim();
    if (!SENTENCE_END.test(text)) break;
    prose++;
    length += text.length;
  }
  return prose >= MIN_PROSE_BLOCKS && length >= MIN_TEXT;
}
