import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronDisponible, estadoElectron } from '../../../scripts/electron-disponible.mjs';

const raiz = path.resolve(__dirname, '..', '..', '..');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-empaquetado-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function requeridos(codigo: string): string[] {
  return [...new Set([...codigo.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))];
}

describe('scripts/build-electron.mjs', () => {
  it('bundles main.cjs and a preload that requires nothing but electron', { timeout: 60_000 }, () => {
    const salida = path.join(tmp, 'electron');
    const r = spawnSync(process.execPath, [path.join(raiz, 'scripts', 'build-electron.mjs'), `--salida=${salida}`], {
      cwd: raiz,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const preload = fs.readFileSync(path.join(salida, 'preload.cjs'), 'utf8');
    expect(requeridos(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');

    const main = fs.readFileSync(path.join(salida, 'main.cjs'), 'utf8');
    const nativos = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const externos = requeridos(main).filter((m) => !nativos.has(m));
    expect(externos.sort()).toEqual(expect.arrayContaining(['electron']));
    // Left out of the bundle on purpose: native or WASM packages that load their own files at run time (OCR),
    // and exceljs (bundled, a job thread holding a 100k-row listado used twice the memory).
    const permitidos = ['electron', 'better-sqlite3', 'pdfkit', 'exceljs', 'tesseract.js', 'pdfjs-dist', '@napi-rs/canvas'];
    for (const m of externos) expect(permitidos, m).toContain(m.replace(/^(pdfjs-dist)\/.*/, '$1'));
  });
});

describe('scripts/electron-disponible.mjs', () => {
  function paqueteFalso(nombre: string, ruta: string | null) {
    const dir = path.join(tmp, nombre);
    const pkg = path.join(dir, 'node_modules', 'electron');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1', main: 'index.js' }));
    fs.writeFileSync(
      path.join(pkg, 'index.js'),
      ruta === null ? "throw new Error('Electron failed to install correctly');" : `module.exports = ${JSON.stringify(ruta)};`,
    );
    return dir;
  }

  it('present only when the executable the package points to exists', () => {
    const ejecutable = path.join(tmp, 'electron-bin');
    fs.writeFileSync(ejecutable, '');
    expect(estadoElectron(paqueteFalso('con', ejecutable))).toEqual({ disponible: true, ruta: ejecutable, version: '41.7.1', motivo: null });
    const sinArchivo = estadoElectron(paqueteFalso('sin-archivo', path.join(tmp, 'no-existe')));
    expect(sinArchivo.disponible).toBe(false);
    expect(sinArchivo.motivo).toMatch(/no existe el ejecutable de Electron 41\.7\.1/);
    const roto = estadoElectron(paqueteFalso('roto', null));
    expect(roto).toMatchObject({ disponible: false, ruta: null, version: '41.7.1' });
    expect(roto.motivo).toMatch(/sin su ejecutable/);
    const vacio = path.join(tmp, 'vacio');
    fs.mkdirSync(vacio);
    expect(estadoElectron(vacio).motivo).toMatch(/no está instalado/);
  });

  it('answers for this checkout without throwing', () => {
    const e = estadoElectron();
    expect(typeof e.disponible).toBe('boolean');
    expect(electronDisponible()).toBe(e.disponible);
    if (!e.disponible) expect(e.motivo).toBeTruthy();
  });
});
