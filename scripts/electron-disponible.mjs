#!/usr/bin/env node
// Is the Electron runtime binary present? The `electron` npm package can be installed without it
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or a failed download): then require('electron') throws or points
// to a file that does not exist. Used by `npm start` (desktop or browser mode) and the Electron tests.
// CLI: `node scripts/electron-disponible.mjs` prints the answer; exit code 0 if present, 1 if not.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @returns {{ disponible: boolean, ruta: string | null, version: string | null, motivo: string | null }}
 */
export function estadoElectron(desde = raiz) {
  const requerir = createRequire(path.join(desde, 'package.json'));
  let version = null;
  try {
    version = requerir('electron/package.json').version ?? null;
  } catch {
    return { disponible: false, ruta: null, version: null, motivo: 'el paquete «electron» no está instalado' };
  }
  let ruta;
  try {
    ruta = requerir('electron');
  } catch {
    return {
      disponible: false,
      ruta: null,
      version,
      motivo: `el paquete «electron» ${version} está instalado sin su ejecutable (no se pudo descargar)`,
    };
  }
  if (typeof ruta !== 'string' || ruta === '') {
    return { disponible: false, ruta: null, version, motivo: 'el paquete «electron» no indica la ruta de su ejecutable' };
  }
  if (!fs.existsSync(ruta)) {
    return { disponible: false, ruta, version, motivo: `no existe el ejecutable de Electron ${version} (${ruta})` };
  }
  return { disponible: true, ruta, version, motivo: null };
}

/** @returns {boolean} */
export function electronDisponible(desde = raiz) {
  return estadoElectron(desde).disponible;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const e = estadoElectron();
  console.log(e.disponible ? `Electron ${e.version} disponible: ${e.ruta}` : `Electron no disponible: ${e.motivo}.`);
  process.exit(e.disponible ? 0 : 1);
}
