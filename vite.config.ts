// The SPA lives in client/; `vite build` writes it to dist/client, which the server serves from `/`.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: false,
    // ECharts is one lazy chunk of ~634 kB (~211 kB gzip); the initial
    // bundle is measured separately (README).
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev:client` proxies the API to a running `npm start`.
    proxy: { '/graphql': 'http://localhost:4000', '/auth': 'http://localhost:4000', '/healthz': 'http://localhost:4000' },
  },
});
