#!/usr/bin/env node
// Bundles the Electron main process and preload into CommonJS:
//   electron/main.ts    → dist/electron/main.cjs
//   electron/preload.ts → dist/electron/preload.cjs (sandboxed: one file, only 'electron' required)
//   electron/core/jobs/worker.ts → dist/electron/trabajos.cjs (worker threads of background jobs)
//   with --bench-red, also scripts/bench/red-servidor.ts → dist/electron/red-servidor.cjs (the load bench's
//   server, run as the app runs it: bundled, beside trabajos.cjs)
// Usage: node scripts/build-electron.mjs [--watch] [--salida=<carpeta>] [--bench-red]
import { build, context } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argSalida = process.argv.find((a) => a.startsWith('--salida='));
const salida = argSalida ? path.resolve(argSalida.slice('--salida='.length)) : path.join(raiz, 'dist', 'electron');
const vigilar = process.argv.includes('--watch');

// Left as require() at run time:
// - electron: provided by the runtime;
// - better-sqlite3: native, loaded with `nativeBinding` (DESIGN §8);
// - pdfkit: reads its font and colour-profile data files relative to its own module;
// - exceljs: bundled, a job thread writing the 100k-row listado peaked at ~1 GB instead of ~650 MB;
// - tesseract.js, pdfjs-dist, @napi-rs/canvas (OCR): worker scripts, wasm and native builds beside their modules.
const EXTERNOS = ['electron', 'better-sqlite3', 'pdfkit', 'exceljs', 'tesseract.js', 'pdfjs-dist', '@napi-rs/canvas'];

const comun = {
  absWorkingDir: raiz,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Some ESM dependencies use import.meta.url; in CJS it becomes this file's URL.
  define: { 'import.meta.url': '__sse_import_meta_url' },
  banner: { js: 'const __sse_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
};

const trabajos = [
  {
    ...comun,
    entryPoints: [path.join(raiz, 'electron', 'main.ts')],
    outfile: path.join(salida, 'main.cjs'),
    external: EXTERNOS,
  },
  {
    ...comun,
    entryPoints: [path.join(raiz, 'electron', 'core', 'jobs', 'worker.ts')],
    outfile: path.join(salida, 'trabajos.cjs'),
    external: EXTERNOS,
  },
  {
    ...comun,
    entryPoints: [path.join(raiz, 'electron', 'preload.ts')],
    outfile: path.join(salida, 'preload.cjs'),
    external: ['electron'],
    // The sandboxed preload has no require() for anything but 'electron' (and a few polyfills).
    define: {},
    banner: {},
  },
];
if (process.argv.includes('--bench-red')) {
  trabajos.push({ ...comun, entryPoints: [path.join(raiz, 'scripts', 'bench', 'red-servidor.ts')], outfile: path.join(salida, 'red-servidor.cjs'), external: EXTERNOS });
}

fs.mkdirSync(salida, { recursive: true });
const inicio = Date.now();
try {
  if (vigilar) {
    for (const t of trabajos) await (await context(t)).watch();
    console.log('Vigilando electron/ — dist/electron se reconstruye al guardar (Ctrl+C para salir).');
  } else {
    await Promise.all(trabajos.map((t) => build(t)));
    console.log(`${path.relative(raiz, salida) || salida} listo (main.cjs, trabajos.cjs, preload.cjs) en ${Date.now() - inicio} ms.`);
  }
} catch {
  // esbuild already printed the errors.
  console.error('No se pudo compilar el proceso principal de Electron.');
  process.exit(1);
}
