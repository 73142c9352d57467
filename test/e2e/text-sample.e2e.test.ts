import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReaderPages, type ReaderPages } from '../harness/reader-pages';

// The gate's text sample (src/content/text-sample.ts): the page's text in document order, without
// the code and markup that scripts, style sheets, <noscript> and <template> hold — wherever they sit.
// Told from the text itself (braces on both sides, a tag from end to end), not from where it sits. In
// real Chromium: a browser with scripts on parses <noscript> as raw text, and a template's content is
// not in the document.

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>订单查询 - 星河</title>
<style>.pay { color: red }</style><script>window.head = { pay: 1 };</script></head><body>
<h1>订单查询</h1>
<script>window.order = { id: 1 }; track("payment");</script>
<p>价格 (含税)：¥ 30.00; 库存 = 12</p>
<style>.pay { color: blue }</style>
<noscript><p>请开启 JavaScript</p></noscript>
<template><p>模板里的 { 文字 }</p></template>
<svg><style>.x{fill:red}</style><text>图表</text></svg>
<div>a &lt; b 的说明</div><div>&lt;提示&gt;</div><div>&lt;b&gt; 是粗体</div>
<pre>function pay() { return true; }</pre><code>a = b</code><p>{ 付款 </p>
</body></html>`;

type SampleScope = { __payWitnessTextSample: (doc?: Document, maxChars?: number, maxNodes?: number) => string };

describe('the gate text sample (real Chromium)', () => {
  let pages: ReaderPages;

  beforeAll(async () => {
    pages = await startReaderPages(page);
  });
  afterAll(async () => {
    await pages?.close();
  });

  it('keeps page text, punctuation included, and leaves out scripts, styles and escaped markup in head and body', async () => {
    const tab = await pages.open();
    try {
      const sample = await tab.evaluate(() => (globalThis as unknown as SampleScope).__payWitnessTextSample());
      expect(sample.startsWith('订单查询 - 星河 订单查询 ')).toBe(true);
      expect(sample).toContain('价格 (含税)：¥ 30.00; 库存 = 12');
      expect(sample).toContain('a < b 的说明 <b> 是粗体 ');
      expect(sample).toContain('图表');
      // Code-like text with one brace, or none, is page text; with braces on both sides (a code sample) it is not.
      expect(sample).toContain('a = b { 付款 ');
      // A text that is a tag from end to end is left out as markup, even outside <noscript>.
      for (const code of ['window.head', 'window.order', 'track(', 'color: red', 'color: blue', 'fill:red', '请开启', '模板', '__payWitness', 'function pay', '<提示>']) expect(sample).not.toContain(code);
    } finally {
      await tab.close();
    }
  });

  it('stops at its character and node caps, and is empty for a document without text', async () => {
    const tab = await pages.open();
    try {
      const [twenty, three, none] = await tab.evaluate(() => {
        const { __payWitnessTextSample: sample } = globalThis as unknown as SampleScope;
        const doc = document.implementation.createHTMLDocument();
        doc.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p>第${i}段文字</p>`).join('');
        return [sample(doc, 20), sample(doc, 4_000, 3), sample(document.implementation.createDocument(null, 'root', null))];
      });
      expect(twenty.length).toBe(20);
      expect(three).toBe('第0段文字 第1段文字 第2段文字 ');
      expect(none).toBe('');
    } finally {
      await tab.close();
    }
  });
});
