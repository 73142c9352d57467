import { useEffect, useState } from 'preact/hooks';
import { sendToWorker } from '../messages/send-message';
import type { ShopProfile } from '../shop/shop-profile';
import { findPageTab } from './page-tab';

// The profile of the shop in the tab the popup was opened over (or, when the popup is a tab of its
// own, the page the shopper came from), as the worker assembles it from what that page showed and
// what the store knows. Null while loading and when there is no web page. A page opened a moment
// ago may not have been read yet: then the popup asks again, a few times, before it settles.

const RETRIES = 5;
const RETRY_MS = 600;

export function useShopProfile(): ShopProfile | null {
  const [profile, setProfile] = useState<ShopProfile | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const target = await findPageTab();
      for (let attempt = 0; live && target; attempt++) {
        const reply = await sendToWorker('shop:profile', { tabId: target.tabId });
        if (!live || !reply?.ok) return;
        setProfile(reply.profile);
        if (!reply.profile || reply.profile.page || attempt === RETRIES) return;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return profile;
}
