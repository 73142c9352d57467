// Captures of one order belong to one case; without an order id, one site's captures of one
// local day do. Derived only from the capture itself, so it is fixed when the record is sealed.

export function caseIdFor(site: string, orderId: string | null, capturedAt: string): string {
  if (orderId) return `${site}#order:${orderId}`;
  return `${site}#day:${capturedAt.slice(0, 10)}`;
}
