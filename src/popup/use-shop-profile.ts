import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToWorker } from '../messages/send-message';
import type { ShopProfile } from '../shop/shop-profile';

// The profile of the shop in the tab the popup was opened over, as the worker assembles it from
// what that page showed and what the store knows. Null while loading and when there is no web page.

export function useShopProfile(): ShopProfile | null {
  const [profile, setProfile] = useState<ShopProfile | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const reply = await sendToWorker('shop:profile', { tabId: tab.id });
      if (live && reply?.ok) setProfile(reply.profile);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return profile;
}
