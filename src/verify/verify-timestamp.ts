import { readTimestampResponse, SHA256_OID } from '../timestamp/timestamp-response';
import type { Problem } from './verify-bundle';

// The optional trusted timestamp (extras role "timestamp"): an RFC 3161 reply whose message imprint
// must be the bundle's chain head (SHA-256). Its file hash is checked with the other extras; here:
// it parses, it stamps exactly this chain head, and its signature verifies against the certificate
// it carries. Trust in the TSA itself is checked with its CA: `openssl ts -verify` (README.txt).

export interface TimestampSummary {
  genTime: string;
  signature: 'valid' | 'unchecked';
  note: string;
}

export async function checkTimestamps(
  extras: unknown,
  head: unknown,
  files: ReadonlyMap<string, Uint8Array>,
  problems: Problem[],
): Promise<TimestampSummary | null> {
  if (!Array.isArray(extras)) return null;
  let summary: TimestampSummary | null = null;
  for (const extra of extras as Array<{ role?: unknown; path?: unknown }>) {
    if (extra?.role !== 'timestamp' || typeof extra.path !== 'string') continue;
    const bytes = files.get(extra.path);
    if (!bytes) continue; // reported as missing by the extras check
    try {
      const reading = await readTimestampResponse(bytes);
      if (reading.imprintAlgorithm !== SHA256_OID || reading.imprintHex !== head) {
        problems.push({ entry: extra.path, reason: `the timestamp stamps ${reading.imprintHex}, not this bundle's chain head` });
      } else if (reading.signature === 'invalid') {
        problems.push({ entry: extra.path, reason: `the timestamp's signature does not verify: ${reading.signatureNote}` });
      } else {
        summary = { genTime: reading.genTime, signature: reading.signature, note: reading.signatureNote };
      }
    } catch (error) {
      problems.push({ entry: extra.path, reason: `not a readable RFC 3161 timestamp: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return summary;
}
