// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rightmostCompound, selectorParts } from '../../../src/content/matching-elements';

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
