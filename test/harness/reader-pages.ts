import { chromium, type Page } from 'playwright-core';
import { findBrowser } from '../../scripts/find-browser.mjs';
import { serveHtml } from './html-server';
import { pageReaderScript } from './page-reader-script';

// One page written for a test, served on 127.0.0.1 and opened in headless Chromium with the content
// script's reader injected (test/harness/page-reader-entry.ts): the reader as the extension runs
// it, without the extension.

export interface ReaderPages {
  /** A new tab on the page, the reader injected. */
  open(path?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startReaderPages(html: string): Promise<ReaderPages> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('no Chromium-family browser found (set CHROME_PATH)');
  const server = await serveHtml(() => html);
  const script = await pageReaderScript();
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  return {
    async open(path = '/') {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await tab.goto(`${server.origin}${path}`);
      await tab.addScriptTag({ content: script });
      return tab;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
