import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes a .br and a .gz beside each built text asset, so the server sends them as they
 * are (control rooms are often on slow links): compressed once at build time at the
 * highest settings, not on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'quayside-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    closeBundle() {
      const files = readdirSync(outDir, { recursive: true, withFileTypes: true });
      for (const file of files) {
        if (!file.isFile() || !/\.(js|mjs|css|html|svg|json)$/.test(file.name)) continue;
        const path = join(file.parentPath, file.name);
        const body = readFileSync(path);
        if (body.length < 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The client lives in client/ and is built into dist/client, which the server serves.
// Vitest runs from the repository root so one `npm test` covers every folder.
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // One bundle on purpose (MapLibre and deck.gl are most of it; the wall loads once and
    // runs for days): warn only if it grows past 3 MB.
    chunkSizeWarningLimit: 3000,
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
