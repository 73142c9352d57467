import { applySighting, type OrderRecord, type Sighting } from '../orders/order-record';
import type { EvidenceDb } from './open-evidence-db';

// Order records beside the evidence chain. Each change is a read-modify-write inside one
// transaction, so an observation and a capture of the same order arriving together both land.

export async function recordSighting(db: EvidenceDb, sighting: Sighting): Promise<OrderRecord> {
  return updateOrder(db, sighting.site, sighting.order.orderId, (previous) => applySighting(previous, sighting));
}

export async function getOrder(db: EvidenceDb, site: string, orderId: string): Promise<OrderRecord | undefined> {
  return db.get('orders', [site, orderId]);
}

export function listOrders(db: EvidenceDb): Promise<OrderRecord[]> {
  return db.getAll('orders');
}

export function listSiteOrders(db: EvidenceDb, site: string): Promise<OrderRecord[]> {
  return db.getAllFromIndex('orders', 'site', site);
}

export async function markStalledNotified(db: EvidenceDb, site: string, orderId: string, at: string): Promise<void> {
  await updateOrder(db, site, orderId, (record) =>
    record ? { ...record, watch: { ...record.watch, stalledNotifiedAt: at } } : null,
  );
}

/** Remembers on every member that this duplicate group has its capture, so it is made once. */
export async function markDuplicateCaptured(db: EvidenceDb, site: string, orderIds: readonly string[], groupKey: string): Promise<void> {
  for (const orderId of orderIds) {
    await updateOrder(db, site, orderId, (record) =>
      record && !record.watch.duplicatesCaptured.includes(groupKey)
        ? { ...record, watch: { ...record.watch, duplicatesCaptured: [...record.watch.duplicatesCaptured, groupKey] } }
        : record,
    );
  }
}

async function updateOrder(
  db: EvidenceDb,
  site: string,
  orderId: string,
  change: (previous: OrderRecord | null) => OrderRecord | null,
): Promise<OrderRecord> {
  const tx = db.transaction('orders', 'readwrite');
  const previous = (await tx.store.get([site, orderId])) ?? null;
  const next = change(previous);
  if (next && next !== previous) await tx.store.put(next);
  await tx.done;
  if (!next) throw new Error(`no order ${orderId} on ${site}`);
  return next;
}
