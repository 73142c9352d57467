// @ts-check
// The least a reader of what a shopper can see does: wait for idle; every element holding anything
// asks its computed style (display and visibility: shops ship hidden error templates), the text of
// a shown element joins its nearest block, and the blocks go to the worker in one message. Then it
// watches the document: what is added (an element, or the element text was put in) is read the same
// way after the next frame, 200 ms after the first change, and sent. No hints, surfaces, rows or
// cells, caps, off-screen or opacity checks, no re-read of what changed in place. own-script-time.ts
// reports it beside PayWitness on the pages PayWitness reads (its manifest leaves out the ordinary
// pages the gate keeps out); the --mutations bench runs it alone under the same stream. Bench
// timing entries (floor:observe, floor:scan) as PayWitness's bench build makes them.
(() => {
  /**
   * @template {unknown[]} A
   * @param {string} name
   * @param {(...args: A) => void} fn
   * @returns {(...args: A) => void}
   */
  const timed = (name, fn) => (...args) => {
    const start = performance.now();
    try {
      fn(...args);
    } finally {
      performance.measure(name, { start, end: performance.now() });
    }
  };
  /**
   * @param {Element} el
   * @param {string[] | null} current the block the element's text joins, unless it is a block itself
   * @param {string[][]} blocks
   */
  const visit = (el, current, blocks) => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    let target = current;
    if (!target || style.display !== 'inline') blocks.push((target = []));
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        if (/\S/.test(text)) target.push(text);
      } else if (child instanceof Element && child.firstChild && child.localName !== 'script' && child.localName !== 'style') visit(child, target, blocks);
    }
  };
  /** @param {Iterable<Element>} roots */
  const send = (roots) => {
    /** @type {string[][]} */
    const blocks = [];
    for (const root of roots) if (root.isConnected) visit(root, null, blocks);
    const out = [];
    for (const parts of blocks) {
      const text = parts.join('').replace(/\s+/g, ' ').trim();
      if (text) out.push({ text });
    }
    chrome.runtime.sendMessage({ url: document.URL, title: document.title, blocks: out });
  };
  requestIdleCallback(
    timed('floor:scan', () => {
      if (!document.body) return;
      send([document.body]);
      /** @type {Set<Element>} */
      let added = new Set();
      /** @type {ReturnType<typeof setTimeout> | 0} */
      let timer = 0;
      const scan = timed('floor:scan', () => {
        timer = 0;
        const roots = added;
        added = new Set();
        send(roots);
      });
      const observer = new MutationObserver(
        timed('floor:observe', (/** @type {MutationRecord[]} */ records) => {
          for (const record of records) {
            const parent = record.target instanceof Element ? record.target : record.target.parentElement;
            if (record.type === 'characterData') {
              if (parent) added.add(parent);
              continue;
            }
            const nodes = record.addedNodes;
            for (let i = 0; i < nodes.length; i++) {
              const node = nodes[i];
              if (node instanceof Element) added.add(node);
              else if (parent) added.add(parent);
            }
          }
          if (!timer) timer = setTimeout(() => requestAnimationFrame(() => setTimeout(scan, 0)), 200);
        }),
      );
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    }),
    { timeout: 2000 },
  );
})();
