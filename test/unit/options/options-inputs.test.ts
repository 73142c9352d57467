import { describe, expect, it } from 'vitest';
import { parseHostList } from '../../../src/options/host-list';
import { formatMessage } from '../../../src/shared/locale-messages';

describe('parseHostList', () => {
  it('keeps hostnames, cuts pasted addresses to their host, drops junk and repeats', () => {
    expect(parseHostList('Shop.Example\nhttps://pay.example/submit.php?x=1\n\nnot a host!\nshop.example, ka.example/buy/1')).toEqual([
      'shop.example',
      'pay.example',
      'ka.example',
    ]);
  });
});

describe('formatMessage', () => {
  const messages = {
    pageOf: { message: '第 $ARG1$ / $ARG2$ 页', placeholders: { arg1: { content: '$1' }, arg2: { content: '$2' } } },
    price: { message: 'costs $$5' },
  };
  it('fills named placeholders from positional substitutions, as chrome.i18n does', () => {
    expect(formatMessage(messages, 'pageOf', ['2', '9'])).toBe('第 2 / 9 页');
    expect(formatMessage(messages, 'price')).toBe('costs $5');
    expect(formatMessage(messages, 'missing')).toBe('');
  });
});
