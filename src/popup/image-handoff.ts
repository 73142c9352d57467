// Handing a picture (a stamped screenshot) to another app. A complaint form or a support chat on a
// desktop takes it from the clipboard; on a phone from the share sheet or the gallery, and some
// browsers cannot put pictures on the clipboard at all (Firefox before 127, several Android
// browsers). So: the ways this browser has, in the order that suits the device, each tried in
// turn; a download, which every browser has, is always the last.

import { saveAsDownload } from '../shared/save-download';

export type HandoffWay = 'clipboard' | 'share' | 'download';
export type HandoffResult = HandoffWay | 'cancelled';

export interface HandoffPlatform {
  /** navigator.clipboard.write and ClipboardItem taking image/png. */
  clipboardImages: boolean;
  /** navigator.share with files, for a PNG. */
  shareFiles: boolean;
  /** A touch screen is the main pointer (a phone or tablet): the share sheet comes first. */
  touch: boolean;
}

/** Pure: the ways to try, best first. */
export function handoffOrder(platform: HandoffPlatform): HandoffWay[] {
  const ways: HandoffWay[] = platform.touch ? ['share', 'clipboard'] : ['clipboard', 'share'];
  return [...ways.filter((way) => (way === 'share' ? platform.shareFiles : platform.clipboardImages)), 'download'];
}

let platform: HandoffPlatform | undefined;

/** What this browser offers; asked once per page. */
export function currentPlatform(): HandoffPlatform {
  platform ??= probePlatform();
  return platform;
}

function probePlatform(): HandoffPlatform {
  const clipboardItem = (globalThis as { ClipboardItem?: { supports?: (type: string) => boolean } }).ClipboardItem;
  const probe = new File([], 'probe.png', { type: 'image/png' });
  return {
    clipboardImages: typeof navigator.clipboard?.write === 'function' && !!clipboardItem && clipboardItem.supports?.('image/png') !== false,
    shareFiles: typeof navigator.share === 'function' && navigator.canShare?.({ files: [probe] }) === true,
    touch: matchMedia('(pointer: coarse)').matches,
  };
}

export interface HandoffImage {
  /** Started in the click itself: the clipboard keeps the gesture only if written to at once. */
  png: Promise<Blob>;
  fileName: string;
  title: string;
}

/**
 * Tries each way in turn and says which one worked. A share sheet the shopper closes is their
 * answer ('cancelled'), not a failure to fall back from.
 */
export async function handOffImage(image: HandoffImage, ways: readonly HandoffWay[]): Promise<HandoffResult> {
  for (const way of ways) {
    try {
      if (way === 'clipboard') {
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': image.png })]);
      } else if (way === 'share') {
        const file = new File([await image.png], image.fileName, { type: 'image/png' });
        await navigator.share({ files: [file], title: image.title });
      } else {
        saveAsDownload(await image.png, image.fileName);
      }
      return way;
    } catch (error) {
      if (way === 'share' && error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      if (way === 'download') throw error;
    }
  }
  throw new Error('no way to hand the image over');
}
