import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `dist/web` (not `dist`): `dist/tsc` holds the type-check output of `tsc -b`.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
