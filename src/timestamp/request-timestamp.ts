import { timestampRequest } from './timestamp-request';
import { readTimestampResponse } from './timestamp-response';

// Asks the shopper's chosen TSA to timestamp one SHA-256 (the bundle's chain head). Only those 32
// bytes and a random nonce are sent. The answer is checked before it goes into the bundle.

const TIMEOUT_MS = 20_000;
const MAX_RESPONSE_BYTES = 256 * 1024;

export async function requestTimestamp(url: string, sha256Hex: string): Promise<Uint8Array> {
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: timestampRequest(sha256Hex, nonce) as BufferSource,
    credentials: 'omit',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`the time-stamping server answered HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_RESPONSE_BYTES) throw new Error('the time-stamping server answered with an oversize reply');
  const reading = await readTimestampResponse(bytes);
  if (reading.imprintHex !== sha256Hex) throw new Error('the time-stamping server stamped a different hash');
  if (reading.signature === 'invalid') throw new Error(`the timestamp does not verify: ${reading.signatureNote}`);
  return bytes;
}
