import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, decodeQuotedPrintable, encodeQuotedPrintable, redactMhtml } from '../../../src/privacy/redact-mhtml';

const enc = (text: string) => new TextEncoder().encode(text);
const dec = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function mhtml(htmlQp: string, extraPart = ''): string {
  return [
    'From: <Saved by Blink>',
    'Subject: =?utf-8?Q?=E8=AE=A2=E5=8D=95?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc----"',
    '',
    '------MultipartBoundary--abc----',
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: http://shop.test/order',
    '',
    htmlQp,
    '',
    extraPart,
    '------MultipartBoundary--abc------',
    '',
  ].join('\r\n');
}

describe('redactMhtml', () => {
  it('masks numbers inside quoted-printable HTML, even split by a soft line break', () => {
    const html = '<p>=E5=8D=A1=E5=8F=B7 6222 0212 3456 78=\r\n90 128</p><p>=E6=89=8B=E6=9C=BA 13812345678</p>';
    const result = redactMhtml(enc(mhtml(html)));
    expect(result.masked).toBe(2);
    const out = dec(result.bytes);
    const body = out.split('quoted-printable\r\nContent-Location: http://shop.test/order\r\n\r\n')[1]!.split('\r\n\r\n')[0]!;
    const text = dec(decodeQuotedPrintable(body));
    expect(text).toBe('<p>卡号 **** **** **** **** 128</p><p>手机 138****5678</p>'.replace('**** **** **** **** 128', '**** **** **** ***0 128'));
    expect(out).toContain('------MultipartBoundary--abc------');
    expect(body.split('\r\n').every((line) => line.length <= 76)).toBe(true);
  });

  it('returns the same bytes when there is nothing to mask, and leaves image parts alone', () => {
    const image = 'Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo6222021234567890123\r\n';
    const input = enc(mhtml('<p>=E8=AE=A2=E5=8D=95=E5=8F=B7 2024112812345678901</p>', `------MultipartBoundary--abc----\r\n${image}`));
    const result = redactMhtml(input);
    expect(result.masked).toBe(0);
    expect(result.bytes).toBe(input);
  });

  it('quoted-printable round-trips any bytes', () => {
    const bytes = enc('a=b \tc\r\n中文 line '.repeat(30) + 'x'.repeat(200));
    expect(dec(decodeQuotedPrintable(encodeQuotedPrintable(bytes)))).toBe(dec(bytes));
  });
});

describe('the Subject header (page title as encoded-words)', () => {
  it('decodes words split mid-character, masks, and re-encodes', () => {
    const header = 'Subject: =?utf-8?Q?=E8=AE=A2=E5=8D=95=E8=AF=A6=E6=83=85_=E8=81=94=E7=B3=BB=E4?=\r\n =?utf-8?Q?=BA=BA_13812345678?=';
    expect(decodeEncodedWords(header.slice('Subject:'.length))).toBe('订单详情 联系人 13812345678');
    const input = enc(mhtml('<p>x</p>').replace(/Subject: [^\r\n]*/, header));
    const result = redactMhtml(input);
    expect(result.masked).toBe(1);
    const out = dec(result.bytes);
    const subject = /Subject:((?:[^\r\n]*)(?:\r\n [^\r\n]*)*)/.exec(out)![1]!;
    expect(decodeEncodedWords(subject).trim()).toBe('订单详情 联系人 138****5678');
    expect(out).not.toContain('13812345678');
  });
});
