import { beforeEach, describe, expect, it, vi } from 'vitest';

// The alarm round and the notification click, with chrome.* replaced by recording fakes and the
// clock injected. The rules themselves are tested in test/unit/orders; this checks the wiring.

const fake = vi.hoisted(() => {
  const listeners: Record<string, Array<(...args: unknown[]) => unknown>> = {};
  const on = (name: string) => ({ addListener: (fn: (...args: unknown[]) => unknown) => (listeners[name] ??= []).push(fn) });
  return {
    listeners,
    notifications: [] as Array<{ id: string; options: { title: string; message: string; buttons?: Array<{ title: string }> } }>,
    tabs: [] as Array<{ url: string; active: boolean }>,
    badge: '',
    browser: {
      alarms: { onAlarm: on('alarm'), get: async () => undefined, create: async () => undefined },
      notifications: {
        onButtonClicked: on('button'),
        onClicked: on('click'),
        create: async (id: string, options: never) => void fake.notifications.push({ id, options }),
        clear: async () => true,
      },
      runtime: { onInstalled: on('installed'), onStartup: on('startup'), getURL: (p: string) => `chrome-extension://x/${p}` },
      tabs: { create: async (tab: { url: string; active: boolean }) => void fake.tabs.push(tab) },
      action: { setBadgeBackgroundColor: async () => undefined, setBadgeText: async ({ text }: { text: string }) => void (fake.badge = text), getBadgeText: async () => fake.badge },
      i18n: { getMessage: (key: string, subs?: string[]) => [key, ...(subs ?? [])].join('|') },
    },
  };
});
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const { listenForOrderAlarms, recheckOrders } = await import('../../../src/background/order-alarms');
const { DEFAULT_SETTINGS } = await import('../../../src/settings/settings');
const { openEvidenceDb } = await import('../../../src/store/open-evidence-db');
const { getOrder, recordSighting } = await import('../../../src/store/order-store');
const { saveSupportDeadline } = await import('../../../src/store/support-deadline-store');
const { startSupportDeadline } = await import('../../../src/orders/support-deadline');

const HOUR = 3_600_000;
let n = 0;

async function setup(settings = DEFAULT_SETTINGS) {
  const db = await openEvidenceDb(`alarms-test-${n++}`);
  let clock = Date.parse('2026-11-28T10:00:00+08:00');
  const deps = { db: async () => db, settings: async () => settings, now: () => new Date(clock) };
  const see = (orderId: string, status: string, ageHours: number) =>
    recordSighting(db, {
      site: 'shop.example',
      url: `https://shop.example/detail-order-sn/${orderId}`,
      at: new Date(clock).toISOString(),
      captureId: null,
      order: { orderId, amount: 25, currency: 'CNY', product: null, status, createdAt: new Date(clock - ageHours * HOUR).toISOString() },
    });
  return { db, deps, see, advance: (ms: number) => (clock += ms) };
}

beforeEach(() => {
  fake.notifications.length = 0;
  fake.tabs.length = 0;
  fake.badge = '';
});

describe('order alarms', () => {
  it('announces an order once, when it crosses the threshold, and counts stalled orders on the badge', async () => {
    const { db, deps, see, advance } = await setup();
    await see('NEARLY000001', '处理中', 23.5);
    await see('DONE00000002', '已完成', 100);
    await recheckOrders(deps);
    expect(fake.notifications).toEqual([]);
    expect(fake.badge).toBe('');

    advance(HOUR);
    await recheckOrders(deps);
    expect(fake.notifications.map((n) => n.id)).toEqual(['stall|shop.example|NEARLY000001']);
    expect(fake.notifications[0]!.options.message).toBe('notifyStalledBody|NEARLY000001|shop.example|处理中|24 h 30 min');
    expect(fake.notifications[0]!.options.buttons).toEqual([{ title: 'notifyReopen' }]);
    expect(fake.badge).toBe('1');
    expect((await getOrder(db, 'shop.example', 'NEARLY000001'))?.watch.stalledNotifiedAt).not.toBeNull();
    expect(fake.tabs).toEqual([]);

    advance(HOUR);
    await recheckOrders(deps);
    expect(fake.notifications).toHaveLength(1);
    expect(fake.badge).toBe('1');
  });

  it('never hides the red alarm of a failed evidence write behind the stalled count', async () => {
    const { deps, see } = await setup();
    await see('STALL0000009', '处理中', 30);
    fake.badge = '!';
    await recheckOrders(deps);
    expect(fake.badge).toBe('!');
    fake.badge = '';
    await recheckOrders(deps);
    expect(fake.badge).toBe('1');
  });

  it('with autoReopenStalled the order page opens in a background tab', async () => {
    const { deps, see } = await setup({ ...DEFAULT_SETTINGS, autoReopenStalled: true });
    await see('STALL0000003', '待处理', 30);
    await recheckOrders(deps);
    expect(fake.tabs).toEqual([{ url: 'https://shop.example/detail-order-sn/STALL0000003', active: false }]);
  });

  it('the notification button reopens the order page in front', async () => {
    const { deps, see } = await setup();
    await see('STALL0000004', '处理中', 30);
    listenForOrderAlarms(deps);
    for (const click of fake.listeners.button ?? []) click('stall|shop.example|STALL0000004', 0);
    await vi.waitFor(() => expect(fake.tabs).toEqual([{ url: 'https://shop.example/detail-order-sn/STALL0000004', active: true }]));
  });

  it('an unresolved support deadline is announced once after it passes, naming the next step', async () => {
    const { db, deps, advance } = await setup();
    await saveSupportDeadline(db, startSupportDeadline('shop.example#order:A1', new Date(Date.parse('2026-11-28T10:00:00+08:00')), 24, 'wechat', (d) => d.toISOString()));
    await recheckOrders(deps);
    expect(fake.notifications).toEqual([]);
    advance(25 * HOUR);
    await recheckOrders(deps);
    await recheckOrders(deps);
    expect(fake.notifications.map((n) => [n.id, n.options.message])).toEqual([
      ['support|shop.example#order:A1', 'notifySupportOverdueBody|shop.example#order:A1|escalate_wechat → escalate_12315'],
    ]);
  });
});
