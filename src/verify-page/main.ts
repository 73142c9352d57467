import { applyLanguageSetting } from '../shared/apply-language';
import { t } from '../shared/i18n';
import { verifyBundle, type VerifyResult } from '../verify/verify-bundle';

// The extension's own verifier: the shopper (or anyone with the extension) picks a bundle and sees
// intact / tampered (which entry, why) / unreadable. The same verifyBundle as the CLI. Everything
// shown comes from an untrusted file, so it is only ever set as text.

const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// In the language chosen in the options, like the popup and the options page.
void applyLanguageSetting().then(() => {
  document.title = t('verifyTitle');
  byId('title').textContent = t('verifyTitle');
  byId('intro').textContent = t('verifyIntro');
  byId('pick-text').textContent = t('verifyPick');
});

byId<HTMLInputElement>('bundle').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void check(file);
});

async function check(file: File): Promise<void> {
  show('checking', t('verifyChecking', file.name), null, []);
  if (file.size > MAX_BUNDLE_BYTES) {
    show('unreadable', t('verifyUnreadable', `${file.size} bytes is larger than any bundle this page opens`), null, []);
    return;
  }
  let result: VerifyResult;
  try {
    result = await verifyBundle(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    result = { status: 'unreadable', error: error instanceof Error ? error.message : String(error) };
  }
  switch (result.status) {
    case 'intact':
      show('intact', t('verifyIntact', [String(result.captures), String(result.files + (result.extras ?? 0))]), result.head, []);
      break;
    case 'tampered':
      show('tampered', t('verifyTampered', String(result.problems.length)), null, result.problems.map((p) => [p.entry, p.reason]));
      break;
    case 'unreadable':
      show('unreadable', t('verifyUnreadable', result.error), null, []);
  }
}

function show(state: string, verdict: string, head: string | null, problems: Array<[string, string]>): void {
  const section = byId('result');
  section.hidden = false;
  section.className = state;
  section.dataset.status = state;
  byId('verdict').textContent = verdict;
  byId('head').textContent = head ? t('verifyHead', head) : '';
  const list = byId('problems');
  list.replaceChildren(
    ...problems.map(([entry, reason]) => {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = entry;
      item.append(code, `: ${reason}`);
      return item;
    }),
  );
}
