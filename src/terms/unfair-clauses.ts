// Clauses in a shop's standard terms that are likely unfair to the shopper. Each rule names the
// law that makes such a clause suspect; the popup says plainly that this is not legal advice.
//
// 民法典 第497条: a standard clause is void when the party supplying it unreasonably exempts or
// reduces its own liability, adds to the other party's liability, limits the other party's main
// rights, or excludes them. 消费者权益保护法 第26条: a business may not use standard terms,
// notices or statements to exclude or limit consumers' rights, reduce or exempt its own liability,
// or add to consumers' liability; such content is void.

export type LawReference = 'civil_code_497' | 'consumer_law_26';

export type UnfairClauseRule = 'final_interpretation' | 'no_refund' | 'no_liability' | 'unilateral_change';

export interface UnfairClause {
  rule: UnfairClauseRule;
  /** The sentence of the page that matched, as text. */
  clause: string;
  laws: LawReference[];
}

const RULES: ReadonlyArray<{ rule: UnfairClauseRule; pattern: RegExp; laws: LawReference[] }> = [
  {
    rule: 'final_interpretation',
    pattern: /最终解释权|final (right of )?interpretation/i,
    laws: ['consumer_law_26', 'civil_code_497'],
  },
  {
    rule: 'no_refund',
    pattern:
      /((虚拟|数字)(商品|产品|物品|货物)|卡密|充值)[^。；;\n]{0,16}(概不|一律不|均不|不予|不支持|不接受|不可|不能)(退款|退换|退货|退还)|一经(售出|出售|购买|付款|发货|发出)[^。；;\n]{0,10}(概不|一律不|均不|不予|不)(退换|退款|退货)|no refunds?\b|non-?refundable/i,
    laws: ['consumer_law_26', 'civil_code_497'],
  },
  {
    rule: 'no_liability',
    pattern: /(不承担|不负)任何(法律|赔偿)?责任|概不负责|not (be )?(liable|responsible) for any/i,
    laws: ['civil_code_497', 'consumer_law_26'],
  },
  {
    rule: 'unilateral_change',
    pattern:
      /有权[^。；;\n]{0,24}(修改|变更|调整|更改|终止)[^。；;\n]{0,40}(无需|无须|不需|不再|不另行|恕不)(另行|单独|事先|提前)?(通知|告知)|(修改|变更|更改)[^。；;\n]{0,20}(恕不|不再|不另行)(另行)?(通知|告知)|(change|modify)[^.;\n]{0,60}without (prior )?notice/i,
    laws: ['civil_code_497'],
  },
];

const MAX_CLAUSE = 240;

/** Every likely-unfair clause of a terms page, one finding per rule and sentence, page order. */
export function findUnfairClauses(text: string): UnfairClause[] {
  const found: UnfairClause[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences(text)) {
    for (const { rule, pattern, laws } of RULES) {
      if (!pattern.test(sentence)) continue;
      const key = `${rule}|${sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ rule, clause: sentence.length > MAX_CLAUSE ? `${sentence.slice(0, MAX_CLAUSE)}…` : sentence, laws });
    }
  }
  return found;
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！!；;])|\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0);
}
