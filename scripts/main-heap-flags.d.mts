/** V8 flags the app's main process is launched with (see main-heap-flags.mjs). */
export declare const mainHeapFlags: readonly string[];
