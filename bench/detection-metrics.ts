import type { Verdict } from '../src/detect/verdict';
import type { Fixture } from '../test/harness/fixture-corpus';

// Scores verdicts against the fixture sidecars: a confusion matrix over kinds, precision / recall /
// F1 per kind (with "none" as the negative class), and how often responsibility and the order facts
// match. Facts are scored on the pages that should raise a verdict, where they are what gets kept.

export const KINDS = ['payment_error', 'user_error', 'stalled_order', 'duplicate_charge', 'order_status', 'terms', 'none'] as const;

export interface Scored {
  fixture: Fixture;
  verdict: Verdict;
}

export interface KindScore {
  kind: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface DetectionReport {
  pages: number;
  matrix: Record<string, Record<string, number>>;
  perKind: KindScore[];
  /** Micro-averaged over the six alarm kinds ("none" is the negative class). */
  microF1: number;
  macroF1: number;
  negatives: number;
  negativeAlarms: string[];
  accuracy: Record<'kind' | 'responsibility' | 'orderId' | 'amount' | 'status' | 'createdAt', { right: number; of: number }>;
  /** The measures issue 13 states its goals in (see alarmMeasures). */
  alarms: AlarmMeasures;
  wrong: string[];
}

/** The four kinds that raise an alarm for the shopper; order_status and terms are neutral records. */
export const ALARM_KINDS = new Set(['payment_error', 'user_error', 'stalled_order', 'duplicate_charge']);

export interface AlarmMeasures {
  /** Pages that call for an alarm, and those given the right one (right kind). */
  pages: number;
  right: number;
  /** Alarms raised anywhere, and those on ordinary (none) pages. */
  raised: number;
  ordinaryPages: number;
  ordinaryAlarms: number;
  recall: number;
  precision: number;
  f1: number;
  /** On the pages that call for an alarm: responsibility right (with the kind), and the facts where the page shows them. */
  responsibility: { right: number; of: number };
  orderId: { right: number; of: number };
  amount: { right: number; of: number };
  stalled: { right: number; of: number };
}

export function alarmMeasures(results: readonly Scored[]): AlarmMeasures {
  const wantAlarm = results.filter(({ fixture }) => ALARM_KINDS.has(fixture.expected.kind));
  const right = wantAlarm.filter(({ fixture, verdict }) => verdict.kind === fixture.expected.kind).length;
  const raised = results.filter(({ verdict }) => ALARM_KINDS.has(verdict.kind)).length;
  const correctRaised = results.filter(({ fixture, verdict }) => ALARM_KINDS.has(verdict.kind) && verdict.kind === fixture.expected.kind).length;
  const ordinary = results.filter(({ fixture }) => fixture.expected.kind === 'none');
  const tally = (list: readonly Scored[], ok: (scored: Scored) => boolean) => ({ right: list.filter(ok).length, of: list.length });
  const recall = wantAlarm.length ? right / wantAlarm.length : 1;
  const precision = raised ? correctRaised / raised : 1;
  return {
    pages: wantAlarm.length,
    right,
    raised,
    ordinaryPages: ordinary.length,
    ordinaryAlarms: ordinary.filter(({ verdict }) => ALARM_KINDS.has(verdict.kind)).length,
    recall,
    precision,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    responsibility: tally(wantAlarm, ({ fixture, verdict }) => verdict.kind === fixture.expected.kind && verdict.responsibility === fixture.expected.responsibility),
    orderId: tally(wantAlarm.filter(({ fixture }) => fixture.expected.orderId !== null), ({ fixture, verdict }) => verdict.orderId === fixture.expected.orderId),
    amount: tally(wantAlarm.filter(({ fixture }) => fixture.expected.amount !== null), ({ fixture, verdict }) => verdict.amount === fixture.expected.amount),
    stalled: tally(wantAlarm.filter(({ fixture }) => fixture.expected.kind === 'stalled_order'), ({ verdict }) => verdict.kind === 'stalled_order'),
  };
}

export function scoreVerdicts(results: readonly Scored[]): DetectionReport {
  const matrix: Record<string, Record<string, number>> = {};
  for (const expected of KINDS) matrix[expected] = Object.fromEntries(KINDS.map((got) => [got, 0]));
  const accuracy: DetectionReport['accuracy'] = {
    kind: { right: 0, of: 0 },
    responsibility: { right: 0, of: 0 },
    orderId: { right: 0, of: 0 },
    amount: { right: 0, of: 0 },
    status: { right: 0, of: 0 },
    createdAt: { right: 0, of: 0 },
  };
  const wrong: string[] = [];
  const negativeAlarms: string[] = [];
  for (const { fixture, verdict } of results) {
    const want = fixture.expected;
    matrix[want.kind]![verdict.kind] = (matrix[want.kind]![verdict.kind] ?? 0) + 1;
    const count = (name: keyof typeof accuracy, ok: boolean) => {
      accuracy[name].of++;
      if (ok) accuracy[name].right++;
    };
    count('kind', verdict.kind === want.kind);
    count('responsibility', verdict.kind === want.kind && verdict.responsibility === want.responsibility);
    if (want.kind === 'none' && verdict.kind !== 'none') negativeAlarms.push(`${fixture.id} → ${verdict.kind} (${verdict.reasonCode})`);
    if (want.kind !== 'none') {
      count('orderId', verdict.orderId === want.orderId);
      count('amount', verdict.amount === want.amount && verdict.currency === want.currency);
      count('status', verdict.status === want.status);
      count('createdAt', verdict.createdAt === want.createdAt);
    }
    if (verdict.kind !== want.kind || verdict.responsibility !== want.responsibility) {
      wrong.push(`${fixture.id}: want ${want.kind}/${want.responsibility}, got ${verdict.kind}/${verdict.responsibility} [${verdict.reasonCode}] ${verdict.message.slice(0, 80)}`);
    }
  }
  const perKind = KINDS.filter((kind) => kind !== 'none').map((kind) => {
    const tp = matrix[kind]![kind]!;
    const predicted = KINDS.reduce((sum, expected) => sum + matrix[expected]![kind]!, 0);
    const support = KINDS.reduce((sum, got) => sum + matrix[kind]![got]!, 0);
    return { kind, support, ...prf(tp, predicted, support) };
  });
  const tp = perKind.reduce((sum, score) => sum + matrix[score.kind]![score.kind]!, 0);
  const predicted = KINDS.filter((kind) => kind !== 'none').reduce((sum, kind) => sum + KINDS.reduce((s, e) => s + matrix[e]![kind]!, 0), 0);
  const support = perKind.reduce((sum, score) => sum + score.support, 0);
  const present = perKind.filter((score) => score.support > 0);
  return {
    pages: results.length,
    matrix,
    perKind,
    microF1: prf(tp, predicted, support).f1,
    macroF1: present.reduce((sum, score) => sum + score.f1, 0) / Math.max(1, present.length),
    negatives: results.filter((result) => result.fixture.expected.kind === 'none').length,
    negativeAlarms,
    accuracy,
    alarms: alarmMeasures(results),
    wrong,
  };
}

function prf(tp: number, predicted: number, support: number): { precision: number; recall: number; f1: number } {
  const precision = predicted ? tp / predicted : support ? 0 : 1;
  const recall = support ? tp / support : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** How many verdicts each detector, surface and message table decided: the knowledge actually used. */
export function formatDecidedBy(results: readonly Scored[]): string {
  const tally = (key: (scored: Scored) => string | undefined) => {
    const counts = new Map<string, number>();
    for (const scored of results) {
      if (scored.verdict.kind === 'none') continue;
      const name = key(scored);
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ${count}`).join(', ') || '—';
  };
  return [
    `decided by detector: ${tally((s) => s.verdict.decidedBy?.detector)}`,
    `decided by message table: ${tally((s) => s.verdict.decidedBy?.entry?.split('.')[0])}`,
    `shown in surface: ${tally((s) => s.verdict.decidedBy?.surface)}`,
  ].join('\n');
}

export function formatReport(title: string, report: DetectionReport): string {
  const short: Record<string, string> = {
    payment_error: 'payment_err',
    user_error: 'user_err',
    stalled_order: 'stalled',
    duplicate_charge: 'duplicate',
    order_status: 'order_stat',
    terms: 'terms',
    none: 'none',
  };
  const pct = (value: number) => value.toFixed(3);
  const lines = [`## ${title} — ${report.pages} pages (${report.negatives} negatives)`, ''];
  lines.push('confusion matrix (rows: expected, columns: detected)', '');
  lines.push(`| expected \\ detected | ${KINDS.map((kind) => short[kind]).join(' | ')} |`);
  lines.push(`|---|${KINDS.map(() => '---:').join('|')}|`);
  for (const expected of KINDS) lines.push(`| ${expected} | ${KINDS.map((got) => report.matrix[expected]![got]).join(' | ')} |`);
  lines.push('', '| kind | pages | precision | recall | F1 |', '|---|---:|---:|---:|---:|');
  for (const score of report.perKind) lines.push(`| ${score.kind} | ${score.support} | ${pct(score.precision)} | ${pct(score.recall)} | ${pct(score.f1)} |`);
  lines.push(`| **all alarm kinds (micro)** | ${report.perKind.reduce((s, k) => s + k.support, 0)} | | | **${pct(report.microF1)}** |`);
  lines.push(`| macro over kinds present | | | | ${pct(report.macroF1)} |`, '');
  lines.push('| measure | right | of | accuracy |', '|---|---:|---:|---:|');
  for (const [name, { right, of }] of Object.entries(report.accuracy)) {
    const scope = name === 'kind' || name === 'responsibility' ? 'all pages' : 'pages with a verdict expected';
    lines.push(`| ${name} (${scope}) | ${right} | ${of} | ${of ? pct(right / of) : '—'} |`);
  }
  const a = report.alarms;
  const frac = ({ right, of }: { right: number; of: number }) => `${right}/${of}${of ? ` (${pct(right / of)})` : ''}`;
  lines.push(
    '',
    `alarms (payment_error, user_error, stalled_order, duplicate_charge): right alarm on ${a.right} of ${a.pages} pages that call for one — recall ${pct(a.recall)}, precision ${pct(a.precision)}, F1 ${pct(a.f1)}; ${a.ordinaryAlarms} alarm(s) on ${a.ordinaryPages} ordinary pages`,
    `on the pages that call for an alarm: responsibility ${frac(a.responsibility)}, order id ${frac(a.orderId)}, amount ${frac(a.amount)}, stalled orders flagged ${frac(a.stalled)}`,
  );
  lines.push('', `alarms on negatives: ${report.negativeAlarms.length} of ${report.negatives}`);
  for (const alarm of report.negativeAlarms) lines.push(`  - ${alarm}`);
  if (report.wrong.length) lines.push('', 'wrong kind or responsibility:', ...report.wrong.map((line) => `  - ${line}`));
  return lines.join('\n');
}
