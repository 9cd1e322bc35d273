import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@contract': resolve(import.meta.dirname, 'src-main/core/contract'),
  '@renderer': resolve(import.meta.dirname, 'src-renderer/src'),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/resources/**/*.test.ts', 'test/hosts/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/preload/**/*.test.ts'],
          // After each file: no request body any scripted LLM server received carries a seeded customer's PII.
          setupFiles: ['test/fixtures/scripted-llm/audit-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [vue()],
        resolve: { alias },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
