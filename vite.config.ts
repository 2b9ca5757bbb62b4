import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const raiz = (ruta: string) => fileURLToPath(new URL(ruta, import.meta.url));

/**
 * The CSP in renderer/index.html forbids inline scripts. Only the development server needs one
 * (React Fast Refresh's preamble), so it — and nothing that gets built — relaxes script-src.
 */
function cspDesarrollo(): Plugin {
  return {
    name: 'sse:csp-desarrollo',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  root: raiz('./renderer'),
  // Relative asset URLs: the same build works under app://… (Electron) and http://127.0.0.1:<port>/.
  base: './',
  plugins: [react(), cspDesarrollo()],
  build: {
    outDir: raiz('./dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // Never inline assets as data: URLs (fonts would be refused by the CSP's default-src 'self').
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2500,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
