// Driven by bench/same-browser-cost.ts from this page (a page, unlike a worker, is not stopped when
// idle): exactly the extensions whose ids are in `enabled` are switched on, every other one (but
// this one) off.
/** @param {string[]} enabled */
async function enableOnly(enabled) {
  const all = await chrome.management.getAll();
  const others = all.filter((extension) => extension.id !== chrome.runtime.id && extension.type === 'extension');
  await Promise.all(others.map((extension) => chrome.management.setEnabled(extension.id, enabled.includes(extension.id))));
  return others.map((extension) => extension.id);
}
Object.assign(globalThis, { enableOnly });
