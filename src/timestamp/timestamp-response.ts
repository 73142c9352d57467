import { sha256Hex } from '../evidence/sha256';
import { children, DerError, oidText, readTlv, TAG, type Tlv } from './der';

// Reads an RFC 3161 TimeStampResp (what a TSA answers, stored as timestamp.tsr) and checks what can
// be checked without trusting anything outside it: the status, the message imprint, the time, the
// CMS messageDigest over the TSTInfo, and the RSA signature against the certificate the token
// carries. Whether that certificate belongs to a TSA you trust is a question for its CA:
// `openssl ts -verify … -CAfile <ca>` (README.txt shows the command).

export interface TimestampReading {
  /** PKIStatus: 0 granted, 1 granted with modifications; anything else carries no token. */
  status: number;
  imprintAlgorithm: string;
  imprintHex: string;
  /** The TSA's time, ISO-8601 UTC. */
  genTime: string;
  /** `valid`: the embedded certificate's key signed it; `invalid`: it did not or the digest differs. */
  signature: 'valid' | 'invalid' | 'unchecked';
  signatureNote: string;
}

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const RSA_SIGNATURES = new Set(['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.11']);

export async function readTimestampResponse(bytes: Uint8Array): Promise<TimestampReading> {
  const response = expect(readTlv(bytes), TAG.sequence, 'TimeStampResp');
  const [statusInfo, token] = children(response);
  const status = integerValue(children(expect(statusInfo, TAG.sequence, 'PKIStatusInfo'))[0]!);
  if (status > 1 || !token) throw new DerError(`the TSA did not grant a timestamp (status ${status})`);
  const [contentType, explicitContent] = children(expect(token, TAG.sequence, 'ContentInfo'));
  if (oidText(expect(contentType, TAG.oid, 'contentType').content) !== SIGNED_DATA) throw new DerError('the token is not CMS SignedData');
  const signedData = children(expect(children(expect(explicitContent, 0xa0, '[0]'))[0], TAG.sequence, 'SignedData'));
  const [eType, eContentWrapper] = children(expect(signedData[2], TAG.sequence, 'encapContentInfo'));
  if (oidText(expect(eType, TAG.oid, 'eContentType').content) !== TST_INFO) throw new DerError('the token does not hold a TSTInfo');
  const eContent = expect(children(expect(eContentWrapper, 0xa0, '[0]'))[0], TAG.octetString, 'eContent').content;
  const tstInfo = children(expect(readTlv(eContent), TAG.sequence, 'TSTInfo'));
  const [algorithm, hashed] = children(expect(tstInfo[2], TAG.sequence, 'messageImprint'));
  const genTime = generalizedTime(expect(tstInfo[4], TAG.generalizedTime, 'genTime').content);
  const certificates = signedData.find((part) => part.tag === 0xa0);
  const signerInfos = signedData.at(-1)!;
  const check = await checkSignature(eContent, certificates, expect(signerInfos, TAG.set, 'signerInfos'));
  return {
    status,
    imprintAlgorithm: oidText(expect(children(expect(algorithm, TAG.sequence, 'hashAlgorithm'))[0], TAG.oid, 'algorithm').content),
    imprintHex: hex(expect(hashed, TAG.octetString, 'hashedMessage').content),
    genTime,
    ...check,
  };
}

async function checkSignature(eContent: Uint8Array, certificates: Tlv | undefined, signerInfos: Tlv): Promise<Pick<TimestampReading, 'signature' | 'signatureNote'>> {
  const signer = children(expect(children(signerInfos)[0], TAG.sequence, 'SignerInfo'));
  const digestAlgorithm = oidText(children(signer[2]!)[0]!.content);
  const signedAttributes = signer.find((part) => part.tag === 0xa0);
  if (digestAlgorithm !== SHA256_OID || !signedAttributes) return { signature: 'unchecked', signatureNote: `signer digest ${digestAlgorithm} is not checked here` };
  const digestAttribute = children(signedAttributes).find((attribute) => oidText(children(attribute)[0]!.content) === MESSAGE_DIGEST);
  const claimed = digestAttribute ? hex(children(children(digestAttribute)[1]!)[0]!.content) : null;
  if (claimed !== (await sha256Hex(eContent))) return { signature: 'invalid', signatureNote: 'the signed digest does not match the TSTInfo: the token was altered' };
  const after = signer.indexOf(signedAttributes);
  const signatureAlgorithm = oidText(children(signer[after + 1]!)[0]!.content);
  const signature = signer[after + 2]!.content;
  if (!RSA_SIGNATURES.has(signatureAlgorithm)) return { signature: 'unchecked', signatureNote: `signature algorithm ${signatureAlgorithm} is not checked here; use openssl ts -verify` };
  // What is signed is the DER of the signed attributes as a SET (tag 0x31), not as [0].
  const signed = Uint8Array.from(signedAttributes.whole);
  signed[0] = TAG.set;
  for (const certificate of certificates ? children(certificates) : []) {
    const tbs = children(children(certificate)[0]!);
    const spki = tbs[tbs[0]!.tag === 0xa0 ? 6 : 5];
    if (!spki) continue;
    try {
      const key = await crypto.subtle.importKey('spki', spki.whole as BufferSource, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
      if (await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature as BufferSource, signed as BufferSource)) {
        return { signature: 'valid', signatureNote: 'signed by the certificate inside the token; check that certificate\'s CA with openssl ts -verify' };
      }
    } catch {
      // Not an RSA key: try the next certificate.
    }
  }
  return { signature: certificates ? 'invalid' : 'unchecked', signatureNote: certificates ? 'no certificate in the token verifies its signature' : 'the token carries no certificate' };
}

function expect(element: Tlv | undefined, tag: number, what: string): Tlv {
  if (!element || element.tag !== tag) throw new DerError(`malformed timestamp: ${what} expected`);
  return element;
}

function integerValue(element: Tlv): number {
  let value = 0;
  for (const byte of element.content) value = value * 256 + byte;
  return value;
}

function generalizedTime(content: Uint8Array): string {
  const text = new TextDecoder().decode(content);
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(text);
  if (!match) throw new DerError(`unsupported genTime ${text}`);
  const [, y, mo, d, h, mi, s, fraction] = match;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction ? fraction.slice(0, 4).padEnd(4, '0') : '.000'}Z`;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
