// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchingElements, selectorParts } from '../../../src/content/matching-elements';
import { rightmostCompound, selectorSubjects, subjectNeeds } from '../../../src/content/selector-subjects';

// An element is asked only the selectors whose subject it could be (by its tag, classes and id);
// every other selector could never match it.

describe('the subject compound of a selector', () => {
  it('is found past brackets, quotes and functional pseudo-classes', () => {
    expect(rightmostCompound('html[data-state="processing"] main.wrap > h1')).toBe('h1');
    expect(rightmostCompound('.fly-none:has(.layui-icon-close-fill) > p:not(.countdown)')).toBe('p:not(.countdown)');
    expect(rightmostCompound('[aria-label="a > b"]')).toBe('[aria-label="a > b"]');
    expect(rightmostCompound('.bg-purple-light + p')).toBe('p');
    expect(rightmostCompound('uni-toast:has(.uni-icon-error, .uni-icon-warn)')).toBe('uni-toast:has(.uni-icon-error, .uni-icon-warn)');
  });

  it('splits a list at its top-level commas only', () => {
    expect(selectorSubjects(['.a, .b > h1', 'uni-toast:has(.x, .y)', '[title="a,b"]']).map((subject) => subject.selector)).toEqual([
      '.a',
      '.b > h1',
      'uni-toast:has(.x, .y)',
      '[title="a,b"]',
    ]);
  });
});

describe('a changed element', () => {
  const selectors = [
    '.layui-layer-msg',
    'body > pre:only-child',
    '#error-page',
    'li.bad',
    'ul > li:first-child',
    '.fly-none > p:not(.countdown)',
    '[role="alert"]',
    'dialog[open]',
    '.a, .b > h1',
    '.toast + .toast',
    '.list:has(> .err)',
  ];

  it('joins the matches exactly as the whole list asked afresh would find them', () => {
    document.body.innerHTML = '<ul class="list"><li>一</li></ul><div class="b"></div><div class="fly-none"></div><span class="toast">x</span>';
    const parts = selectorParts(selectors);
    const matching = matchingElements(document, { ...parts, max: 100, body: false });
    matching.findAll();
    matching.settle();
    const list = document.querySelector('ul')!;
    const added = [
      '<li>二</li>',
      '<li class="bad">三</li>',
      '<li class="err">四</li>',
      '<li role="alert">五</li>',
    ];
    for (const html of added) {
      list.insertAdjacentHTML('afterbegin', html);
      matching.noteChanged(list.firstElementChild!);
    }
    document.querySelector('.b')!.insertAdjacentHTML('beforeend', '<h1>标题</h1>');
    matching.noteChanged(document.querySelector('.b > h1')!);
    document.querySelector('.fly-none')!.insertAdjacentHTML('beforeend', '<p>失败</p><p class="countdown">9</p>');
    for (const p of Array.from(document.querySelectorAll('.fly-none > p'))) matching.noteChanged(p);
    document.body.insertAdjacentHTML('beforeend', '<span class="toast">y</span><div class="LAYUI-LAYER-MSG">z</div>');
    matching.noteChanged(document.body.lastElementChild!.previousElementSibling!);
    matching.noteChanged(document.body.lastElementChild!);
    matching.settle();
    expect(matching.elements).toEqual(Array.from(document.body.querySelectorAll(parts.selector)));
    // The list (:has > .err), li.bad, the alert (now also the first child), the h1, the p, the second toast.
    expect(matching.elements).toHaveLength(6);
  });
});

