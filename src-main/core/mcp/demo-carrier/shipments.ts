import { createHash } from 'node:crypto';

export type ShipmentStatus = 'label_created' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';

export interface Shipment {
  trackingNumber: string;
  orderId: string | null;
  carrier: 'Parcelo Express';
  status: ShipmentStatus;
  /** YYYY-MM-DD */
  estimatedDelivery: string;
  lastLocation: string;
  events: { at: string; location: string; description: string }[];
}

const statuses: ShipmentStatus[] = ['label_created', 'in_transit', 'in_transit', 'out_for_delivery', 'delivered', 'exception'];
const hubs = ['Oakland, CA', 'Reno, NV', 'Salt Lake City, UT', 'Denver, CO', 'Chicago, IL', 'Columbus, OH', 'Newark, NJ', 'Atlanta, GA', 'Dallas, TX', 'Phoenix, AZ'];
const descriptions: Record<ShipmentStatus, string> = {
  label_created: 'Shipping label created, waiting for pickup',
  in_transit: 'In transit to the destination hub',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered to the front door',
  exception: 'Delivery attempted, nobody home: will retry next business day',
};
const trackingPattern = /^PX\d{10}$/;
const dayMs = 86_400_000;
/** A fixed epoch keeps every answer reproducible: the demo has no clock-dependent data. */
const epoch = Date.UTC(2025, 5, 2);

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function trackingNumberFor(orderId: string): string {
  return `PX${(digest(`order:${orderId}`).readUInt32BE(0) % 10_000_000_000).toString().padStart(10, '0')}`;
}

export function isTrackingNumber(value: string): boolean {
  return trackingPattern.test(value);
}

/**
 * Every shipment is a pure function of its tracking number (an order id maps to one), so the
 * demo answers the same for the same id on every machine and every run.
 */
export function shipmentFor(reference: { orderId?: string | undefined; trackingNumber?: string | undefined }): Shipment | undefined {
  const trackingNumber = reference.trackingNumber ?? (reference.orderId ? trackingNumberFor(reference.orderId) : undefined);
  if (!trackingNumber || !isTrackingNumber(trackingNumber)) return undefined;
  const bytes = digest(`shipment:${trackingNumber}`);
  const status = statuses[(bytes[0] ?? 0) % statuses.length] ?? 'in_transit';
  const shippedAt = epoch + ((bytes[1] ?? 0) % 60) * dayMs;
  const legs = 1 + ((bytes[2] ?? 0) % 3);
  const events: Shipment['events'] = [{ at: new Date(shippedAt).toISOString(), location: hubs[(bytes[3] ?? 0) % hubs.length] ?? 'Oakland, CA', description: 'Picked up' }];
  if (status !== 'label_created') {
    for (let leg = 1; leg <= legs; leg += 1) {
      events.push({ at: new Date(shippedAt + leg * dayMs).toISOString(), location: hubs[((bytes[3] ?? 0) + leg * 3) % hubs.length] ?? 'Reno, NV', description: 'Arrived at hub' });
    }
    if (status !== 'in_transit') events.push({ at: new Date(shippedAt + (legs + 1) * dayMs).toISOString(), location: hubs[((bytes[3] ?? 0) + legs * 3) % hubs.length] ?? 'Reno, NV', description: descriptions[status] });
  }
  return {
    trackingNumber,
    orderId: reference.orderId ?? null,
    carrier: 'Parcelo Express',
    status,
    estimatedDelivery: isoDay(shippedAt + (legs + 2) * dayMs),
    lastLocation: events.at(-1)?.location ?? '',
    events,
  };
}
