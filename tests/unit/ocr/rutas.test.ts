/**
 * The OCR's run-time files resolve in development and in the packaged app: paths inside app.asar are
 * rewritten to app.asar.unpacked, and electron-builder.yml unpacks every package tesseract.js's worker
 * thread loads (its dependency tree as installed) and the native canvas binary pdfjs-dist rasterizes with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { carpetaDePaquete, fueraDelAsar, rutaModeloEspanol, rutaWorkerTesseract } from '../../../electron/core/modules/ocr/rutas';

const raiz = path.resolve(__dirname, '..', '..', '..');

describe('rutas del OCR', () => {
  it('dentro de app.asar apuntan a app.asar.unpacked (Linux y Windows); fuera, sin cambio', () => {
    expect(fueraDelAsar('/opt/Sistema/resources/app.asar/node_modules/tesseract.js')).toBe('/opt/Sistema/resources/app.asar.unpacked/node_modules/tesseract.js');
    expect(fueraDelAsar('C:\\Programas\\Sistema\\resources\\app.asar\\node_modules\\x')).toBe('C:\\Programas\\Sistema\\resources\\app.asar.unpacked\\node_modules\\x');
    expect(fueraDelAsar('/opt/Sistema/resources/app.asar.unpacked/node_modules/x')).toBe('/opt/Sistema/resources/app.asar.unpacked/node_modules/x');
    expect(fueraDelAsar('/home/ana/app.asarl/x')).toBe('/home/ana/app.asarl/x');
  });

  it('empaquetada: el modelo y el script del hilo de tesseract, fuera del archivo asar', () => {
    const empaquetado = (id: string) => `/opt/Sistema/resources/app.asar/node_modules/${id}`;
    expect(rutaModeloEspanol(empaquetado)).toBe('/opt/Sistema/resources/app.asar.unpacked/node_modules/@tesseract.js-data/spa/4.0.0_best_int');
    expect(rutaWorkerTesseract(empaquetado)).toBe('/opt/Sistema/resources/app.asar.unpacked/node_modules/tesseract.js/src/worker-script/node/index.js');
  });

  it('en desarrollo: los archivos existen (modelo best_int en español, script del hilo)', () => {
    expect(fs.existsSync(path.join(rutaModeloEspanol(), 'spa.traineddata.gz'))).toBe(true);
    expect(fs.existsSync(rutaWorkerTesseract())).toBe(true);
    expect(fs.existsSync(path.join(carpetaDePaquete('pdfjs-dist'), 'legacy', 'build', 'pdf.mjs'))).toBe(true);
  });

  it('electron-builder.yml desempaca todo lo que carga el hilo de tesseract y el binario de canvas', () => {
    const yml = fs.readFileSync(path.join(raiz, 'electron-builder.yml'), 'utf8');
    const bloque = /^asarUnpack:\n((?:\s+(?:-.*|#.*)\n)+)/m.exec(yml)?.[1] ?? '';
    const patrones = [...bloque.matchAll(/^\s+-\s+"?([^"\n]+)"?$/gm)].map((m) => m[1].trim());
    expect(patrones).toContain('**/*.node');
    const carpetas = patrones.flatMap((p) => {
      const m = /^node_modules\/(?:\{([^}]+)\}|([^*{]+?))\/\*\*$/.exec(p);
      return m ? (m[1] ?? m[2]).split(',').map((n) => `node_modules/${n}`) : [];
    });
    const cubierta = (dir: string) => carpetas.some((c) => dir === c || dir.startsWith(`${c}/`));
    // The dependency tree of tesseract.js as installed (nested copies included) and the Spanish model.
    const vistos = new Set<string>();
    const recorrer = (dir: string) => {
      const rel = path.relative(raiz, dir).split(path.sep).join('/');
      if (vistos.has(rel)) return;
      vistos.add(rel);
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const requerir = createRequire(path.join(dir, 'package.json'));
      for (const d of Object.keys(pkg.dependencies ?? {})) recorrer(path.dirname(requerir.resolve(`${d}/package.json`)));
    };
    recorrer(path.dirname(createRequire(__filename).resolve('tesseract.js/package.json')));
    vistos.add('node_modules/@tesseract.js-data/spa');
    const fuera = [...vistos].map((d) => d.replace(/^.*?node_modules\//, 'node_modules/')).filter((d) => !cubierta(d));
    expect(fuera).toEqual([]);
    // Nothing the OCR loads is left out of the package by `files`.
    const excluidos = [...yml.matchAll(/^\s+-\s+"?!node_modules\/.*$/gm)].map((m) => m[0]).join('\n');
    for (const m of ['tesseract', 'pdfjs-dist', '@napi-rs', 'canvas']) expect(excluidos).not.toContain(m);
  });
});
