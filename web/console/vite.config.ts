// Vite config for the staff console SPA, served by the API server at /console/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const consoleDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(consoleDir, '../..');

export default defineConfig({
  root: consoleDir,
  base: '/console/',
  plugins: [react()],
  cacheDir: path.join(repoDir, 'node_modules/.vite-console'),
  build: {
    outDir: path.join(repoDir, 'dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
