import { useEffect, useState } from 'preact/hooks';
import { sendToWorker } from '../messages/send-message';
import { orderKey, type OrderRecord } from '../orders/order-record';
import { hoursAndMinutes, watchState, type WatchState } from '../orders/order-watch';
import { deadlineState, escalationSteps, type SupportDeadline } from '../orders/support-deadline';
import { loadSettings } from '../settings/settings';
import { t } from '../shared/i18n';
import type { EvidenceDb } from '../store/open-evidence-db';
import { listOrders } from '../store/order-store';
import { listSupportDeadlines } from '../store/support-deadline-store';

// Orders PayWitness is watching: open orders with the time left before they count as stalled,
// stalled ones first and highlighted. A stalled order offers "I contacted support", which starts
// the support deadline (the case view offers the same through the same message).

interface Watched {
  order: OrderRecord;
  state: Exclude<WatchState, { kind: 'not_watched' }>;
  deadline: SupportDeadline | undefined;
}

export function WatchingOrders({ db }: { db: EvidenceDb }) {
  const [rows, setRows] = useState<Watched[]>([]);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    void (async () => {
      const [orders, deadlines, settings] = await Promise.all([listOrders(db), listSupportDeadlines(db), loadSettings()]);
      const now = Date.now();
      const byCase = new Map(deadlines.map((d) => [d.caseId, d]));
      const watched = orders.flatMap((order): Watched[] => {
        const state = watchState(order, now, settings.stallThresholdHours);
        return state.kind === 'not_watched' ? [] : [{ order, state, deadline: byCase.get(orderKey(order.site, order.orderId)) }];
      });
      watched.sort((a, b) => (a.state.kind === b.state.kind ? b.state.ageMs - a.state.ageMs : a.state.kind === 'stalled' ? -1 : 1));
      setRows(watched);
    })().catch(() => setRows([]));
  }, [db, revision]);

  if (rows.length === 0) return null;
  const support = (type: 'support:contacted' | 'support:resolved', caseId: string) =>
    void sendToWorker(type, { caseId }).then(() => setRevision((n) => n + 1));

  return (
    <section class="watching" aria-label={t('watchingTitle')}>
      <h2>{t('watchingTitle')}</h2>
      <ul>
        {rows.map(({ order, state, deadline }) => (
          <li key={orderKey(order.site, order.orderId)} class={state.kind}>
            <span class="site">{order.site}</span> <span>{order.orderId}</span> <span>{order.status}</span>{' '}
            <strong>
              {state.kind === 'stalled' ? t('watchingStalledFor', hoursAndMinutes(state.ageMs)) : t('watchingLeft', hoursAndMinutes(state.msLeft))}
            </strong>
            {state.kind === 'stalled' && (
              <SupportLine
                deadline={deadline}
                onContacted={() => support('support:contacted', orderKey(order.site, order.orderId))}
                onResolved={() => support('support:resolved', orderKey(order.site, order.orderId))}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SupportLine(props: { deadline: SupportDeadline | undefined; onContacted: () => void; onResolved: () => void }) {
  const { deadline, onContacted, onResolved } = props;
  if (!deadline) {
    return (
      <button type="button" class="secondary" onClick={onContacted}>
        {t('supportContactedButton')}
      </button>
    );
  }
  const state = deadlineState(deadline, Date.now());
  if (state.kind === 'resolved') return null;
  return (
    <span class="deadline">
      {state.kind === 'waiting'
        ? t('supportDeadlineLeft', hoursAndMinutes(state.msLeft))
        : t('supportDeadlineOverdue', t(escalationSteps(deadline.channel)[0]!))}{' '}
      <button type="button" class="secondary" onClick={onResolved}>
        {t('supportResolvedButton')}
      </button>
    </span>
  );
}
