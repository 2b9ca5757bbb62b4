/** OCR never touches the network: recognition runs with fetch, sockets and DNS blocked in every thread. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { carpetaTemporal } from '../ayuda';
import { imagenDeTexto } from '../../fixtures/oficios';

it('lee en español con la red bloqueada en el proceso y en los hilos de tesseract', () => {
  const dir = carpetaTemporal('sse-ocr-sinred-');
  const img = path.join(dir, 'hoja.png');
  fs.writeFileSync(img, imagenDeTexto('Petición de señalética', dir));
  const r = spawnSync(process.execPath, ['--require', path.resolve('tests/fixtures/sin-red.cjs'), '--import', 'tsx', path.resolve('tests/fixtures/leer-sin-red.ts'), img], {
    encoding: 'utf8',
    timeout: 170_000,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(r.stderr).not.toContain('RED:');
  // The guard ran in the main thread and in tesseract's worker thread too.
  expect(r.stderr).toContain('GUARDIA: principal');
  expect(r.stderr).toContain('GUARDIA: hilo');
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('TEXTO: Petición de señalética');
}, 180_000);
