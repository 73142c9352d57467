// The site lists are typed by hand, one per line; accept a pasted URL too and keep the hostname.

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function parseHostList(text: string): string[] {
  const hosts = new Set<string>();
  for (const line of text.split(/[\n,，]+/)) {
    const host = hostOf(line.trim().toLowerCase());
    if (host) hosts.add(host);
  }
  return [...hosts];
}

function hostOf(value: string): string | null {
  if (!value) return null;
  if (value.includes('/')) {
    try {
      return new URL(value.includes('://') ? value : `http://${value}`).hostname || null;
    } catch {
      return null;
    }
  }
  return HOST.test(value) ? value : null;
}
