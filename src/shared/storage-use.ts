// How much room the evidence takes and how much the device has left, for the popup and the
// options page. navigator.storage.estimate() covers the extension origin (IndexedDB included).
// With unlimitedStorage the quota Chromium reports is roughly the free disk space.

export interface StorageUse {
  usedBytes: number;
  freeBytes: number | null;
}

export async function readStorageUse(storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage): Promise<StorageUse | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (typeof usage !== 'number') return null;
    return { usedBytes: usage, freeBytes: typeof quota === 'number' ? Math.max(0, quota - usage) : null };
  } catch {
    return null;
  }
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB"; one decimal below 10 units, none above. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
