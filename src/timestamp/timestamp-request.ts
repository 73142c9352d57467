import { TAG, tlv } from './der';

// An RFC 3161 TimeStampReq carrying only a SHA-256 digest (the bundle's chain head): nothing of the
// evidence leaves the device, only 32 bytes that reveal nothing about it.

const SHA256_ALGORITHM = tlv(TAG.sequence, Uint8Array.of(0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01), Uint8Array.of(0x05, 0x00));

export function hexBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) throw new Error('not a hex string');
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

/** DER TimeStampReq { version 1, messageImprint (sha256, digest), nonce, certReq TRUE }. */
export function timestampRequest(sha256Hex: string, nonce: Uint8Array): Uint8Array {
  const digest = hexBytes(sha256Hex);
  if (digest.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  // INTEGER content is two's complement: a leading 0x00 keeps a nonce with its top bit set positive.
  const nonceInteger = nonce[0]! & 0x80 ? Uint8Array.of(0, ...nonce) : nonce;
  return tlv(
    TAG.sequence,
    tlv(TAG.integer, Uint8Array.of(1)),
    tlv(TAG.sequence, SHA256_ALGORITHM, tlv(TAG.octetString, digest)),
    tlv(TAG.integer, nonceInteger),
    tlv(TAG.boolean, Uint8Array.of(0xff)),
  );
}
