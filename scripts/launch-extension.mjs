// @ts-check
// Starts a Chromium-family browser with the built extension from dist/ loaded, through
// playwright-core driving the system browser. Shared by `npm start`, the e2e tests and the benches.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSER_HELP, findBrowser } from './find-browser.mjs';

/**

 * A phone to emulate instead of the 1280×800 desktop window: its screen in CSS pixels, pixel ratio,
 * touch, and mobile viewport handling (the e2e phone test uses a 360×640 Android phone).
 * @typedef {{ viewport: { width: number, height: number }, deviceScaleFactor?: number, isMobile?: boolean, hasTouch?: boolean }} Device
 */

/**
 * @param {{ extensionDir?: string, headless?: boolean, locale?: string, userDataDir?: string, extraArgs?: string[], device?: Device, env?: Record<string, string> }} [options]
 */
export async function launchWithExtension(options = {}) {
  if (!findBrowser()) throw new Error(BROWSER_HELP);
  // PAYWITNESS_DIST lets parallel runs each test their own build (vite build --outDir dist-x).
  const extensionDir = resolve(options.extensionDir ?? process.env.PAYWITNESS_DIST ?? 'dist');
  const { context, userDataDir, close } = await launchProfile({
    ...options,
    extraArgs: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...(options.extraArgs ?? [])],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    worker,
    close,
  };
}

/**
 * The same browser with the same flags and no extension: the baseline the benches compare against.
 * @param {{ headless?: boolean, locale?: string, userDataDir?: string, extraArgs?: string[] }} [options]
 */
export async function launchWithoutExtension(options = {}) {
  if (!findBrowser()) throw new Error(BROWSER_HELP);
  return launchProfile(options);
}

/** @param {{ headless?: boolean, locale?: string, userDataDir?: string, extraArgs?: string[], device?: Device, env?: Record<string, string> }} options */
async function launchProfile(options) {
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'paywitness-profile-')));
  const locale = options.locale ?? 'zh-CN';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findBrowser() ?? undefined,
    headless: options.headless ?? true,
    acceptDownloads: true,
    locale,
    viewport: { width: 1280, height: 800 },
    ...options.device,
    // Chromium on Linux takes its UI language (and so chrome.i18n's) from these, not from --lang.
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8`, ...options.env },
    args: [
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.extraArgs ?? []),
    ],
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close();
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
