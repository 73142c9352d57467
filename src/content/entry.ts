// The content script as the manifest loads it. Chromium injects it at document_idle, which may be
// before the page's load event: the reader and its tables start only once the page has loaded, so
// our work never holds the page's own load back (the bundle keeps the import lazy).

function start(): void {
  void import('./index');
}

if (document.readyState === 'complete') setTimeout(start, 0);
else window.addEventListener('load', () => setTimeout(start, 0), { once: true });
