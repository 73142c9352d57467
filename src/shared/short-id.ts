// Content scripts also run on plain-http shops, which are not secure contexts: crypto.subtle and
// crypto.randomUUID are missing there, but getRandomValues is not.

export function randomToken(bytes = 16): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(data, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A 64-bit FNV-1a digest in hex: enough to key idempotency, not a security hash. */
export function shortDigest(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
