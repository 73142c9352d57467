import browser from 'webextension-polyfill';

// One typed settings item with its defaults; every context reads settings only through here.

export interface Settings {
  /** Automatic capture is the point of the product, so it is on from install. */
  autoCapture: boolean;
  stallThresholdHours: number;
}

export const DEFAULT_SETTINGS: Settings = {
  autoCapture: true,
  stallThresholdHours: 24,
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
  };
}
