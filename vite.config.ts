import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// The client lives in client/ and is built into dist/client, which the server serves.
// Vitest runs from the repository root so one `npm test` covers every folder.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/live': { target: 'http://127.0.0.1:8080', ws: true },
      '/socket.io': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    root: repoRoot,
    include: ['{client,server,simulators,db,protocol,conformance,test}/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Integration and browser suites start real servers and a browser; on two cores
    // running them all at once only makes each slower and flakier.
    maxWorkers: 2,
  },
});
