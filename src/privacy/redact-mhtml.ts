import { redactText } from './redact-text';

// MHTML saved by the browser carries the page's HTML, so it would carry the card / 身份证 / phone
// numbers the page text has masked. Every text part is decoded (quoted-printable, base64 or plain),
// masked with the same rules, and re-encoded; binary parts (images, fonts) pass through untouched.
// Works on a "byte string" (one char per byte) so unchanged parts keep their exact bytes.

export interface MhtmlRedaction {
  /** The same bytes when nothing needed masking. */
  bytes: Uint8Array;
  masked: number;
}

export function redactMhtml(input: Uint8Array): MhtmlRedaction {
  const source = bytesToByteString(input);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(source.slice(0, 4096))?.[1];
  if (!boundary) return { bytes: input, masked: 0 };
  const delimiter = `--${boundary}`;
  const pieces = source.split(delimiter);
  let masked = 0;
  // pieces[0] is the top-level header (Subject is the title, already masked elsewhere but masked again here).
  const head = redactHeader(pieces[0]!);
  masked += head.masked;
  const out = [head.text];
  for (const piece of pieces.slice(1)) {
    const part = redactPart(piece);
    masked += part.masked;
    out.push(part.text);
  }
  if (masked === 0) return { bytes: input, masked: 0 };
  return { bytes: byteStringToBytes(out.join(delimiter)), masked };
}

/** The top header: Subject is the page title as RFC 2047 encoded-words, which hide digits. */
function redactHeader(header: string): { text: string; masked: number } {
  let masked = 0;
  const text = header.replace(/^(Subject:)((?:[^\r\n]*)(?:\r?\n[ \t][^\r\n]*)*)/im, (whole, name: string, value: string) => {
    const result = redactText(decodeEncodedWords(value).trim());
    const found = result.counts.card + result.counts.idNumber + result.counts.phone;
    if (found === 0) return whole;
    masked += found;
    return `${name} ${encodeWords(result.text)}`;
  });
  return { text, masked };
}

/** Adjacent encoded-words are joined before decoding: a character may be split between two. */
export function decodeEncodedWords(value: string): string {
  const bytes: number[] = [];
  let rest = value;
  const word = /^\s*=\?([^?]+)\?([QqBb])\?([^?]*)\?=/;
  for (let match = word.exec(rest); match; match = word.exec(rest)) {
    const [, , encoding, data = ''] = match;
    const part = encoding!.toUpperCase() === 'B' ? byteStringToBytes(atob(data)) : decodeQuotedPrintable(data.replace(/_/g, ' '));
    bytes.push(...part);
    rest = rest.slice(match[0].length);
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes)) + rest;
}

/** Base64 encoded-words of whole characters, folded onto continuation lines. */
function encodeWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (new TextEncoder().encode(chunk + char).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((part) => `=?utf-8?B?${btoa(bytesToByteString(new TextEncoder().encode(part)))}?=`).join('\r\n ');
}

function redactPart(piece: string): { text: string; masked: number } {
  const split = /\r?\n\r?\n/.exec(piece);
  if (!split) return { text: piece, masked: 0 };
  const headers = piece.slice(0, split.index);
  const body = piece.slice(split.index + split[0].length);
  if (!/content-type:\s*(text\/|application\/(xhtml|json|javascript))/i.test(headers)) return { text: piece, masked: 0 };
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase() ?? '7bit';
  const trailing = /\r?\n$/.exec(body)?.[0] ?? '';
  const content = body.slice(0, body.length - trailing.length);
  let decoded: Uint8Array;
  if (encoding === 'quoted-printable') decoded = decodeQuotedPrintable(content);
  else if (encoding === 'base64') decoded = byteStringToBytes(atob(content.replace(/\s+/g, '')));
  else decoded = byteStringToBytes(content);
  const text = new TextDecoder('utf-8').decode(decoded);
  const result = redactText(text);
  const masked = result.counts.card + result.counts.idNumber + result.counts.phone;
  if (masked === 0) return { text: piece, masked: 0 };
  const bytes = new TextEncoder().encode(result.text);
  let encoded: string;
  if (encoding === 'quoted-printable') encoded = encodeQuotedPrintable(bytes);
  else if (encoding === 'base64') encoded = (btoa(bytesToByteString(bytes)).match(/.{1,76}/g) ?? []).join('\r\n');
  else encoded = bytesToByteString(bytes);
  return { text: `${headers}${split[0]}${encoded}${trailing}`, masked };
}

export function decodeQuotedPrintable(text: string): Uint8Array {
  const joined = text.replace(/=\r?\n/g, '');
  const out = new Uint8Array(joined.length);
  let length = 0;
  for (let i = 0; i < joined.length; i++) {
    const char = joined.charCodeAt(i);
    if (char === 61 /* = */ && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out[length++] = parseInt(joined.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[length++] = char & 0xff;
  }
  return out.slice(0, length);
}

/** RFC 2045 quoted-printable: lines of at most 76 characters, hard line breaks kept as CRLF. */
export function encodeQuotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = [];
  let line = '';
  const push = (token: string) => {
    if (line.length + token.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 13 && bytes[i + 1] === 10) {
      lines.push(line);
      line = '';
      i++;
      continue;
    }
    if (byte === 10) {
      lines.push(line);
      line = '';
      continue;
    }
    const atLineEnd = bytes[i + 1] === undefined || bytes[i + 1] === 13 || bytes[i + 1] === 10;
    const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !atLineEnd);
    push(literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  lines.push(line);
  return lines.join('\r\n');
}

function bytesToByteString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

function byteStringToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
