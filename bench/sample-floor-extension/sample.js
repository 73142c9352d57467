// @ts-check
// The least a gate of issue 14's kind does ("the URL, title and a tiny sample decide, after the page
// is idle"): wait for idle, walk the document's text from its start to a sample of at most 4,000
// characters (2,000 text nodes), and ask one pattern of the URL, the title and the sample. No
// listener, no second look, no message. own-script-time.ts reports it beside PayWitness on every
// page; on the ordinary pages the gate keeps out, PayWitness's gate does this and little more.
requestIdleCallback(
  () => {
    const walker = document.createTreeWalker(document, 4 /* SHOW_TEXT */);
    let sample = '';
    for (let node = walker.nextNode(), seen = 0; node && sample.length < 4000 && seen < 2000; node = walker.nextNode(), seen++) {
      const text = (node.nodeValue ?? '').trim();
      if (text) sample += `${text} `;
    }
    void /订单|支付|发卡|卡密|order|checkout/i.test(`${document.URL} ${document.title} ${sample}`);
  },
  { timeout: 2000 },
);
