// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textSample } from '../../../src/content/text-sample';

// The gate's text sample: the page's text in document order, without the code and markup that
// scripts, style sheets, <noscript> and <template> hold — wherever they sit in the body.

function page(body: string): Document {
  const doc = document.implementation.createHTMLDocument('样本');
  doc.body.innerHTML = body;
  return doc;
}

/** An element holding one text node, made by hand: a browser with scripts on parses <noscript> as raw text. */
function rawText(doc: Document, tag: string, text: string, namespace = 'http://www.w3.org/1999/xhtml'): Element {
  const el = doc.createElementNS(namespace, tag);
  el.append(doc.createTextNode(text));
  return el;
}

describe('the gate text sample', () => {
  it('keeps page text, punctuation included, and leaves out scripts, styles and escaped markup', () => {
    const doc = page(`<h1>订单查询</h1>
      <script>window.order = { id: 1 }; track("payment");</script>
      <p>价格 (含税)：¥ 30.00; 库存 = 12</p>
      <style>.pay { color: red }</style>
      <div id="chart"></div>
      <div>a &lt; b 的说明</div>`);
    const svg = 'http://www.w3.org/2000/svg';
    const chart = doc.createElementNS(svg, 'svg');
    chart.append(rawText(doc, 'style', '.x{fill:red}', svg), rawText(doc, 'text', '图表', svg));
    doc.getElementById('chart')!.append(rawText(doc, 'noscript', '<p>请开启 JavaScript</p>'), chart);
    const sample = textSample(doc);
    expect(sample).toContain('订单查询');
    expect(sample).toContain('价格 (含税)：¥ 30.00; 库存 = 12');
    expect(sample).toContain('a < b 的说明');
    expect(sample).toContain('图表');
    for (const code of ['window.order', 'track(', 'color: red', 'fill:red', '请开启']) expect(sample).not.toContain(code);
  });

  it('keeps the text of a script-looking element that is not a script', () => {
    const doc = page('<pre>function pay() { return true; }</pre><code>a = b</code>');
    expect(textSample(doc)).toBe('function pay() { return true; } a = b ');
  });

  it('stops at its character and node caps', () => {
    const doc = page(Array.from({ length: 50 }, (_, i) => `<p>第${i}段文字</p>`).join(''));
    expect(textSample(doc, 20).length).toBe(20);
    expect(textSample(doc, 4_000, 3)).toBe('第0段文字 第1段文字 第2段文字 ');
  });

  it('is empty for a document without a body', () => {
    const doc = document.implementation.createDocument(null, 'root', null);
    expect(textSample(doc)).toBe('');
  });
});
