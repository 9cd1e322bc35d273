import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const contract = resolve(__dirname, 'src-main/core/contract');
const production = process.env.NODE_ENV !== 'development';

export default defineConfig({
  main: {
    // electron-store is ESM-only: bundle it rather than require it from node_modules.
    resolve: { alias: { '@contract': contract } },
    build: {
      externalizeDeps: { exclude: ['electron-store'] },
      sourcemap: !production,
      // The sync's page writer runs in a worker thread from its own bundle (storage/worker/thread-entry.ts finds it by this name).
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/hosts/electron/main.ts'), 'storage-page-writer': resolve(__dirname, 'src-main/core/storage/worker/page-writer-thread.ts') },
      },
    },
  },
  preload: {
    // A sandboxed preload can require nothing but electron: bundle the contract's dependencies into it.
    resolve: { alias: { '@contract': contract } },
    build: {
      externalizeDeps: false,
      sourcemap: !production,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        external: ['electron'],
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [vue()],
    resolve: { alias: { '@contract': contract, '@renderer': resolve(__dirname, 'src-renderer/src') } },
    build: {
      sourcemap: !production,
      // The timing advice ("the slowest callbacks…") reads like a warning on every `npm start`; it is for tuning the build.
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') }, checks: { bundlerTimings: false } },
    },
  },
});
