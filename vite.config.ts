import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // Pages load their code on first visit (app.tsx), but all the CSS (about 8 kB gzipped) stays one stylesheet
    // loaded up front: the contact page's network and purposes panels are styled by network.css and purposes.css,
    // whose pages load lazily, and no page's look depends on which pages were visited before.
    cssCodeSplit: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
