import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameReading, type ReadLimits } from '../../src/content/page-reader';
import type { PageSnapshot } from '../../src/detect/page-snapshot';
import { startReaderPages, type ReaderPages } from '../harness/reader-pages';

// The reader reads a page whole once, then only where its MutationObserver saw changes
// (src/content/page-reader.ts). Whatever a page does — elements added, removed or moved elsewhere,
// text edited, classes, `hidden` and inline styles switched, stylesheets added and taken away,
// message surfaces coming and going — its reading must stay what a whole read of the same moment
// says. A seeded stream of random changes, compared after every batch.

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>订单查询 - 星河发卡</title>
<style>body{font:16px sans-serif;margin:20px} .hide{display:none} .fade{opacity:0} .off{position:absolute;left:-9999px}
.blk{display:block} .inl{display:inline} .tiny{font-size:0} .flex{display:flex} .clip{overflow:hidden;height:0}
.layui-layer-msg{position:fixed;top:30%;left:30%;background:#333;color:#fff;padding:8px}</style></head>
<body><h1>订单查询</h1>
<div id="a"><p>订单号：<b>T2026120600001</b></p><p>状态：<span class="badge">待处理</span></p></div>
<ul id="list">${Array.from({ length: 8 }, (_, i) => `<li>用户 ${i} 刚刚购买了 月卡 <i>¥${i + 10}</i></li>`).join('')}</ul>
<table id="t"><tbody>${Array.from({ length: 6 }, (_, i) => `<tr><td>T00${i}</td><td><div class="cell">¥ ${i}.00</div></td><td>已支付</td></tr>`).join('')}</tbody></table>
<div id="tpl" style="display:none"><div class="alert alert-danger">支付失败：订单已过期</div></div>
<div id="toast-host"></div><footer>© 星河发卡</footer></body></html>`;

/**
 * In the page: `count` random changes drawn from `seed`'s stream (a small LCG: the same seed, the
 * same changes); `kinds`, when given, the only kinds of change drawn.
 */
function mutate({ seed, count, kinds }: { seed: number; count: number; kinds?: number[] }): number {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // Surface classes the page does not start with among them: the reader parses those kits' selectors
  // only once one shows (a layer toast, an Element message); and names a surface needs on an element
  // other than its own (zfaka's `.fly-none > p`, dujiaoka's `.text-error ~ h1`).
  const classes = ['', 'hide', 'fade', 'off', 'blk', 'inl', 'tiny', 'flex', 'clip', 'badge', 'cell', 'alert alert-danger', 'layui-layer layui-layer-msg', 'toast', 'el-message el-message--error', 'fly-none', 'text-error'];
  const words = ['支付失败', '订单超时', '待处理', '已完成', '余额不足', 'Payment failed', '¥ 30.00', '  空白  文字 ', '卡密：ABCD-1234'];
  const tags = ['div', 'p', 'span', 'li', 'b', 'section', 'td', 'br', 'h1'];
  const body = document.body;
  const elements = () => Array.from(body.querySelectorAll('*')).filter((el) => el.tagName !== 'STYLE' && el.tagName !== 'SCRIPT');
  for (let i = 0; i < count; i++) {
    const all = elements();
    const target = all.length ? pick(all) : body;
    switch (kinds ? pick(kinds) : Math.floor(next() * 11)) {
      case 0: {
        const el = document.createElement(pick(tags));
        el.className = pick(classes);
        if (el.tagName !== 'BR') el.textContent = pick(words);
        if (next() < 0.3) el.append(Object.assign(document.createElement('span'), { textContent: pick(words), className: pick(classes) }));
        const parent = next() < 0.2 ? body : target;
        parent.insertBefore(el, parent.childNodes[Math.floor(next() * (parent.childNodes.length + 1))] ?? null);
        break;
      }
      case 1:
        if (target !== body) target.remove();
        break;
      case 2: {
        // Moved elsewhere: the same element, a new place (its hints, cell and surfaces may change with it).
        const to = pick(all.length ? all : [body]);
        if (target !== body && !target.contains(to)) to.insertBefore(target, to.firstChild && next() < 0.5 ? to.firstChild : null);
        break;
      }
      case 3:
        if (target.tagName !== 'BR') target.textContent = pick(words);
        break;
      case 4: {
        const text = Array.from(target.childNodes).find((node) => node.nodeType === 3) as Text | undefined;
        if (text) text.data = pick(words);
        else target.append(pick(words));
        break;
      }
      case 5:
        target.className = pick(classes);
        break;
      case 6:
        target.toggleAttribute('hidden');
        break;
      case 7:
        (target as HTMLElement).style.cssText = pick(['', 'display:none', 'opacity:0', 'display:block', 'visibility:hidden', 'font-size:0']);
        break;
      case 8: {
        const style = document.createElement('style');
        style.className = 'added';
        style.textContent = `.${pick(['badge', 'cell', 'blk', 'flex'])}{${pick(['display:none', 'display:inline', 'display:block', 'visibility:hidden'])}}`;
        (next() < 0.5 ? document.head : body).append(style);
        break;
      }
      case 9: {
        const added = Array.from(document.querySelectorAll('style.added'));
        if (!added.length) break;
        const sheet = pick(added);
        // Taken away, or rewritten in place (its text node edited, or its text replaced).
        const how = next();
        if (how < 0.4) sheet.remove();
        else if (how < 0.7 && sheet.firstChild) (sheet.firstChild as Text).data = `.${pick(['badge', 'cell'])}{display:none}`;
        else sheet.textContent = `.${pick(['blk', 'flex'])}{visibility:hidden}`;
        break;
      }
      case 11: {
        // A feed: an item comes in somewhere in a list (now and then with an inline part, or empty).
        const list = document.getElementById('list') ?? body;
        const item = document.createElement('li');
        const word = pick(words);
        if (next() < 0.8) item.textContent = word;
        if (next() < 0.3) item.append(Object.assign(document.createElement('i'), { textContent: pick(words) }));
        list.insertBefore(item, list.children[Math.floor(next() * (list.children.length + 1))] ?? null);
        break;
      }
      case 12: {
        // …and one goes.
        const items = document.querySelectorAll('#list > li');
        if (items.length) items[Math.floor(next() * items.length)]!.remove();
        break;
      }
      default:
        target.setAttribute('aria-hidden', next() < 0.5 ? 'true' : 'false');
    }
  }
  return elements().length;
}

describe('incremental reads under random changes (real Chromium)', () => {
  let pages: ReaderPages;

  beforeAll(async () => {
    pages = await startReaderPages(page);
  });
  afterAll(async () => {
    await pages?.close();
  });

  async function readBoth(tab: Page, limits: Partial<ReadLimits>): Promise<{ incremental: PageSnapshot; whole: PageSnapshot }> {
    const [incremental, whole] = (await tab.evaluate(
      (given) => {
        const scope = globalThis as unknown as { __payWitnessReadAgain(): unknown; __payWitnessRead(limits: Partial<ReadLimits>): unknown };
        return [scope.__payWitnessReadAgain(), scope.__payWitnessRead(given)];
      },
      limits,
    )) as PageSnapshot[];
    return { incremental: incremental!, whole: whole! };
  }
  /** The page meets a cap now: the incremental reading is cut where the whole one is. */
  async function expectCutAlike(tab: Page, limits: Partial<ReadLimits>): Promise<void> {
    const after = await readBoth(tab, limits);
    expect(after.whole.truncated).toBe(true);
    expect(after.incremental.blocks.map((block) => block.text)).toEqual(after.whole.blocks.map((block) => block.text));
    expect(sameReading(after.incremental, after.whole)).toBe(true);
  }
  /** The reader as the extension runs it, watching the page, under `limits`. */
  function watch(tab: Page, limits: Partial<ReadLimits>): Promise<void> {
    return tab.evaluate((given) => (globalThis as unknown as { __payWitnessWatch(limits: Partial<ReadLimits>): void }).__payWitnessWatch(given), limits);
  }

  // Seeds 7–9 read under caps this page meets (blocks, characters, characters a block): what is cut
  // must be cut alike, and blocks put out from what an earlier read kept must not pass a cap a whole
  // read keeps. Not the node cap: it caps the work of one read, and a read after a change walks
  // only what changed, so it may read further than a whole read of a page past that cap.
  const CAPPED: Partial<ReadLimits> = { maxBlocks: 14, maxChars: 260, maxBlockChars: 40 };
  /** Text edited: an element's text set (which may drop the elements it held), a text node's data. */
  const TEXT_ONLY = [3, 4];
  const FEED = [11, 11, 11, 12, 4, 4, 3, 5];
  it.each([
    [1, {}],
    [2, {}],
    [3, {}],
    [4, {}],
    [5, {}],
    [6, {}],
    [7, CAPPED],
    [8, CAPPED],
    [9, CAPPED],
    [10, {}],
    [11, {}],
    [12, {}],
    [13, {}],
    [14, CAPPED],
    [15, CAPPED],
    // Only text edited (a countdown, a status filled in): a read after such a batch puts the last
    // reading out again with the edited blocks changed (page-reader.ts `patched`) where it can.
    [16, {}, TEXT_ONLY],
    [17, {}, TEXT_ONLY],
    [18, CAPPED, TEXT_ONLY],
    [19, { maxChars: 330 }, TEXT_ONLY],
    // A feed beside the edits: list items coming and going, their text edited, now and then a class.
    [20, {}, FEED],
    [21, {}, FEED],
    [22, CAPPED, FEED],
    [23, { maxBlocks: 30 }, FEED],
  ] as Array<[number, Partial<ReadLimits>, number[]?]>)('stays the whole reading through 40 batches of random changes (seed %i, limits %o, kinds %o)', async (seed, limits, kinds) => {
    const tab = await pages.open(`/order/${seed}`);
    try {
      await watch(tab, limits);
      const differ: string[] = [];
      let blocksSeen = 0;
      for (let batch = 0; batch < 40 && differ.length === 0; batch++) {
        await tab.evaluate(mutate, { seed: seed * 1000 + batch, count: 1 + (batch % 6), kinds });
        const { incremental, whole } = await readBoth(tab, limits);
        blocksSeen += whole.blocks.length;
        if (!sameReading(incremental, whole)) {
          const at = whole.blocks.findIndex((block, i) => JSON.stringify(block) !== JSON.stringify(incremental.blocks[i]));
          differ.push(`batch ${batch}, block ${at}: ${JSON.stringify(incremental.blocks[at])} vs whole ${JSON.stringify(whole.blocks[at])}`);
        }
      }
      expect(differ).toEqual([]);
      // The stream left something to read (it did not empty the page at once).
      expect(blocksSeen).toBeGreaterThan(40);
    } finally {
      await tab.close();
    }
  });

  // Sequences the random stream found (each step one batch; the reading compared after each).
  it.each([
    [
      'a cell emptied by a move, then filled',
      [
        "const row = document.querySelectorAll('#t tr')[5]; row.insertBefore(row.querySelector('.cell'), row.firstChild)",
        "document.querySelectorAll('#t tr')[5].querySelectorAll('td')[1].append('Payment failed')",
      ],
    ],
    [
      'a cell emptied, its row read again without it, then filled',
      [
        "document.querySelectorAll('#t tr')[1].querySelector('.cell').remove()",
        "const row = document.querySelectorAll('#t tr')[1]; document.querySelector('#a p').append(row.lastElementChild)",
        "document.querySelectorAll('#t tr')[1].lastElementChild.textContent = '¥ 30.00'",
      ],
    ],
    [
      'a surface moved into another surface and before it',
      [
        "document.getElementById('a').insertAdjacentHTML('afterbegin', '<div class=\"text-error\">支付失败</div>')",
        "document.querySelectorAll('#t tr')[2].className = 'layui-layer layui-layer-msg'",
        "document.querySelectorAll('#t tr')[2].firstElementChild.append(document.querySelector('.text-error'))",
      ],
    ],
    [
      "a surface's classes changed in the batch a style sheet came",
      [
        "document.querySelectorAll('#t tr')[3].className = 'layui-layer layui-layer-msg'",
        "document.querySelectorAll('#t tr')[3].className = 'alert alert-danger'; document.head.append(Object.assign(document.createElement('style'), { textContent: '.badge{display:inline}' }))",
      ],
    ],
    [
      'a surface that fits an earlier entry once a sibling came in before it',
      [
        "document.getElementById('a').insertAdjacentHTML('beforeend', '<h1 role=\"alert\">订单已过期</h1>')",
        "document.querySelector('#a h1').insertAdjacentHTML('beforebegin', '<i class=\"text-error\">!</i>')",
      ],
    ],
    [
      'a kit the page did not show until now, and names a surface needs on another element',
      [
        "document.getElementById('toast-host').innerHTML = '<div class=\"el-message el-message--error\"><p class=\"el-message__content\">支付失败</p></div>'",
        "document.getElementById('a').insertAdjacentHTML('beforeend', '<h1>订单已过期</h1>')",
        "document.querySelector('#a h1').insertAdjacentHTML('beforebegin', '<i class=\"text-error\">!</i>')",
        "document.querySelector('#a p').className = 'fly-none'; document.querySelector('#a p').insertAdjacentHTML('beforeend', '<p>订单不存在</p>')",
      ],
    ],
    [
      'the body taken away, and another put in (no surface or alert on the page to notice)',
      ["document.getElementById('tpl').remove()", "document.body.remove()", "document.documentElement.append(Object.assign(document.createElement('body'), { innerHTML: '<p>支付失败</p>' }))"],
    ],
  ] as Array<[string, string[]]>)('stays the whole reading: %s', async (_name, steps) => {
    const tab = await pages.open('/order/steps');
    try {
      await watch(tab, {});
      for (const [index, step] of steps.entries()) {
        await tab.evaluate(step);
        const { incremental, whole } = await readBoth(tab, {});
        expect(incremental.blocks, `after step ${index + 1}`).toEqual(whole.blocks);
        expect(sameReading(incremental, whole)).toBe(true);
      }
    } finally {
      await tab.close();
    }
  });

  it('cuts a page that fitted its character cap once an edited text makes it meet it', async () => {
    const tab = await pages.open('/order/edit-to-cap');
    try {
      // The least cap the page fits under whole, found by whole reads.
      const fits = (maxChars: number) =>
        tab.evaluate((given) => !(globalThis as unknown as { __payWitnessRead(limits: Partial<ReadLimits>): PageSnapshot }).__payWitnessRead(given).truncated, { maxChars });
      let low = 1;
      let high = 100_000;
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        if (await fits(mid)) high = mid;
        else low = mid + 1;
      }
      const limits = { maxChars: low };
      await watch(tab, limits);
      const before = await readBoth(tab, limits);
      expect(before.whole.truncated).toBe(false);
      expect(sameReading(before.incremental, before.whole)).toBe(true);
      // Only text edited, in a block that holds none: the one kind of batch read by patching the last reading.
      await tab.evaluate(() => {
        (document.querySelector('#a b')!.firstChild as Text).data = 'T2026120600001（已合并订单 T2026120600002、T2026120600003）';
      });
      await expectCutAlike(tab, limits);
    } finally {
      await tab.close();
    }
  });

  it.each([
    ['blocks', { maxBlocks: 30 }],
    ['characters', { maxChars: 275 }],
  ] as Array<[string, Partial<ReadLimits>]>)('cuts a table read before where a list that grew above it now meets the cap on %s', async (_cap, limits) => {
    const tab = await pages.open('/order/grow');
    try {
      await watch(tab, limits);
      const before = await readBoth(tab, limits);
      // All of the table fits before: the cap is met only once the list grew.
      expect(before.whole.truncated).toBe(false);
      expect(sameReading(before.incremental, before.whole)).toBe(true);
      await tab.evaluate(() => {
        const list = document.getElementById('list')!;
        for (let i = 0; i < 4; i++) list.insertAdjacentHTML('beforeend', `<li>用户 ${20 + i} 刚刚购买了 季卡</li>`);
      });
      await expectCutAlike(tab, limits);
    } finally {
      await tab.close();
    }
  });
});
