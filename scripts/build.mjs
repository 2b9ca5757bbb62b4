/** Builds everything `npm start` runs: the renderer (Vite), the Electron bundles and the browser-mode entry. */
import { build } from 'esbuild';
import { run } from './dependencias.mjs';

run('npx vite build --logLevel warn');
run('node scripts/build-electron.mjs');
await build({
  entryPoints: ['scripts/modo-navegador.ts'],
  outfile: 'dist/navegador/modo-navegador.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
