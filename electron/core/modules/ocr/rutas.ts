/**
 * Where the OCR's run-time files are, in development and in the packaged app. Packaged, node_modules sit
 * inside app.asar; the packages that a worker thread loads by path or that read their own files
 * (tesseract.js's worker script, tesseract.js-core's WASM, the Spanish model, pdfjs-dist, @napi-rs/canvas's
 * native binary) are unpacked next to it by electron-builder (`asarUnpack`), so their paths are rewritten
 * to app.asar.unpacked: a path inside the archive can be read through Electron's fs, not started as a
 * thread or handed to another one.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const requerir = createRequire(import.meta.url);

/** `…/app.asar/node_modules/x` → `…/app.asar.unpacked/node_modules/x`; any other path as it is. */
export function fueraDelAsar(ruta: string): string {
  return ruta.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

type Resolver = (id: string) => string;

/** Folder of a package (its package.json's folder), outside the asar. */
export function carpetaDePaquete(paquete: string, resolver: Resolver = requerir.resolve): string {
  return fueraDelAsar(path.dirname(resolver(`${paquete}/package.json`)));
}

/** Folder of spa.traineddata.gz (the `best_int` model of @tesseract.js-data/spa). */
export function rutaModeloEspanol(resolver?: Resolver): string {
  return path.join(carpetaDePaquete('@tesseract.js-data/spa', resolver), '4.0.0_best_int');
}

/** tesseract.js's Node worker script (started as a thread: must be a real file). */
export function rutaWorkerTesseract(resolver?: Resolver): string {
  return path.join(carpetaDePaquete('tesseract.js', resolver), 'src', 'worker-script', 'node', 'index.js');
}
