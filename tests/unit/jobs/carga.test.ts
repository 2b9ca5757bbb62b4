/**
 * Every job thread and the request thread load the whole core; the heavy libraries load on first use
 * (jobs/worker.ts): loaded with the core they cost each thread ~48 MB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const raiz = path.resolve(__dirname, '../../..');
const PESADAS = /node_modules[\\/](exceljs|pdfkit|tesseract\.js|@napi-rs[\\/]canvas)[\\/]/;

describe('carga del núcleo', () => {
  it('no carga exceljs, pdfkit, tesseract.js ni @napi-rs/canvas hasta que se usan', () => {
    const modulo = (r: string) => JSON.stringify(pathToFileURL(path.join(raiz, r)).href);
    // A fresh process: what the core's modules load, then (the control) what using exceljs loads.
    const codigo = `
      const { createRequire } = await import('node:module');
      const cargadas = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => ${PESADAS}.test(k)).length;
      await import(${modulo('electron/core/app.ts')});
      await import(${modulo('electron/core/jobs/registro.ts')});
      const alCargar = cargadas();
      const { escribirExcel } = await import(${modulo('electron/core/reports/excel.ts')});
      await escribirExcel(${JSON.stringify(path.join(os.tmpdir(), `sse-carga-${process.pid}.xlsx`))}, { institucion: 'I', titulo: 'T', generado: 0 }, []);
      console.log(JSON.stringify({ alCargar, alUsar: cargadas() }));`;
    const salida = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', codigo], { cwd: raiz, encoding: 'utf8' });
    const r = JSON.parse(salida.trim().split('\n').at(-1)!);
    fs.rmSync(path.join(os.tmpdir(), `sse-carga-${process.pid}.xlsx`), { force: true });
    expect(r.alCargar).toBe(0);
    expect(r.alUsar).toBeGreaterThan(0);
  }, 60_000);
});
