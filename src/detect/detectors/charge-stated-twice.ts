import { isTalkedAbout, phraseIsTalkedAbout } from '../decisive-text';
import type { Detector } from '../detector';

// The shop itself states that one order was paid twice — a staff reply in a ticket, a note in the
// order's read-only info ("经核实：订单 … 确实产生了两笔扣款"). A statement of fact by the shop is
// evidence of a duplicate charge the shop answers for, wherever on its pages it stands (ticket
// threads are conversation, so this reads them too, but only a confirmed statement counts: a
// shopper's complaint or an FAQ answer is not one).

const TWICE = /(重复扣款|重复扣费|扣了两次|扣款两次|两笔扣款|两次扣款|重复支付|被重复|多扣|扣了两笔|charged twice|double[- ]charged|duplicate (?:charge|payment)|paid twice)/i;
const CONFIRMED = /(经核实|核实后|已核实|已确认|确认(?:是|为|了|您)|确实|已查到|查实|we (?:have )?(?:confirmed|verified)|(?:is|was|been) confirmed|verified that|we (?:can )?see (?:two|both))/i;
// "请勿重复支付" warns against it; it states nothing.
const WARNING = /(请勿|不要|切勿|避免|防止|以免|do not|don't|avoid)[^。.!！]{0,8}$/i;
const ORDER_IN_LINE = /(?:订单(?:号)?|order\s*#?)\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9_-]{5,63})/i;
const MAX_LINE = 240;

export const chargeStatedTwice: Detector = {
  id: 'charge-stated-twice',
  detect({ snapshot }) {
    for (const block of snapshot.blocks) {
      if (block.hints.includes('nav') || block.hints.includes('footer')) continue;
      for (const raw of block.text.split('\n')) {
        const line = raw.replace(/\s+/g, ' ').trim();
        if (line.length > MAX_LINE || isTalkedAbout(line)) continue;
        const twice = TWICE.exec(line);
        if (!twice || !CONFIRMED.test(line)) continue;
        const before = line.slice(0, twice.index);
        if (WARNING.test(before) || phraseIsTalkedAbout(before, line.slice(twice.index + twice[0].length))) continue;
        const orderId = ORDER_IN_LINE.exec(line)?.[1];
        return {
          kind: 'duplicate_charge',
          responsibility: 'platform',
          reasonCode: 'charged_twice_one_order',
          message: line.slice(0, 300),
          ...(orderId && /\d/.test(orderId) ? { orderId } : {}),
        };
      }
    }
    return null;
  },
};
