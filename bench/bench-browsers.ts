import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension, launchWithoutExtension } from '../scripts/launch-extension.mjs';
import { extensionPageScript } from './extension-page-script';
import type { BenchPageApi } from './extension-page-entry';

// The two browsers of a run: the same Chromium, profile flags and viewport, one with the extension
// (the bench build with timing marks) and one without, alive side by side so every comparison is
// interleaved in the same minute on the same machine load.

export type ExtensionBrowser = Awaited<ReturnType<typeof launchWithExtension>>;
export type BaselineBrowser = Awaited<ReturnType<typeof launchWithoutExtension>>;

export function launchBenchExtension(extensionDir: string, userDataDir?: string): Promise<ExtensionBrowser> {
  return launchWithExtension({ extensionDir, userDataDir, extraArgs: ['--remote-debugging-port=0'] });
}

export function launchBaseline(): Promise<BaselineBrowser> {
  return launchWithoutExtension();
}

export function popupUrl(browser: ExtensionBrowser): string {
  return `chrome-extension://${browser.extensionId}/src/popup/index.html`;
}

export async function frontTab(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.bringToFront();
  return page;
}

/** An extension page with the bench's store/export script loaded: the handle to call it with. */
export async function openBenchPage(browser: ExtensionBrowser): Promise<{ page: Page; call: BenchCaller }> {
  const page = await browser.context.newPage();
  await page.goto(popupUrl(browser));
  await page.evaluate(await extensionPageScript());
  const call: BenchCaller = (name, ...args) =>
    page.evaluate(
      ([fn, fnArgs]) =>
        (globalThis as unknown as { __payWitnessBench: Record<string, (...a: unknown[]) => unknown> }).__payWitnessBench[fn]!(...fnArgs),
      [name, args] as [string, unknown[]],
    ) as never;
  return { page, call };
}

export type BenchCaller = <K extends keyof BenchPageApi>(
  name: K,
  ...args: Parameters<BenchPageApi[K]>
) => ReturnType<BenchPageApi[K]>;
