import browser from 'webextension-polyfill';
import { hostOnList } from '../detect/shop-signals';
import type { Settings } from '../settings/settings';
import { PAGE_READER } from '../shared/content-script-files';

// Sites on the shopper's allow list are read whatever the gate would say. Rather than have the gate
// in every page fetch the lists, the browser itself puts the reader into those sites: one content
// script registered for exactly the allowed hosts (minus the denied ones), brought up to date
// whenever the settings change and whenever the worker is installed or updated.

const SCRIPT_ID = 'paywitness-allowed-sites';

export interface SitePatterns {
  matches: string[];
  excludeMatches: string[];
}

/** Match patterns for hosts and their subdomains ("shop.example" covers x.shop.example), http and https. */
export function allowedSitePatterns(settings: Pick<Settings, 'autoCapture' | 'siteAllowList' | 'siteDenyList'>): SitePatterns {
  if (!settings.autoCapture) return { matches: [], excludeMatches: [] };
  const patterns = (hosts: readonly string[]) =>
    hosts.map(hostName).filter((host): host is string => host !== null).flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);
  const allowed = settings.siteAllowList.filter((host) => !hostOnList(host, settings.siteDenyList));
  const matches = [...new Set(patterns(allowed))];
  return { matches, excludeMatches: matches.length ? [...new Set(patterns(settings.siteDenyList))] : [] };
}

/** A list entry as a host name a match pattern takes ("*.a.example." → "a.example"), or null. */
function hostName(entry: string): string | null {
  const bare = entry.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
  if (!bare || /[/:*?#@\s]/.test(bare)) return null;
  try {
    // The URL parser turns an IDN into its punycode form, the only one a match pattern takes.
    const host = new URL(`http://${bare}/`).hostname;
    return /^[a-z0-9.-]+$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** Registers (or drops) the allowed-sites script to match the settings; a no-op when it already does. */
export async function syncAllowedSites(settings: Settings): Promise<void> {
  const wanted = allowedSitePatterns(settings);
  const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (current && sameList(current.matches, wanted.matches) && sameList(current.excludeMatches, wanted.excludeMatches)) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (wanted.matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: [PAGE_READER.file],
      matches: wanted.matches,
      ...(wanted.excludeMatches.length ? { excludeMatches: wanted.excludeMatches } : {}),
      runAt: 'document_idle',
      allFrames: false,
    },
  ]);
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return (a ?? []).length === b.length && b.every((item, index) => a![index] === item);
}
