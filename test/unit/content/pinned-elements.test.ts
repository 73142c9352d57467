// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hidePinnedElements, pinnedHiddenCount, showPinnedElements } from '../../../src/content/pinned-elements';

describe('pinned elements during a stitched full-page shot', () => {
  beforeEach(() => {
    document.head.innerHTML = '<style>.bar { position: fixed; top: 0 } .chat { position: fixed; bottom: 0 }</style>';
    document.body.innerHTML = `
      <header class="bar">shop header</header>
      <main><p>订单号 A1</p><p>实际支付价格 10.00</p></main>
      <div class="chat" style="visibility: visible !important">客服</div>
      <div id="inline" style="position: fixed">toast</div>`;
  });
  afterEach(() => {
    showPinnedElements();
    vi.useRealTimers();
  });

  it('hides every fixed element, from a stylesheet or inline, and leaves the content alone', () => {
    expect(hidePinnedElements(document)).toBe(3);
    for (const selector of ['.bar', '.chat', '#inline']) {
      expect(document.querySelector<HTMLElement>(selector)!.style.getPropertyValue('visibility')).toBe('hidden');
    }
    for (const paragraph of Array.from(document.querySelectorAll('p'))) expect(paragraph.getAttribute('style')).toBeNull();
  });

  it('puts back exactly the inline visibility each element had, and hides nothing twice', () => {
    hidePinnedElements(document);
    expect(hidePinnedElements(document)).toBe(0);
    showPinnedElements();
    const chat = document.querySelector<HTMLElement>('.chat')!;
    expect(chat.style.getPropertyValue('visibility')).toBe('visible');
    expect(chat.style.getPropertyPriority('visibility')).toBe('important');
    expect(document.querySelector<HTMLElement>('.bar')!.style.getPropertyValue('visibility')).toBe('');
    expect(pinnedHiddenCount()).toBe(0);
    // Nothing of ours is left on the page: no marker attribute, no style of our own.
    expect(document.body.innerHTML).not.toContain('paywitness');
    expect(document.querySelector<HTMLElement>('#inline')!.getAttribute('style')).toBe('position: fixed;');
  });

  it('shows them again by itself when nobody does (the worker stopped mid-shot)', () => {
    vi.useFakeTimers();
    hidePinnedElements(document);
    vi.advanceTimersByTime(9_000);
    expect(document.querySelector<HTMLElement>('.bar')!.style.getPropertyValue('visibility')).toBe('hidden');
    vi.advanceTimersByTime(2_000);
    expect(document.querySelector<HTMLElement>('.bar')!.style.getPropertyValue('visibility')).toBe('');
    expect(pinnedHiddenCount()).toBe(0);
  });
});
