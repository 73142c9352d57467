// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handoffOrder, handOffImage } from '../../../src/popup/image-handoff';

const image = () => ({ png: Promise.resolve(new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' })), fileName: 'shot-stamped.png', title: 'shop' });

describe('handoffOrder', () => {
  it('puts the clipboard first on a desktop and the share sheet first on a phone', () => {
    expect(handoffOrder({ clipboardImages: true, shareFiles: true, touch: false })).toEqual(['clipboard', 'share', 'download']);
    expect(handoffOrder({ clipboardImages: true, shareFiles: true, touch: true })).toEqual(['share', 'clipboard', 'download']);
  });

  it('offers only what the browser has, and always ends with a download', () => {
    expect(handoffOrder({ clipboardImages: false, shareFiles: true, touch: false })).toEqual(['share', 'download']);
    expect(handoffOrder({ clipboardImages: false, shareFiles: false, touch: true })).toEqual(['download']);
  });
});

describe('handOffImage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  function stubPlatform(options: { clipboard?: () => Promise<void>; share?: (data: ShareData) => Promise<void> }) {
    vi.stubGlobal('ClipboardItem', class {
      constructor(readonly items: Record<string, Promise<Blob>>) {}
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { write: options.clipboard ?? (async () => undefined) }, share: options.share });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    return clicked;
  }

  it('shares a PNG file where the clipboard refuses pictures', async () => {
    const shared: File[] = [];
    stubPlatform({
      clipboard: async () => Promise.reject(new DOMException('no images', 'NotAllowedError')),
      share: async (data) => void shared.push(...(data.files ?? [])),
    });
    await expect(handOffImage(image(), ['clipboard', 'share', 'download'])).resolves.toBe('share');
    expect(shared.map((file) => [file.name, file.type, file.size])).toEqual([['shot-stamped.png', 'image/png', 4]]);
  });

  it('takes a closed share sheet as the answer, without downloading behind it', async () => {
    const clicked = stubPlatform({ share: async () => Promise.reject(new DOMException('closed', 'AbortError')) });
    await expect(handOffImage(image(), ['share', 'clipboard', 'download'])).resolves.toBe('cancelled');
    expect(clicked).toEqual([]);
  });

  it('downloads when neither clipboard nor share takes the picture', async () => {
    const clicked = stubPlatform({
      clipboard: async () => Promise.reject(new Error('denied')),
      share: async () => Promise.reject(new DOMException('no activation', 'NotAllowedError')),
    });
    await expect(handOffImage(image(), ['share', 'clipboard', 'download'])).resolves.toBe('download');
    expect(clicked).toEqual(['shot-stamped.png']);
  });

  it('reports a picture that could not be made instead of handing over nothing', async () => {
    const clicked = stubPlatform({});
    const broken = { ...image(), png: Promise.reject(new Error('The screenshot of this capture is missing')) };
    broken.png.catch(() => undefined);
    await expect(handOffImage(broken, ['share', 'download'])).rejects.toThrow('missing');
    expect(clicked).toEqual([]);
  });
});
