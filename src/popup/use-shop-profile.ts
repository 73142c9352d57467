import { useEffect, useState } from 'preact/hooks';
import { sendToWorker } from '../messages/send-message';
import type { ShopProfile } from '../shop/shop-profile';
import { findPageTab } from './page-tab';

// The profile of the shop in the tab the popup was opened over (or, when the popup is a tab of its
// own, the page the shopper came from), as the worker assembles it from what that page showed and
// what the store knows. Null while loading and when there is no web page.

export function useShopProfile(): ShopProfile | null {
  const [profile, setProfile] = useState<ShopProfile | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const target = await findPageTab();
      if (!target) return;
      const reply = await sendToWorker('shop:profile', { tabId: target.tabId });
      if (live && reply?.ok) setProfile(reply.profile);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return profile;
}
