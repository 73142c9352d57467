// Escrow (担保交易): the money is held by a third party until the goods are delivered, so a shop
// that never delivers never gets paid. Read sentence by sentence: "本站不支持担保交易" is a refusal,
// "什么是担保交易？" a question, and neither is an offer.

export type EscrowState = 'offered' | 'refused';

export interface EscrowSeen {
  state: EscrowState;
  /** The sentence that said it. */
  text: string;
}

const ESCROW = /担保交易|资金担保|交易担保|担保支付|中介担保|平台担保|escrow/i;
const REFUSED = /(?:不支持|不提供|不是|并非|非|无|没有|暂不|暂未|不能|无法)[^，,。；;]{0,4}担保|\b(?:no|not|without)\b[^.;]{0,20}escrow/i;
const QUESTION = /[？?]|什么是|是否|吗\s*$|如何使用/;

export function findEscrow(text: string): EscrowSeen[] {
  const found: EscrowSeen[] = [];
  for (const sentence of text.split(/(?<=[。！!；;？?])|\n/)) {
    const clean = sentence.replace(/\s+/g, ' ').trim();
    if (!ESCROW.test(clean) || QUESTION.test(clean)) continue;
    const state: EscrowState = REFUSED.test(clean) ? 'refused' : 'offered';
    if (!found.some((seen) => seen.state === state)) found.push({ state, text: clean.slice(0, 160) });
  }
  return found;
}

/** A refusal anywhere outweighs an offer elsewhere: better to check than to rely on escrow. */
export function escrowState(seen: readonly EscrowSeen[]): EscrowState | null {
  if (seen.some((item) => item.state === 'refused')) return 'refused';
  return seen.length ? 'offered' : null;
}
