import browser from 'webextension-polyfill';

// One typed settings item with its defaults; every context reads settings only through here.

export interface Settings {
  /** Automatic capture is the point of the product, so it is on from install. */
  autoCapture: boolean;
  stallThresholdHours: number;
  /** Hours the shop's support is given to answer, counted from when the shopper sent the message. */
  supportDeadlineHours: number;
  /** Capture the whole page instead of the visible part (where the capture path supports it). */
  fullPageCapture: boolean;
  /** Hostnames always watched / never watched, one per entry ("shop.example" covers its subdomains). */
  siteAllowList: string[];
  siteDenyList: string[];
  /** 'auto' follows the browser's language; otherwise the extension pages use this `_locales` folder. */
  language: LanguageSetting;
  /** Reopen a stalled order's page by itself, in a background tab (text-only capture; off by default). */
  autoReopenStalled: boolean;
  /** RFC 3161 time-stamping authority for exports; '' = off (the default: it is a network request). */
  timestampUrl: string;
  /**
   * Backup bundles written into the Downloads folder. Off by default: turning it on asks for the
   * `downloads` permission (an install-time warning otherwise, and an update that adds one disables
   * the extension until the shopper accepts), and a bundle holds page text and order numbers that a
   * synced or shared Downloads folder would spread. The copy beside IndexedDB is always on.
   */
  backupSchedule: BackupSchedule;
}

export const BACKUP_SCHEDULES = ['off', 'after_new_case', 'daily'] as const;
export type BackupSchedule = (typeof BACKUP_SCHEDULES)[number];

export const LANGUAGE_SETTINGS = ['auto', 'zh_CN', 'en'] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export const DEFAULT_SETTINGS: Settings = {
  autoCapture: true,
  stallThresholdHours: 24,
  supportDeadlineHours: 72,
  fullPageCapture: false,
  siteAllowList: [],
  siteDenyList: [],
  language: 'auto',
  autoReopenStalled: false,
  timestampUrl: '',
  backupSchedule: 'off',
};

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return mergeSettings(stored);
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = mergeSettings({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Unknown or mistyped stored values fall back to the default, field by field. */
export function mergeSettings(stored: unknown): Settings {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return {
    autoCapture: typeof value.autoCapture === 'boolean' ? value.autoCapture : DEFAULT_SETTINGS.autoCapture,
    stallThresholdHours:
      typeof value.stallThresholdHours === 'number' && value.stallThresholdHours > 0 && value.stallThresholdHours < 24 * 365
        ? value.stallThresholdHours
        : DEFAULT_SETTINGS.stallThresholdHours,
    supportDeadlineHours:
      typeof value.supportDeadlineHours === 'number' && value.supportDeadlineHours >= 1 && value.supportDeadlineHours <= 24 * 90
        ? value.supportDeadlineHours
        : DEFAULT_SETTINGS.supportDeadlineHours,
    fullPageCapture: typeof value.fullPageCapture === 'boolean' ? value.fullPageCapture : DEFAULT_SETTINGS.fullPageCapture,
    siteAllowList: hostList(value.siteAllowList),
    siteDenyList: hostList(value.siteDenyList),
    language: LANGUAGE_SETTINGS.find((code) => code === value.language) ?? DEFAULT_SETTINGS.language,
    autoReopenStalled:
      typeof value.autoReopenStalled === 'boolean' ? value.autoReopenStalled : DEFAULT_SETTINGS.autoReopenStalled,
    timestampUrl: httpUrl(value.timestampUrl),
    backupSchedule: BACKUP_SCHEDULES.find((schedule) => schedule === value.backupSchedule) ?? DEFAULT_SETTINGS.backupSchedule,
  };
}

function httpUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048 || !/^https?:\/\/[^\s/]+/i.test(value)) return '';
  return value;
}

function hostList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((host): host is string => typeof host === 'string' && host.length > 0 && host.length <= 253);
}
