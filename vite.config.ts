import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// The SPA lives in web/ and builds to dist/web, which the server serves. In development,
// `npm run dev` proxies /api to a Promscope server on PROMSCOPE_URL (default :4090).
export default defineConfig({
  root: 'web',
  publicDir: '../public',
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // No inline module-preload polyfill: the CSP forbids inline script.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  server: {
    proxy: { '/api': process.env.PROMSCOPE_URL ?? 'http://127.0.0.1:4090' },
  },
  test: {
    root: '.',
    include: [
      'contract/**/*.test.ts',
      'web/**/*.test.ts',
      'server/**/*.test.ts',
      'dev/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.mjs',
    ],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '.test-reports/unit.json' }]],
    testTimeout: 30_000,
  },
});
