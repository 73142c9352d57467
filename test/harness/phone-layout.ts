// What a phone shopper meets on one of our pages, measured from the DOM as laid out: does the page
// scroll sideways, is any visible text under 14 px, is any control smaller than 44 × 44 px (a
// finger's width; a checkbox or radio counts with its label, which takes the tap for it), and does
// any control stick out past the screen's edge. measurePhoneLayout is self-contained (it runs in the
// page through playwright's or puppeteer's evaluate), so it uses nothing imported.

import { expect } from 'vitest';

export interface PhoneLayoutReport {
  viewportWidth: number;
  scrollWidth: number;
  /** Visible text (or a form control's own text) under 14 px: `font-size · text`. */
  smallText: string[];
  /** Visible controls under 44 × 44 px: `width×height · what`. */
  smallTargets: string[];
  /** Controls whose box leaves the screen sideways. */
  offscreen: string[];
  /** How many controls and text runs were looked at (so an empty page cannot pass unnoticed). */
  controls: number;
  texts: number;
}

export function measurePhoneLayout(): PhoneLayoutReport {
  const MIN_TEXT_PX = 14;
  const MIN_TARGET_PX = 44;
  const viewportWidth = document.documentElement.clientWidth;
  const visible = (element: Element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
  };
  const name = (element: Element) =>
    `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().replace(/\s+/g, '.')}` : ''} "${(element.textContent ?? (element as HTMLInputElement).value ?? '').trim().slice(0, 40)}"`;

  const smallText: string[] = [];
  let texts = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || ['SCRIPT', 'STYLE', 'OPTION'].includes(parent.tagName)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || !visible(parent)) continue;
    texts++;
    const size = Number.parseFloat(getComputedStyle(parent).fontSize);
    if (size < MIN_TEXT_PX) smallText.push(`${size}px · ${node.textContent.trim().slice(0, 50)}`);
  }

  const smallTargets: string[] = [];
  const offscreen: string[] = [];
  let controls = 0;
  const seen = new Set<Element>();
  const interactive = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]');
  for (const control of interactive) {
    // A checkbox, radio or file input is tapped through its label; the label is the target.
    const label = control.closest('label');
    const target = control instanceof HTMLInputElement && ['checkbox', 'radio', 'file'].includes(control.type) && label ? label : control;
    if (seen.has(target) || !visible(target)) continue;
    seen.add(target);
    controls++;
    const box = target.getBoundingClientRect();
    if (box.width < MIN_TARGET_PX - 0.5 || box.height < MIN_TARGET_PX - 0.5) {
      smallTargets.push(`${Math.round(box.width)}×${Math.round(box.height)} · ${name(target)}`);
    }
    if (box.left < -0.5 || box.right > viewportWidth + 0.5) offscreen.push(`${Math.round(box.left)}…${Math.round(box.right)} · ${name(target)}`);
    if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName)) {
      const size = Number.parseFloat(getComputedStyle(target).fontSize);
      if (size < MIN_TEXT_PX) smallText.push(`${size}px · ${name(target)}`);
    }
  }
  return {
    viewportWidth,
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    smallText,
    smallTargets,
    offscreen,
    controls,
    texts,
  };
}

/** What must be empty on a phone-friendly page: a sideways scroll (its width), small text, small or cut-off controls. */
export function phoneProblems(report: PhoneLayoutReport) {
  return {
    sideways: report.scrollWidth > report.viewportWidth ? report.scrollWidth : null,
    smallText: report.smallText,
    smallTargets: report.smallTargets,
    offscreen: report.offscreen,
  };
}

export const NO_PHONE_PROBLEMS: ReturnType<typeof phoneProblems> = { sideways: null, smallText: [], smallTargets: [], offscreen: [] };

/** Measures a page (the caller evaluates measurePhoneLayout in it) and expects nothing a phone shopper would trip over. */
export async function expectPhoneFriendly(measure: () => Promise<PhoneLayoutReport>, what: string, width = 360): Promise<void> {
  const report = await measure();
  expect(report.viewportWidth, what).toBe(width);
  expect({ what, ...phoneProblems(report) }).toEqual({ what, ...NO_PHONE_PROBLEMS });
  // Something was measured: an empty or unfinished page cannot pass.
  expect(report.controls, what).toBeGreaterThan(0);
  expect(report.texts, what).toBeGreaterThanOrEqual(3);
}
