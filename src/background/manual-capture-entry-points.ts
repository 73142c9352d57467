import type browser from 'webextension-polyfill';
import type { SubmitSnapshotResponse } from '../messages/message-map';
import type { CommandsApi, ContextMenusApi } from './browser-capabilities';

// The context-menu item 保存为证据 / Save as evidence and the keyboard command (manifest
// "commands": save-evidence, Alt+Shift+S). The menu item is created when the extension is
// installed or updated; the click and command listeners are registered at the worker's top level
// (the caller does this synchronously) so a worker woken by a click finds them. A browser without
// context menus or commands (Firefox for Android) passes null for them: the popup's button is the
// way in there (browser-capabilities.ts).

export const SAVE_EVIDENCE_MENU_ID = 'paywitness-save-evidence';
export const SAVE_EVIDENCE_COMMAND = 'save-evidence';

export interface EntryPointApi {
  runtime: Pick<typeof browser.runtime, 'onInstalled'>;
  contextMenus: ContextMenusApi | null;
  commands: CommandsApi | null;
  tabs: Pick<typeof browser.tabs, 'query'>;
}

export function registerManualCaptureEntryPoints(
  api: EntryPointApi,
  menuTitle: () => string,
  captureTab: (tabId: number) => Promise<SubmitSnapshotResponse>,
): void {
  const { contextMenus, commands } = api;
  if (contextMenus) {
    api.runtime.onInstalled.addListener(() => {
      void contextMenus
        .removeAll()
        .then(() => contextMenus.create({ id: SAVE_EVIDENCE_MENU_ID, title: menuTitle(), contexts: ['page', 'selection', 'link', 'image', 'frame'] }));
    });
    contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId !== SAVE_EVIDENCE_MENU_ID || tab?.id === undefined) return;
      void captureTab(tab.id);
    });
  }
  commands?.onCommand.addListener((command, tab) => {
    if (command !== SAVE_EVIDENCE_COMMAND) return;
    const target = tab?.id !== undefined ? Promise.resolve(tab.id) : activeTabId(api);
    void target.then((tabId) => (tabId === undefined ? undefined : captureTab(tabId)));
  });
}

async function activeTabId(api: EntryPointApi): Promise<number | undefined> {
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}
