import type { TextBlock } from '../detect/page-snapshot';

// Where on a page a signal was read, so the popup can say it: "in the footer", "in an
// announcement", "in a pop-up". Taken from the hints the page reader gives each text block.

export type PagePart = 'footer' | 'notice' | 'article' | 'dialog' | 'table' | 'nav' | 'link' | 'main';

export const PAGE_PARTS: readonly PagePart[] = ['footer', 'notice', 'article', 'dialog', 'table', 'nav', 'link', 'main'];

export function pagePart(block: Pick<TextBlock, 'hints'>): PagePart {
  const { hints } = block;
  if (hints.includes('footer')) return 'footer';
  if (hints.includes('notice')) return 'notice';
  if (hints.includes('article')) return 'article';
  if (hints.includes('dialog') || hints.includes('toast') || hints.includes('alert')) return 'dialog';
  if (hints.includes('nav')) return 'nav';
  if (hints.includes('table')) return 'table';
  return 'main';
}
