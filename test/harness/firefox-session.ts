import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startShop } from '../../demo/shop-server.mjs';
import { GECKO_ID } from '../../scripts/firefox-manifest.mjs';
import type { CaptureEntry } from '../../src/evidence/capture-entry';
import { readChainInPage, waitForChain } from './read-chain-in-page';

// Firefox with dist-firefox/ installed as a temporary add-on, driven by puppeteer-core over
// Firefox's own WebDriver BiDi: no geckodriver, nothing downloaded.

/** An exported bundle's file name; waiting for it also checks the popup named the bundle so. */
export const BUNDLE_NAME = /^paywitness-.+-\d{8}-\d{4}\.zip$/;

export type Shop = Awaited<ReturnType<typeof startShop>>;

/** Pinned through `extensions.webextensions.uuids`, so the test knows the moz-extension:// origin. */
const EXTENSION_UUID = '5f0d3c1e-7a2b-4c4d-9e8f-0a1b2c3d4e5f';
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export const FIREFOX_HELP =
  'Firefox is needed for the Firefox e2e tests: set FIREFOX_PATH, or `apt-get install firefox-esr`.';

export function findFirefox(): string | undefined {
  return [process.env.FIREFOX_PATH, ...FIREFOX_CANDIDATES].find((path): path is string => !!path && existsSync(path));
}

export interface Viewport {
  width: number;
  height: number;
  deviceScaleFactor?: number;
}

/**
 * What Firefox for Android has that a desktop Firefox can be told to have: a coarse pointer that
 * cannot hover (`(pointer: coarse)` matches), touch events, and scrollbars that overlay the page
 * instead of taking 12 px of a 360 px screen.
 */
export const PHONE_PREFS = {
  'ui.primaryPointerCapabilities': 1,
  'ui.allPointerCapabilities': 1,
  'dom.w3c_touch_events.enabled': 1,
  'ui.useOverlayScrollbars': 1,
};

export interface FirefoxSession {
  shop: Shop;
  browser: Browser;
  extensionDir: string;
  extensionUrl(path: string): string;
  /** An extension page kept open to read the evidence store. */
  probe: Page;
  downloadDir: string;
  /** An extension page in a tab of its own (as on Android); optionally a viewport of that size. */
  openExtensionPage(path: string, viewport?: Viewport): Promise<Page>;
  /** Opens a page as the shopper would: its own tab, in front; optionally a viewport of that size. */
  visit(url: string, viewport?: Viewport): Promise<Page>;
  entries(): Promise<CaptureEntry[]>;
  waitForEntries(count: number, timeoutMs?: number): Promise<CaptureEntry[]>;
  /** The path of the finished download whose file name matches `name`. */
  waitForDownload(name: RegExp, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/** dist-firefox/, or PAYWITNESS_FIREFOX_DIST for a build of one's own (vite build -c vite.firefox.config.ts --outDir …). */
export function firefoxDistDir(): string {
  return resolve(process.env.PAYWITNESS_FIREFOX_DIST ?? 'dist-firefox');
}

export async function startFirefoxSession(options: { prefs?: Record<string, unknown> } = {}): Promise<FirefoxSession> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(FIREFOX_HELP);
  const extensionDir = firefoxDistDir();
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no manifest.json: run \`npm run build:firefox\` first`);
  }
  const downloadDir = await mkdtemp(join(tmpdir(), 'pw-firefox-downloads-'));
  const shop = await startShop();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // BiDi refuses to navigate a tab to moz-extension:// unless system access is allowed; the
    // popup and the store probe are extension pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // The popup's export is an <a download>: save it straight into our folder, no dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // Optional permissions (downloads, for backups) are granted without the doorhanger a
      // headless browser cannot click; the request still needs a real click to be made.
      'extensions.webextOptionalPermissionPrompts': false,
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await shop.close();
    throw error;
  }
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;

  const openExtensionPage = async (path: string, viewport?: Viewport): Promise<Page> => {
    const page = await browser.newPage();
    if (viewport) await page.setViewport(viewport);
    // Puppeteer never sees the load event of a page that moves into the extension process, so
    // the navigation is not awaited; the page is polled until the extension document is ready.
    void page.goto(extensionUrl(path)).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const ready = await page
        .evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete')
        .catch(() => false);
      if (ready) return page;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`extension page ${path} did not load`);
  };

  const probe = await openExtensionPage('src/popup/index.html');
  const entries = () => probe.evaluate(readChainInPage);
  return {
    shop,
    browser,
    extensionDir,
    extensionUrl,
    probe,
    downloadDir,
    openExtensionPage,
    async visit(url, viewport) {
      const page = await browser.newPage();
      if (viewport) await page.setViewport(viewport);
      await page.bringToFront();
      await page.goto(url);
      return page;
    },
    entries,
    waitForEntries: (count, timeoutMs) => waitForChain(entries, count, timeoutMs),
    async waitForDownload(name, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let lastSize = -1;
      while (Date.now() < deadline) {
        // Firefox writes a download under a random temporary name (or into `<name>.part`) and
        // renames it when done, so a listed file may be gone by the time it is stat'ed. Complete
        // means: the final name, no .part left, and a size that held across two looks.
        const names = await readdir(downloadDir);
        const done = names.find((file) => name.test(file));
        const size = done && !names.some((file) => file.endsWith('.part')) ? await sizeOf(join(downloadDir, done)) : -1;
        if (size > 0 && size === lastSize) return join(downloadDir, done!);
        lastSize = size;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no download named ${name} in ${downloadDir}: ${(await readdir(downloadDir)).join(', ')}`);
    },
    async close() {
      await browser.close();
      await shop.close();
      await rm(downloadDir, { recursive: true, force: true });
    },
  };
}

/** The file's size, or -1 when it is not there (renamed away since it was listed). */
async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return -1;
    throw error;
  }
}
