// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isSecretField, secretFields } from '../../../src/content/secret-fields';
import { serializePage } from '../../../src/content/serialize-page';
import { withLuhn } from '../../helpers/sensitive-numbers';

function page(html: string): Document {
  document.documentElement.innerHTML = `<head><title>t</title></head><body>${html}</body>`;
  return document;
}

describe('secret fields', () => {
  it('are found by type, autocomplete token, or the names shops give them', () => {
    const doc = page(`
      <input id="a" type="password">
      <input id="b" autocomplete="cc-number">
      <input id="c" autocomplete="section-pay cc-csc">
      <input id="d" autocomplete="one-time-code" readonly value="123456">
      <input id="e" name="cardNo">
      <input id="f" name="sms_code">
      <input id="g" name="cvv2">
      <input id="h" name="email">
      <input id="i" name="contact" autocomplete="tel">
      <input id="j" autocomplete="cc-name">
      <textarea id="k" name="remark"></textarea>`);
    expect(secretFields(doc).map((el) => el.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(isSecretField(doc.createElement('div'))).toBe(false);
  });
});

describe('serializePage (the HTML snapshot where MHTML is not available)', () => {
  it('drops scripts and typed values, masks numbers in text and attributes, keeps order ids', () => {
    const card = withLuhn('622202123456789012');
    const doc = page(`
      <p>订单号：2024112812345678901</p>
      <p title="tel 13812345678">卡号 ${card}</p>
      <input type="password" value="hunter2"><input name="q" value="typed"><input readonly name="note" value="已付款">
      <script>var token = "secret";</script>`);
    const { html, truncated } = serializePage(doc, 1_000_000);
    expect(truncated).toBe(false);
    expect(html).toContain('2024112812345678901');
    expect(html).toContain(`卡号 ${'*'.repeat(15)}${card.slice(-4)}`);
    expect(html).toContain('tel 138****5678');
    for (const gone of [card, '13812345678', 'hunter2', 'typed', 'secret']) expect(html).not.toContain(gone);
    expect(html).toContain('已付款');
  });

  it('caps the size and says so in the file', () => {
    const doc = page(`<p>${'长文本'.repeat(10_000)}</p>`);
    const { html, truncated } = serializePage(doc, 5_000);
    expect(truncated).toBe(true);
    expect(html.length).toBeLessThanOrEqual(5_000);
    expect(html).toContain('larger than the snapshot limit');
  });
});
