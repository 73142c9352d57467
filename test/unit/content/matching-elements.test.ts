// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchingElements, selectorParts, type ListParts } from '../../../src/content/matching-elements';
import { listKeys, rightmostCompound, selectorKey, selectorSubjects, subjectNeeds } from '../../../src/content/selector-subjects';

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

describe('the name a selector cannot match without (its key)', () => {
  it('is the rarest name it asks of any element it steps through, lower-cased', () => {
    expect(selectorKey('.layui-layer-msg')).toBe('c:layui-layer-msg');
    expect(selectorKey('.fly-none > p:not(.countdown)')).toBe('c:fly-none');
    expect(selectorKey('.text-error ~ h1')).toBe('c:text-error');
    expect(selectorKey('#cf-error-details header')).toBe('i:cf-error-details');
    expect(selectorKey('.alert.alert-danger')).toBe('c:alert-danger');
    expect(selectorKey('div.X#Main')).toBe('i:main');
    expect(selectorKey('uni-toast')).toBe('t:uni-toast');
    expect(selectorKey('[data-sonner-toast][data-type="error"]')).toBe('a:data-sonner-toast');
    expect(selectorKey('[class*="Toast" i]:not(html):not(body)')).toBe('s:toast');
  });

  it('is none where it asks only what nearly every page has, or only inside functional pseudo-classes', () => {
    expect(selectorKey('[role="alert"]')).toBeNull();
    expect(selectorKey('body > h1:only-child')).toBeNull();
    expect(selectorKey('dialog[open]')).toBeNull();
    expect(selectorKey(':is(.a, #b) [aria-live="polite"]:not(.c)')).toBeNull();
    expect(selectorKey('li:has(.err)')).toBeNull();
    // <html> is above <body>, where a reader gathers names: its names are not keys.
    expect(selectorKey('html.dark [role="status"]')).toBeNull();
    expect(selectorKey('html[data-state="processing"] main.wrap > h1')).toBe('c:wrap');
    expect(selectorKey(':root .x')).toBe('c:x');
    // Combinators inside brackets and quotes do not split a compound.
    expect(selectorKey('[aria-label="a > .b"]')).toBeNull();
  });

  it('a list has the keys of its parts, or none when one part has none', () => {
    expect(listKeys(['.a, .b > h1', '#c'])).toEqual(['c:a', 'c:b', 'i:c']);
    expect(listKeys(['.a', '[role="alert"]'])).toBeNull();
  });
});

describe('a list that grows with the names a page shows', () => {
  /** The list of those selectors whose key the names include (or that have none). */
  function grownList(selectors: readonly string[], seen: Set<string>): ListParts {
    return selectorParts(selectors.filter((selector) => {
      const key = selectorKey(selector);
      return !key || seen.has(key);
    }));
  }

  it('finds, after each change, what the whole list asked afresh finds', () => {
    const selectors = ['[role="alert"]', '.layui-layer-msg', '.fly-none > p:not(.countdown)', '.text-error ~ h1', '.el-message:has(.el-icon-error)', 'ul > li.bad:first-child'];
    document.body.innerHTML = '<div id="a"><p>订单</p></div><h1>标题</h1><ul><li>一</li></ul><div id="host"></div>';
    const seen = new Set<string>();
    let grew = 0;
    const matching = matchingElements(document, {
      ...grownList(selectors, seen),
      max: 100,
      body: false,
      grow(names) {
        const before = seen.size;
        for (const name of names) if (selectors.some((selector) => selectorKey(selector) === name)) seen.add(name);
        if (seen.size === before) return null;
        grew++;
        return grownList(selectors, seen);
      },
    });
    matching.findAll();
    matching.settle();
    const whole = selectorParts(selectors).selector;
    const changes: Array<() => Element[]> = [
      // A kit's toast the page did not show before.
      () => {
        document.getElementById('host')!.innerHTML = '<div class="layui-layer-msg">支付失败</div>';
        return [document.getElementById('host')!.firstElementChild!];
      },
      // A class that a selector needs on the parent of its subject.
      () => {
        document.querySelector('#a')!.className = 'fly-none';
        return [document.querySelector('#a')!];
      },
      // One it needs on an earlier sibling.
      () => {
        document.querySelector('h1')!.insertAdjacentHTML('beforebegin', '<i class="text-error">!</i>');
        return [document.querySelector('i.text-error')!];
      },
      // One inside :has(), with the subject arriving with it.
      () => {
        document.getElementById('host')!.insertAdjacentHTML('beforeend', '<div class="el-message"><i class="el-icon-error"></i>失败</div>');
        return [document.getElementById('host')!.lastElementChild!];
      },
      () => {
        document.querySelector('ul')!.insertAdjacentHTML('afterbegin', '<li class="bad">二</li>');
        return [document.querySelector('ul')!.firstElementChild!];
      },
    ];
    for (const change of changes) {
      for (const root of change()) matching.noteChanged(root);
      matching.settle();
      expect(matching.elements).toEqual(Array.from(document.body.querySelectorAll(whole)));
    }
    // The toast, the <p>, the <h1>, the Element message, the first <li>: each from a part the list gained.
    expect(matching.elements).toHaveLength(5);
    expect(grew).toBe(5);
  });
});
