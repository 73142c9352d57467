import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../../src/detect/surfaces/catalog';

// A surface's tone must be the one its kit's own type class or icon names. The Chromium example
// test proves that each selector fits its kit's DOM, but an error selector filed under `warning`
// would pass it; this reads the type words in every selector and checks them against the tone.

const TYPE_WORDS: Record<string, string> = {
  error: 'error',
  danger: 'error',
  fail: 'error',
  failure: 'error',
  negative: 'error',
  warning: 'warning',
  warn: 'warning',
  success: 'success',
  positive: 'success',
  info: 'info',
  information: 'info',
  loading: 'busy',
  spinner: 'busy',
};
const WORD = new RegExp(`(?<![a-z])(${Object.keys(TYPE_WORDS).join('|')})(?![a-z])`, 'gi');

/** Entries whose class or icon names say another type than the kit means by them. */
const KIT_NAMES: Record<string, string[]> = {
  // WeUI's weui-icon-warn (and the info-circle msg icon) is its failure icon: msg_warn.html is the 操作失败 page.
  'weui.msg-warn': ['warn', 'info'],
  'weui.toast-warn': ['warn'],
  // Filed before this check, read as failures: uni-app toasts drawn with the warn icon, and Vant
  // toasts a shop draws with icon 'warning-o' (Vant's own fail type is .van-toast--fail).
  'uni-app.error': ['warn'],
  'vant.fail': ['warning'],
  // ThinkPHP's exception page wraps its message in div.info, a layout name, not a type.
  'server-pages.thinkphp-exception': ['info'],
};

describe('surface tones', () => {
  it.each(SURFACES.map((entry) => [entry.id, entry] as const))('%s: the type words in its selector agree with its tone', (id, entry) => {
    const words = [...`${entry.selector} ${entry.has ?? ''}`.matchAll(WORD)].map((match) => match[1]!.toLowerCase());
    const allowed = new Set(KIT_NAMES[id] ?? []);
    if (entry.tone === 'message') {
      // A neutral entry names no type, except the generic error-named boxes whose words must still complain.
      if (entry.rank < 3) expect(words, `${id} is neutral but names a type`).toEqual([]);
      return;
    }
    expect(words.filter((word) => TYPE_WORDS[word] !== entry.tone && !allowed.has(word))).toEqual([]);
  });
});
