import type { TextBlock } from './page-snapshot';

// An error string only counts where the page is saying it now: a short block of its own, not a
// sentence of an announcement, FAQ or article that quotes it ("如遇支付网关异常，请…").

const QUOTING_CONTEXT = new Set(['article', 'notice', 'nav', 'footer']);
const CONDITIONAL_BEFORE = /(如遇|如果|若是|若|假如|例如|比如|如出现|出现|提示|显示|if you|when you|if the|e\.g\.|such as)[^。.!！]*$/i;

export interface DecisiveMatch {
  block: TextBlock;
  message: string;
}

export function findDecisive(
  blocks: readonly TextBlock[],
  pattern: RegExp,
  options: { maxExtraChars?: number } = {},
): DecisiveMatch | null {
  const maxExtra = options.maxExtraChars ?? 30;
  for (const block of blocks) {
    if (block.hints.some((hint) => QUOTING_CONTEXT.has(hint))) continue;
    for (const line of block.text.split('\n')) {
      const text = line.replace(/\s+/g, ' ').trim();
      const match = pattern.exec(text);
      if (!match) continue;
      // A message that opens with the phrase may carry the provider's detail after it.
      const allowed = match.index === 0 ? maxExtra * 4 : maxExtra;
      if (text.length - match[0].length > allowed) continue;
      if (CONDITIONAL_BEFORE.test(text.slice(0, match.index))) continue;
      return { block, message: text };
    }
  }
  return null;
}
