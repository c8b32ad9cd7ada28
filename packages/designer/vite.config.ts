import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The entry (src/main.tsx) is small: it requests a designer page's flow, then imports the app.
 * A modulepreload link lets the browser fetch and compile the app chunk meanwhile, not after.
 */
function preloadApp(): Plugin {
  return {
    name: 'attendflow:preload-app',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const app = Object.values(context.bundle ?? {}).find(
          (output) =>
            output.type === 'chunk' && output.isDynamicEntry && output.name === 'start-app',
        );
        if (!app) return [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${app.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

// `dist/web` (not `dist`): `dist/tsc` holds the type-check output of `tsc -b`. One stylesheet,
// linked from the page: the app chunk's styles load with the page, not once the chunk is imported.
export default defineConfig({
  plugins: [react(), preloadApp()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    cssCodeSplit: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
