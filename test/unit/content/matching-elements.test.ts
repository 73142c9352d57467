// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchingElements, rightmostCompound, selectorParts, subjectNeeds } from '../../../src/content/matching-elements';

// An element a page adds with no attribute at all (a feed's <li>) is asked only the selectors whose
// subject asks for no class, id or attribute; every other selector could never match it.

describe('the selectors an element with no attributes can match', () => {
  it('finds the subject compound past brackets, quotes and functional pseudo-classes', () => {
    expect(rightmostCompound('html[data-state="processing"] main.wrap > h1')).toBe('h1');
    expect(rightmostCompound('.fly-none:has(.layui-icon-close-fill) > p:not(.countdown)')).toBe('p:not(.countdown)');
    expect(rightmostCompound('[aria-label="a > b"]')).toBe('[aria-label="a > b"]');
    expect(rightmostCompound('.bg-purple-light + p')).toBe('p');
    expect(rightmostCompound('uni-toast:has(.uni-icon-error, .uni-icon-warn)')).toBe('uni-toast:has(.uni-icon-error, .uni-icon-warn)');
  });

  it('keeps tag-only subjects and drops those that ask for a class, id or attribute', () => {
    const { bareSelector } = selectorParts([
      '.layui-layer-msg',
      'body > pre:only-child',
      '#error-page',
      'uni-toast:has(.uni-icon-error, .uni-icon-warn)',
      '.fly-none > p:not(.countdown)',
      '[role="alert"]',
      'dialog[open]',
      '.a, .b > h1',
    ]);
    expect(bareSelector()).toBe('body > pre:only-child,uni-toast:has(.uni-icon-error, .uni-icon-warn),.fly-none > p:not(.countdown),.b > h1');
  });

  it('matches every element of a real page as the whole selector does', () => {
    document.body.innerHTML = '<ul><li>一</li><li>二</li></ul><pre>Fatal error</pre><p>文字</p>';
    const selectors = ['.layui-layer-msg', 'li', 'body > pre', 'p:not(.countdown)', '[role="alert"]'];
    const { selector, bareSelector } = selectorParts(selectors);
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      expect(el.attributes.length).toBe(0);
      expect(el.matches(bareSelector())).toBe(el.matches(selector));
    }
  });
});

describe('what a selector asks of its subject', () => {
  it('names the tag, classes and id of the subject compound only, lower-cased', () => {
    expect(subjectNeeds('.layui-layer-msg .layui-layer-content')).toEqual(['c:layui-layer-content']);
    expect(subjectNeeds('div.Swal2-Popup#Main[role="dialog"]')).toEqual(['t:div', 'c:swal2-popup', 'i:main']);
    expect(subjectNeeds('.fly-none:has(.layui-icon-close-fill) > p:not(.countdown)')).toEqual(['t:p']);
    expect(subjectNeeds('[class*="toast"]')).toEqual([]);
    expect(subjectNeeds(':is(.a, .b)')).toEqual([]);
    // An escaped name is not guessed at: only the tag is asked.
    expect(subjectNeeds('span.md\\:text-red')).toEqual(['t:span']);
  });

  it('a first read finds what the whole list finds, asking only the selectors the page can match', () => {
    document.body.innerHTML = `<div class="Layui-Layer layui-layer-msg"><div class="layui-layer-content">支付失败</div></div>
      <p class="notice">公告</p><div role="alert">网关错误</div><ul><li>一</li></ul><span id="err">x</span>`;
    const selectors = ['.layui-layer-msg .layui-layer-content', '.el-message--error', '[role="alert"]', 'li', '#err', '.swal2-popup', 'p.notice'];
    const parts = selectorParts(selectors);
    const matching = matchingElements(document, { ...parts, max: 100, body: false });
    matching.findAll();
    matching.settle();
    expect(matching.elements).toEqual(Array.from(document.body.querySelectorAll(parts.selector)));
    expect(matching.elements).toHaveLength(5);
  });
});
