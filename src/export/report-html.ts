import type { CaptureEntry } from '../evidence/capture-entry';
import { isDeletion, liveCaptures } from '../evidence/deletion-entry';
import { beijingTime, utcTime } from './bundle-times';
import type { BundleManifest } from './bundle-manifest';
import type { CaseFacts } from './case-facts';
import { claimLabel, kindLabel, paymentLabel, responsibilityLabel, statementLabel } from './evidence-labels';
import { escapeHtml as e } from './html-escape';
import { moneyText } from './money-text';

// report.html: the bundle read by a person. Pure (manifest + cases → one HTML string) and fully
// self-contained: inline CSS, no script (the CSP forbids any), screenshots referenced by relative
// path. Screenshots are NOT inlined as data URIs: that would store every image twice and make a
// 50 MB bundle's report 65 MB of base64; once the zip is extracted the relative paths just work.
// Every string that came from a page is escaped; nothing is ever inserted as markup.

export const REPORT_PATH = 'report.html';

export const REPORT_CSP =
  "default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** `drafts`: the complaint draft paths made for each case, in the order to use them. */
export function renderReport(manifest: BundleManifest, cases: readonly CaseFacts[], drafts: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const head = manifest.chain.head ?? '（空 / empty）';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>支付见证 证据报告 · PayWitness evidence report</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>支付见证 证据报告 <span class="en">PayWitness evidence report</span></h1>
<p>生成时间 Created: ${e(beijingTime(manifest.createdAt))} 北京时间 · ${e(utcTime(manifest.createdAt))} UTC · ${e(manifest.generator.name)} ${e(manifest.generator.version)}</p>
<p>共 ${cases.length} 个案件、${liveCaptures(manifest.captures).length} 条记录 · ${cases.length} case(s), ${liveCaptures(manifest.captures).length} capture(s)</p>
<p class="hash">哈希链头 Chain head (SHA-256): <code>${e(head)}</code></p>
${manifest.omitted?.length ? `<p class="note">本证据包为脱敏版：页面文字等 ${manifest.omitted.length} 个文件未包含，其 SHA-256 仍列于下表。 · Redacted bundle: ${manifest.omitted.length} file(s) (page text / HTML) are left out; their SHA-256 are still listed below.</p>` : ''}
${deletionNote(manifest)}
<p class="note">如何校验：见 README.txt。本报告不含脚本，只是 manifest.json 的可读版本；以 manifest.json 和各文件的 SHA-256 为准。 · How to verify: see README.txt. This report runs no script and is a readable view of manifest.json, which is authoritative.</p>
</header>
${cases.map((facts, index) => renderCase(facts, index + 1, manifest, drafts.get(facts.caseId) ?? [])).join('\n')}
<section class="files">
<h2>文件与哈希 <span class="en">Files and SHA-256</span></h2>
${filesTable(manifest)}
<p class="hash">哈希链头 Chain head: <code>${e(head)}</code> · 链起点 Chain base: <code>${e(manifest.chain.base ?? 'null')}</code></p>
</section>
</body>
</html>
`;
}

function renderCase(facts: CaseFacts, number: number, manifest: BundleManifest, drafts: readonly string[]): string {
  const verdictLabel = responsibilityLabel(facts.verdict.responsibility);
  const money = moneyText(facts.amount, facts.currency);
  return `<section class="case" data-case-id="${e(facts.caseId)}">
<h2>案件 ${number} <span class="en">Case ${number}</span>：${e(facts.shopName)} · ${e(facts.orderId ?? facts.caseId)}</h2>
<h3 class="summary-h">概要 <span class="en">Summary</span></h3>
<table class="summary">
${row('店铺 / 网址', 'Shop / site', `${e(facts.shopName)} · ${e(facts.site)}`)}
${facts.companyNames.length || facts.icpNumbers.length ? row('经营者 / 备案', 'Operator / ICP', e([...facts.companyNames, ...facts.icpNumbers].join('；'))) : ''}
${row('订单号', 'Order', e(facts.orderId ?? '（页面未显示 / not shown）'))}
${row('金额', 'Amount', e(money ?? '（页面未显示 / not shown）'))}
${row('状态', 'Status', e(facts.status ?? '—'))}
${facts.orderCreatedAt ? row('下单时间', 'Ordered at', `${e(beijingTime(facts.orderCreatedAt))} 北京时间`) : ''}
${row('记录时段', 'Recorded', `${e(beijingTime(facts.firstSeen))} — ${e(beijingTime(facts.lastSeen))} 北京时间 (${facts.captures.length})`)}
</table>
<h3 class="verdict-h">判断与理由 <span class="en">Verdict and reasons</span></h3>
<p class="verdict ${e(facts.verdict.responsibility ?? 'unknown')}"><strong>${e(verdictLabel.zh)}</strong> <span class="en">${e(verdictLabel.en)}</span></p>
<p>理由 Reason: ${e(facts.verdict.reason)} <code>${e(facts.verdict.reasonCode)}</code></p>
<p>页面原文 Text on the page: <q>${e(facts.verdict.message)}</q></p>
<p class="muted">判断规则：由最强的失败记录决定（重复扣款 &gt; 支付失败、订单停滞 &gt; 用户一方的问题 &gt; 订单状态），同级取最新一条。 · Rule: the strongest failure record decides (charged twice &gt; payment failed, order stalled &gt; shopper-side problem &gt; order status); among equals the latest.</p>
${disagreement(facts)}
<h3 class="claim-h">付款与诉求 <span class="en">Payment and claim</span></h3>
<p>${e(paymentLabel(facts.payment))}</p>
<p>${e(claimLabel(facts.claim))}</p>
${drafts.length ? `<ol class="drafts">${drafts.map((path) => `<li><code>${e(path)}</code></li>`).join('')}</ol>` : ''}
<h3 class="checklist-h">维权清单 <span class="en">Refund checklist</span></h3>
${checklist(facts)}
<h3 class="terms-h">商家的说法 <span class="en">What the shop said</span></h3>
${shopStatements(facts)}
<h3 class="timeline-h">时间线 <span class="en">Timeline</span></h3>
<ol class="timeline">
${facts.captures.map((capture) => timelineItem(capture, manifest)).join('\n')}
</ol>
</section>`;
}

function deletionNote(manifest: BundleManifest): string {
  const deletions = manifest.captures.filter(isDeletion);
  if (!deletions.length) return '';
  return `<p class="note">设备上已删除的记录（记录保留，文件已删除） · Deleted on the device (record kept, files removed):</p><ul class="deletions">${deletions
    .map((d) => `<li>${e(beijingTime(d.deletedAt))} 北京时间 · <code>${e(d.deletedId)}</code>${d.reason ? ` · ${e(d.reason)}` : ''}</li>`)
    .join('')}</ul>`;
}

function checklist(facts: CaseFacts): string {
  const items = facts.notes.checklist ?? [];
  if (!items.length) return '<p class="muted">（导出时没有清单记录 · no checklist recorded at export）</p>';
  return `<ul class="checklist">${items
    .map((item) => `<li>${item.done ? '☑' : '☐'} ${e(item.label)}${item.done && item.doneAt ? ` <span class="muted">${e(beijingTime(item.doneAt))}</span>` : ''}</li>`)
    .join('')}</ul>`;
}

function shopStatements(facts: CaseFacts): string {
  if (!facts.statements.length) return '<p class="muted">（未发现 · none found）</p>';
  return `<ul class="terms">${facts.statements
    .map(
      (statement) =>
        `<li><q>${e(statement.text)}</q> — ${e(statementLabel(statement))} <span class="muted">${e(beijingTime(statement.capturedAt))} 北京时间 · <code>${e(statement.captureId)}</code></span></li>`,
    )
    .join('')}</ul>`;
}

/** The case view and the report both say when the captures of a case name different parties. */
function disagreement(facts: CaseFacts): string {
  if (!facts.disagreeing.length) return '';
  return `<p class="note">记录之间的判断不一致 · The captures disagree:</p><ul class="disagree">${facts.disagreeing
    .map((v) => {
      const who = responsibilityLabel(v.responsibility);
      return `<li>${e(beijingTime(v.capturedAt))} 北京时间 · ${e(who.zh)} <span class="en">${e(who.en)}</span> · <code>${e(v.reasonCode)}</code> · <code>${e(v.captureId)}</code></li>`;
    })
    .join('')}</ul>`;
}

function timelineItem(capture: CaptureEntry, manifest: BundleManifest): string {
  const shot = capture.files.find((file) => file.role === 'screenshot');
  const stamped = manifest.extras?.find((extra) => extra.role === 'stamped' && extra.captureId === capture.id);
  const who = responsibilityLabel(capture.responsibility);
  const attachments = capture.files.filter((file) => file.role === 'attachment');
  const image = shot
    ? `<figure><img src="${e(shot.path)}" alt="截图 screenshot ${e(capture.id)}"><figcaption>${e(shot.path)}${stamped ? ` · 带水印副本 stamped copy: ${e(stamped.path)}` : ''}</figcaption></figure>`
    : attachments.length
      ? attachments.map(attachmentHtml).join('')
      : `<p class="muted">无截图 No screenshot: ${e(capture.screenshotError ?? '?')}</p>`;
  return `<li class="capture" id="capture-${e(capture.id)}">
<p class="when"><strong>${e(beijingTime(capture.capturedAt))}</strong> 北京时间 · ${e(utcTime(capture.capturedAt))} UTC · ${e(kindLabel(capture.kind).zh)} <span class="en">${e(kindLabel(capture.kind).en)}</span> · ${e(who.zh)}</p>
<p class="msg"><q>${e(capture.message)}</q>${capture.status ? ` · 状态 Status: ${e(capture.status)}` : ''}</p>
<p class="url">${e(capture.title)}<br><code>${e(capture.url)}</code></p>
<p class="muted">理由 Reason: ${e(capture.reason)} · 证据编号 Capture ID: <code>${e(capture.id)}</code> · hash <code>${e(capture.hash.slice(0, 16))}…</code></p>
${image}
</li>`;
}

/** A file the shopper added (bank SMS, receipt, chat): pictures are shown, anything else named. */
function attachmentHtml(file: { path: string; type: string }): string {
  if (/^image\/(png|jpeg|gif|webp)$/.test(file.type)) {
    return `<figure><img src="${e(file.path)}" alt="附件 attachment"><figcaption>附件 Attachment: ${e(file.path)}</figcaption></figure>`;
  }
  return `<p>附件 Attachment: <code>${e(file.path)}</code> (${e(file.type)})</p>`;
}

function filesTable(manifest: BundleManifest): string {
  const omitted = new Set((manifest.omitted ?? []).map((file) => file.path));
  const rows = [
    ...manifest.captures.flatMap((capture) =>
      capture.files.map((file) => [file.path, file.role + (omitted.has(file.path) ? ' (omitted / 未包含)' : ''), String(file.bytes), file.sha256]),
    ),
    ...(manifest.extras ?? []).map((file) => [file.path, file.role, String(file.bytes), file.sha256]),
  ];
  return `<table class="hashes"><thead><tr><th>文件 File</th><th>用途 Role</th><th>字节 Bytes</th><th>SHA-256</th></tr></thead><tbody>
${rows.map((cells) => `<tr>${cells.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>
<p class="muted">README.txt、report.html 与 complaints/ 的哈希见 manifest.json 的 extras。 · The hashes of README.txt, report.html and complaints/ are in manifest.json → extras.</p>`;
}

function row(zh: string, en: string, valueHtml: string): string {
  return `<tr><th>${zh} <span class="en">${en}</span></th><td>${valueHtml}</td></tr>`;
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
:root { font: 14px/1.55 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif; color: #111827; }
body { max-width: 186mm; margin: 0 auto; padding: 12px; }
h1 { font-size: 22px; margin: 0 0 6px; } h2 { font-size: 18px; border-bottom: 2px solid #0f766e; padding-bottom: 2px; }
h3 { font-size: 15px; margin: 14px 0 4px; color: #0f766e; }
.en { color: #4b5563; font-weight: normal; font-size: 0.9em; }
.muted, .note { color: #4b5563; font-size: 12px; }
code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 11px; overflow-wrap: anywhere; word-break: break-all; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { border: 1px solid #d1d5db; padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.hashes td:first-child, table.hashes td:last-child { word-break: break-all; }
table.hashes th, table.hashes td:nth-child(2), table.hashes td:nth-child(3) { white-space: nowrap; }
table.summary th { width: 32%; background: #f3f4f6; }
table.hashes td:last-child { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 10px; }
.verdict { font-size: 16px; } .verdict.platform { color: #b91c1c; } .verdict.third_party { color: #1d4ed8; } .verdict.user { color: #92400e; }
ol.timeline { padding-left: 20px; }
li.capture { margin-bottom: 12px; break-inside: avoid; page-break-inside: avoid; }
li.capture p { margin: 2px 0; overflow-wrap: anywhere; }
figure { margin: 4px 0; } figure img { max-width: 100%; max-height: 120mm; border: 1px solid #d1d5db; }
figcaption { font-size: 11px; color: #4b5563; overflow-wrap: anywhere; }
section.case { break-before: page; page-break-before: always; }
section.files { break-before: page; page-break-before: always; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
`;
