import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The API port in development; `npm run dev` starts the server there (scripts/dev.ts).
const apiTarget = `http://127.0.0.1:${process.env.SHOUWANG_DEV_API_PORT ?? '8787'}`;

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [vue()],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api/': apiTarget } },
  test: {
    root: '.',
    include: ['tests/{domain,server,web,geodata}/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
