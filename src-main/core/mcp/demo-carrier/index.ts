export { carrierServerInfo, createCarrierMcpServer, idempotencyMetaKey, trackShipment } from './carrier-server';
export { createRescheduleLedger, type Reschedule, type RescheduleLedger } from './reschedule-ledger';
export { isTrackingNumber, shipmentFor, trackingNumberFor, type Shipment, type ShipmentStatus } from './shipments';
export { carrierEntryExists, carrierEntryPath, demoCarrierId, demoCarrierServerConfig } from './server-config';
export { serveCarrierOverStdio } from './serve-stdio';
