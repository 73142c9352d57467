import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTimestampResponse, SHA256_OID } from '../../../src/timestamp/timestamp-response';
import { timestampRequest } from '../../../src/timestamp/timestamp-request';
import { startLocalTsa, type LocalTsa } from '../../harness/local-tsa';

const HEAD = 'a1b2c3d4'.repeat(8);

describe('RFC 3161 request and response, against openssl ts -reply', () => {
  let tsa: LocalTsa;
  beforeAll(async () => {
    tsa = await startLocalTsa();
  });
  afterAll(async () => {
    await tsa?.close();
  });

  it('openssl accepts our request and we read its reply: imprint, time, signature', async () => {
    const before = Date.now();
    const response = await tsa.reply(timestampRequest(HEAD, Uint8Array.of(0x9a, 1, 2, 3, 4, 5, 6, 7)));
    const reading = await readTimestampResponse(response);
    expect(reading).toMatchObject({ status: 0, imprintAlgorithm: SHA256_OID, imprintHex: HEAD, signature: 'valid' });
    expect(Math.abs(Date.parse(reading.genTime) - before)).toBeLessThan(60_000);
    const file = join(tsa.dir, 'ours.tsr');
    await writeFile(file, response);
    expect(await tsa.opensslVerify(file, HEAD)).toMatch(/Verification: OK/);
  });

  it('a token whose TSTInfo was altered fails its signature check, and garbage is refused', async () => {
    const response = await tsa.reply(timestampRequest(HEAD, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)));
    // Flip one byte of the imprint inside the signed TSTInfo.
    const at = Buffer.from(response).indexOf(Buffer.from(HEAD, 'hex'));
    const altered = response.slice();
    altered[at + 3]! ^= 0x01;
    const reading = await readTimestampResponse(altered);
    expect(reading.signature).toBe('invalid');
    expect(reading.imprintHex).not.toBe(HEAD);
    await expect(readTimestampResponse(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x02))).rejects.toThrow();
    await expect(readTimestampResponse(new TextEncoder().encode('not der'))).rejects.toThrow();
  });
});
