import { beijingTime, utcTime } from './bundle-times';
import type { BundleManifest } from './bundle-manifest';

// README.txt: what this bundle is and how to check it, for someone who has never heard of
// PayWitness. Chinese first, English after. Pure: manifest in, text out.

export const README_PATH = 'README.txt';

export function readmeText(manifest: BundleManifest): string {
  const head = manifest.chain.head ?? '(empty)';
  const created = `${beijingTime(manifest.createdAt)} 北京时间 / ${utcTime(manifest.createdAt)} UTC`;
  const redacted = manifest.omitted?.length
    ? `\n注意：这是脱敏版证据包，${manifest.omitted.length} 个文件（页面文字 / 网页）按用户选择没有放入，它们的 SHA-256 仍在 manifest.json 的 omitted 中。\nNote: this is a redacted bundle: ${manifest.omitted.length} file(s) (page text / HTML) were left out on purpose; their SHA-256 are still listed in manifest.json → omitted.\n`
    : '';
  const timestamp = manifest.extras?.some((extra) => extra.role === 'timestamp')
    ? `\n可信时间戳 / Trusted timestamp (RFC 3161): timestamp.tsr\n  openssl ts -verify -digest ${head} -sha256 -in timestamp.tsr -CAfile <TSA 的 CA 证书 / the TSA's CA certificate>\n`
    : '';
  return `支付见证 PayWitness 证据包
================================
生成时间：${created}
记录数：${manifest.captures.length}（含删除记录 / chain entries）    哈希链头（SHA-256）：${head}
${redacted}
【这是什么】
这是用户在购物网站付款失败、订单长时间未处理或被重复扣款时，由浏览器扩展“支付见证”在本机自动保存的证据：带时间的截图、页面文字和订单信息。每个文件都有 SHA-256 哈希，每条记录都与前一条用哈希串成一条链，任何改动都会被发现。

  report.html        可读报告（用浏览器打开；请先解压整个压缩包，截图才能显示）
  complaints/        给商家客服、支付宝、微信支付、12315 的投诉草稿
  captures/<编号>/   每条记录的原始截图 screenshot.png、带水印副本 screenshot-stamped.*、页面文字 page.txt
  manifest.json      索引：每条记录的全部字段、每个文件的 SHA-256、哈希链

【如何校验】
方法一（命令行）：在装有 Node.js 20+ 的电脑上，于 PayWitness 源码目录运行
  npx paywitness verify 本文件名.zip
  输出 INTACT 表示完整未改动；TAMPERED 会列出被改动的文件或记录；UNREADABLE 表示不是有效的证据包。
方法二（手工）：
  1. 解压。对 manifest.json 中 captures[].files[] 和 extras[] 的每个文件运行 sha256sum，与其中 sha256 比较；
  2. 对每条记录：去掉 "hash" 字段，按 RFC 8785（JCS）规范化为 JSON，计算 SHA-256，应等于该记录的 hash；
  3. 第一条记录的 prevHash 等于 chain.base，之后每条的 prevHash 等于上一条的 hash，最后一条的 hash 等于 chain.head；
  4. 压缩包里不应有 manifest.json 未列出的文件。
带水印副本（screenshot-stamped）是导出时生成的，不属于密封记录；它在 extras 中注明了来源原图的 SHA-256，原图才是证据本身。
哈希链只能证明导出后没有被改动；它本身不能证明记录的时间，除非附带可信时间戳。
${timestamp}

What this is
------------
Evidence a shopper's browser extension (PayWitness) saved on their own device when a payment failed,
an order stalled or a charge was taken twice on a shopping site: timestamped screenshots, the page
text and the order facts. Every file carries a SHA-256 and every record is chained to the previous
one by its hash, so any edit shows.

  report.html        the readable report (open in a browser after extracting the whole zip)
  complaints/        drafts for shop support, Alipay, WeChat Pay and 12315 (in Chinese)
  captures/<id>/     original screenshot.png, its stamped copy screenshot-stamped.*, page text page.txt
  manifest.json      the index: every record, every file's SHA-256, the hash chain

How to verify
-------------
With the CLI (Node.js 20+, in the PayWitness source folder):
  npx paywitness verify <this file>.zip
  INTACT = unchanged; TAMPERED lists each changed file or record; UNREADABLE = not a valid bundle.
By hand:
  1. Unzip. sha256sum every file listed in manifest.json (captures[].files[] and extras[]) and compare.
  2. For every capture record: drop its "hash" member, canonicalise with RFC 8785 (JCS), SHA-256 it:
     it must equal the record's hash.
  3. captures[0].prevHash equals chain.base, each later prevHash equals the previous record's hash,
     and the last hash equals chain.head (${head}).
  4. No file in the zip may be missing from manifest.json.
Stamped copies are made at export and are not part of the sealed records; each names the SHA-256 of
the original screenshot it was made from, and the original is the evidence.
The hash chain proves nothing was changed after export, not when the records were made, unless a
trusted timestamp is included.
Format: docs/bundle-format.md in the PayWitness source (format "${manifest.format}" v${manifest.formatVersion}).
`;
}
