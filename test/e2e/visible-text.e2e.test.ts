import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageSnapshot } from '../../src/detect/page-snapshot';
import { startReaderPages, type ReaderPages } from '../harness/reader-pages';

// What the reader counts as shown is what Chromium draws (src/content/element-info.ts). A transform
// or overflow does nothing to an inline box: a span's text under scale(0) is drawn whole, though its
// computed transform reads matrix(0, 0, 0, 0, 0, 0); the same on an inline-block hides it.

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>订单</title></head><body>
<p>甲 <span style="transform:scale(0)">INLINE-SCALED-SHOWN</span> 乙</p>
<p>丙 <span style="display:inline-block;transform:scale(0)">BLOCK-SCALED-HIDDEN</span> 丁</p>
<p>戊 <a href="#" style="overflow:hidden;width:0;height:0">INLINE-OVERFLOW-SHOWN</a> 己</p>
<div style="overflow:hidden;height:0">BOX-CLIPPED-HIDDEN</div>
<p style="transform:scale(0.01)">PARAGRAPH-SCALED-HIDDEN</p>
</body></html>`;

describe('what the reader counts as shown (real Chromium)', () => {
  let pages: ReaderPages;

  beforeAll(async () => {
    pages = await startReaderPages(page);
  });
  afterAll(async () => {
    await pages?.close();
  });

  it('reads an inline box whatever its transform or overflow, and not a box scaled or clipped away', async () => {
    const tab = await pages.open();
    try {
      const text = ((await tab.evaluate('globalThis.__payWitnessRead()')) as PageSnapshot).blocks.map((block) => block.text).join('\n');
      // Chromium draws them: the boxes' sizes say so.
      const drawn = await tab.evaluate(() => Array.from(document.querySelectorAll('span, a')).map((el) => el.getBoundingClientRect().width > 10));
      expect(drawn).toEqual([true, false, true]);
      expect(text).toContain('INLINE-SCALED-SHOWN');
      expect(text).toContain('INLINE-OVERFLOW-SHOWN');
      expect(text).not.toContain('BLOCK-SCALED-HIDDEN');
      expect(text).not.toContain('BOX-CLIPPED-HIDDEN');
      expect(text).not.toContain('PARAGRAPH-SCALED-HIDDEN');
    } finally {
      await tab.close();
    }
  });
});
