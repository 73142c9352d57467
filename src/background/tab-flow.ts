import browser from 'webextension-polyfill';
import type { TabFlow } from '../cases/attempt-case';

// Where the worker keeps each tab's purchase flow (src/cases/attempt-case.ts) between events: in
// session storage, so a stopped and restarted worker still knows which order a tab showed, and
// the browser forgets it on restart. A tab opened from another (a gateway in a new tab) starts
// from its opener's flow.

const PREFIX = 'tabFlow:';

export async function readTabFlow(tabId: number, openerTabId?: number): Promise<TabFlow> {
  const own = await load(tabId);
  if (own) return own;
  const opener = openerTabId === undefined ? null : await load(openerTabId);
  return { tab: crypto.randomUUID(), order: opener?.order ?? null, lastCase: opener?.lastCase ?? null };
}

export async function writeTabFlow(tabId: number, flow: TabFlow): Promise<void> {
  await browser.storage.session.set({ [`${PREFIX}${tabId}`]: flow });
}

async function load(tabId: number): Promise<TabFlow | null> {
  const key = `${PREFIX}${tabId}`;
  const stored = (await browser.storage.session.get(key))[key];
  return isTabFlow(stored) ? stored : null;
}

function isTabFlow(value: unknown): value is TabFlow {
  if (!value || typeof value !== 'object') return false;
  const flow = value as Partial<TabFlow>;
  return typeof flow.tab === 'string' && 'order' in flow && 'lastCase' in flow;
}