describe('large changed subtrees', () => {
  it('are asked only the selectors their names could match, and find what the whole list finds', () => {
    const selectors = ['.layui-layer-msg .layui-layer-content', '.el-message--error', '[role="alert"]', 'td.failed', '#err', 'tr:has(> td.failed)', 'li + li.bad'];
    document.body.innerHTML = '<div id="host"></div>';
    const parts = selectorParts(selectors);
    const asked: string[] = [];
    // Each query's selector noted: the narrowed list must leave out what the subtree cannot match.
    const original = Element.prototype.querySelectorAll;
    Element.prototype.querySelectorAll = function (this: Element, query: string) {
      asked.push(query);
      return original.call(this, query);
    } as typeof original;
    try {
      for (const narrowFrom of [1_000, 4]) {
        const matching = matchingElements(document, { ...parts, max: 100, body: false, narrowFrom });
        matching.findAll();
        matching.settle();
        asked.length = 0;
        const host = document.getElementById('host')!;
        host.innerHTML = `<table><tbody>${['ok', 'failed', 'ok'].map((state) => `<tr><td>T1</td><td class="${state}">x</td></tr>`).join('')}</tbody></table>
          <ul><li>一</li><li class="bad">二</li></ul><div role="alert">网关错误</div>`;
        for (const child of Array.from(host.children)) matching.noteChanged(child);
        matching.settle();
        expect(matching.elements).toEqual(Array.from(document.body.querySelectorAll(parts.selector)));
        // td.failed, its row (:has), li.bad (after a li), the alert.
        expect(matching.elements).toHaveLength(4);
        // The changed subtrees hold 13 elements: from 4 on, the table and the list (the two with
        // elements inside) are both asked one narrowed list; when narrowing starts at 1,000, the whole one.
        const narrowed = asked.filter((query) => query !== parts.selector);
        if (narrowFrom === 4) {
          expect(narrowed).toHaveLength(2);
          expect(narrowed[1]).toBe(narrowed[0]);
          expect(narrowed[0]).toContain('td.failed');
          expect(narrowed[0]).toContain('li + li.bad');
          expect(narrowed[0]).not.toContain('.el-message--error');
        } else expect(narrowed).toEqual([]);
        host.innerHTML = '';
      }
    } finally {
      Element.prototype.querySelectorAll = original;
    }
  });
});

describe('what a selector asks of its subject', () => {
  it('names the tag, classes, id and attributes of the subject compound only, lower-cased', () => {
    expect(subjectNeeds('.layui-layer-msg .layui-layer-content')).toEqual(['c:layui-layer-content']);
    expect(subjectNeeds('div.Swal2-Popup#Main[role="dialog"]')).toEqual(['t:div', 'c:swal2-popup', 'i:main', 'a:role']);
    expect(subjectNeeds('.fly-none:has(.layui-icon-close-fill) > p:not(.countdown)')).toEqual(['t:p']);
    expect(subjectNeeds(':is(.a, .b)')).toEqual([]);
    // Text a class attribute contains lies inside one of its classes when it has no space in it.
    expect(subjectNeeds('[class*="Toast" i]:not(html):not(body)')).toEqual(['s:toast']);
    expect(subjectNeeds('[class^=el-message]')).toEqual(['s:el-message']);
    expect(subjectNeeds('[class~="alert"]')).toEqual(['c:alert']);
    expect(subjectNeeds('[class*="a b"]')).toEqual(['a:class']);
    expect(subjectNeeds('[id="Err"] + [data-sonner-toast][data-type="error"]')).toEqual(['a:data-sonner-toast', 'a:data-type']);
    expect(subjectNeeds('p[title="a]b"].x')).toEqual(['t:p', 'c:x', 'a:title']);
    expect(subjectNeeds('[xlink|href]')).toEqual([]);
    // An escaped name is not guessed at: only the tag is asked.
    expect(subjectNeeds('span.md\\:text-red')).toEqual(['t:span']);
  });

  it('a first read finds what the whole list finds, asking only the selectors the page can match', () => {
    document.body.innerHTML = `<div class="Layui-Layer layui-layer-msg"><div class="layui-layer-content">支付失败</div></div>
      <p class="notice">公告</p><div role="alert">网关错误</div><ul><li>一</li></ul><span id="err">x</span>
      <div class="pay-Error-tip">超时</div><div data-sonner-toast>y</div>`;
    const selectors = ['.layui-layer-msg .layui-layer-content', '.el-message--error', '[role="alert"]', 'li', '#err', '.swal2-popup', 'p.notice',
      '[class*="error" i]', '[class*="snackbar" i]', '[data-sonner-toast]', '[aria-live="assertive"]'];
    const parts = selectorParts(selectors);
    const matching = matchingElements(document, { ...parts, max: 100, body: false });
    matching.findAll();
    matching.settle();
    expect(matching.elements).toEqual(Array.from(document.body.querySelectorAll(parts.selector)));
    expect(matching.elements).toHaveLength(7);
  });
});
