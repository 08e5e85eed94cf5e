import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA lives in web/ with index.html at the repo root; the API server serves dist/ with an SPA
// fallback. No manualChunks: each feature is a lazy route, so Rollup splits along those lines.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
