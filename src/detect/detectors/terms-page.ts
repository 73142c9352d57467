import { snapshotText } from '../page-snapshot';
import { termsDocument } from '../../terms/terms-document';
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

export const termsPage: Detector = {
  id: 'terms-page',
  detect({ snapshot }) {
    const text = snapshotText(snapshot);
    if (text.length < MIN_TEXT) return null;
    const headings = snapshot.blocks
      .filter((block) => !block.hints.includes('nav') && !block.hints.includes('footer'))
      .map((block) => ({ text: block.text, isHeading: HEADING_TAGS.has(block.tag) || block.hints.includes('heading') }));
    const document = termsDocument(snapshot.title, headings, text);
    if (!document) return null;
    return { kind: 'terms', responsibility: null, reasonCode: `terms_${document.kind}`, message: document.name.slice(0, 80) };
  },
};
