// Pages that are not shops at all, the kind a shopper opens far more often than a card shop: the
// extension runs on every one of them, so what it costs there is paid on the whole web. Each is
// generated (no network) and shaped like the real thing: a long article, a 3,000-row docs table,
// a feed that changes every 20 ms, a product listing, search results, a dashboard built by script.

export interface BenchPage {
  name: string;
  url: string;
  html: string;
}

const page = (title: string, body: string, script = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:15px/1.5 sans-serif;margin:0 auto;max-width:960px;padding:1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}
.card{display:inline-block;width:200px;margin:6px;padding:8px;border:1px solid #ddd;vertical-align:top}.sticky{position:sticky;top:0;background:#fff}</style>
</head><body>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;

const WORDS = 'river mountain winter harbour village council research season library garden railway bridge museum orchestra planet coastline festival tradition weather island'.split(' ');
const sentence = (seed: number, length = 18) => {
  const words = Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]!);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
};
const paragraph = (seed: number) => Array.from({ length: 5 }, (_, i) => sentence(seed + i)).join(' ');

function article(): string {
  const sections = Array.from({ length: 40 }, (_, i) => `<h2>Part ${i + 1}: the ${WORDS[i % WORDS.length]}</h2><p>${paragraph(i)}</p><p>${paragraph(i + 50)}</p>`);
  return page('How the valley railway was built — a long read', `<header class="sticky"><nav><a href="#">News</a> · <a href="#">Culture</a> · <a href="#">Science</a></nav></header>
<article><h1>How the valley railway was built</h1>${sections.join('')}</article><footer>© The Valley Chronicle</footer>`);
}

function docsTable(): string {
  const rows = Array.from(
    { length: 3000 },
    (_, i) => `<tr><td><code>option_${i}</code></td><td>${['string', 'number', 'boolean', 'list'][i % 4]}</td><td>${i % 7 ? 'no' : 'yes'}</td><td>${sentence(i, 10)}</td></tr>`,
  );
  return page('Configuration reference — all options', `<h1>Configuration reference</h1><p>${paragraph(3)}</p>
<table><thead><tr><th>Name</th><th>Type</th><th>Required</th><th>Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

function liveFeed(): string {
  const items = Array.from({ length: 60 }, (_, i) => `<li>${sentence(i, 12)}</li>`).join('');
  const script = `let n = 0; const feed = document.getElementById('feed'); const clock = document.getElementById('clock');
setInterval(() => { n++; clock.textContent = 'Updated ' + n; const li = document.createElement('li'); li.textContent = 'Update ' + n + ': ' + ${JSON.stringify(sentence(9, 10))};
feed.prepend(li); if (feed.children.length > 80) feed.lastElementChild.remove(); }, 20);`;
  return page('Live: the match as it happens', `<h1>Live coverage</h1><p id="clock">Updated 0</p><ul id="feed">${items}</ul>`, script);
}

function productListing(): string {
  const cards = Array.from(
    { length: 48 },
    (_, i) => `<div class="card"><div style="height:120px;background:#eee"></div><h3>${WORDS[i % WORDS.length]} lamp, model ${i + 1}</h3><p>${sentence(i, 8)}</p><p>$${(19 + i).toFixed(2)}</p><button>Add to cart</button></div>`,
  );
  return page('Lamps and lighting — 48 products', `<h1>Lamps and lighting</h1><p>Sort by: popularity</p>${cards.join('')}`);
}

function searchResults(): string {
  const results = Array.from(
    { length: 20 },
    (_, i) => `<div class="result"><a href="#"><h3>${sentence(i, 6)}</h3></a><cite>https://${WORDS[i % WORDS.length]}.example/wiki/${i}</cite><p>${sentence(i + 3, 24)}</p></div>`,
  );
  return page('valley railway history - Search', `<form><input name="q" value="valley railway history"><button>Search</button></form><p>About 1,240,000 results</p>${results.join('')}`);
}

function dashboard(): string {
  const script = `document.addEventListener('DOMContentLoaded', () => {
const root = document.getElementById('app'); const names = ${JSON.stringify(WORDS)};
for (let i = 0; i < 240; i++) { const card = document.createElement('div'); card.className = 'card';
const h = document.createElement('h3'); h.textContent = names[i % names.length] + ' service ' + i;
const p = document.createElement('p'); p.textContent = 'requests/s ' + (i * 37 % 900) + ' · p95 ' + (i * 13 % 300) + ' ms · errors ' + (i % 5);
const bar = document.createElement('div'); bar.style.cssText = 'height:6px;background:#4a8;width:' + (i * 7 % 100) + '%';
card.append(h, p, bar); root.append(card); } });`;
  return page('Service health', '<h1>Service health</h1><div id="app"></div>', script);
}

/** Each on a host of its own, so every load starts in a fresh renderer. */
export function ordinaryPages(): BenchPage[] {
  return [
    { name: 'long article', url: 'https://news.bench.example/2026/valley-railway', html: article() },
    { name: '3,000-row docs table', url: 'https://docs.bench.example/reference/options', html: docsTable() },
    { name: 'feed mutating every 20 ms', url: 'https://live.bench.example/match/1', html: liveFeed() },
    { name: 'product listing', url: 'https://lamps.bench.example/lighting/lamps', html: productListing() },
    { name: 'search results', url: 'https://search.bench.example/search?q=valley+railway+history', html: searchResults() },
    { name: 'dashboard built by script', url: 'https://status.bench.example/services', html: dashboard() },
  ];
}
