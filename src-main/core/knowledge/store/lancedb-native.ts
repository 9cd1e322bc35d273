// Loaded only through ./lancedb.ts, after the native library's log level is set.
export * as lancedb from '@lancedb/lancedb';
