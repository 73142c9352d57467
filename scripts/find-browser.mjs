// @ts-check
// Finds a Chromium-family browser: CHROME_PATH first, then the usual system installs. Nothing is
// downloaded; with no browser the caller prints `BROWSER_HELP`.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const BROWSER_HELP = [
  'No Chromium-family browser was found.',
  '  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-wqy-microhei',
  '  Or point CHROME_PATH at Chrome, Chromium or Edge, e.g.  CHROME_PATH=/opt/google/chrome/chrome npm start',
].join('\n');

/** @returns {string | null} */
export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}
