#!/usr/bin/env node
// Prepares better-sqlite3 built for Electron's ABI in .cache/electron-native/better_sqlite3.node
// (DESIGN §8), WITHOUT touching node_modules/better-sqlite3/build: `npm test` (Node) and `npm start`
// (Electron) never undo each other. The core receives the file as better-sqlite3's `nativeBinding`.
//
// How: copy the better-sqlite3 package to a temp folder, then there
//   1. prebuild-install --runtime electron --target <versión>   (prebuilt download, or npm's cache)
//   2. node-gyp rebuild against Electron's headers              (compile, about a minute)
// and copy the resulting .node file. Both need the network the first time (headers or prebuilt);
// offline it ends with one Spanish line and exit code 2.
//
// Usage: node scripts/electron-native.mjs [--forzar] [--detalles]
//   --forzar    rebuild even if the cached file matches the installed versions
//   --detalles  print the output of the tools when something fails
// Env: SSE_ELECTRON_HEADERS=<carpeta>  Electron headers already on disk (node-gyp --nodedir), no download.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { estadoElectron } from './electron-disponible.mjs';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requerir = createRequire(path.join(raiz, 'package.json'));
const carpetaSalida = path.join(raiz, '.cache', 'electron-native');
const archivoSalida = path.join(carpetaSalida, 'better_sqlite3.node');
const archivoSello = path.join(carpetaSalida, 'sello.json');

const forzar = process.argv.includes('--forzar');
const detalles = process.argv.includes('--detalles') || process.env.SSE_DEBUG === '1';
const bitacora = [];

class Fallo extends Error {}

function fallar(motivo) {
  throw new Fallo(motivo);
}

function leerJson(ruta) {
  try {
    return JSON.parse(fs.readFileSync(ruta, 'utf8'));
  } catch {
    return null;
  }
}

function version(paquete) {
  try {
    return requerir(`${paquete}/package.json`).version;
  } catch {
    return null;
  }
}

function ejecutar(nombre, comando, args, opciones) {
  const r = spawnSync(comando, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opciones });
  bitacora.push(`$ ${[comando, ...args].join(' ')}`, r.stdout ?? '', r.stderr ?? '', r.error ? String(r.error) : '');
  const ok = r.status === 0 && !r.error;
  if (!ok) bitacora.push(`(${nombre}: falló, código ${r.status ?? r.signal ?? r.error?.code})`);
  return ok;
}

function rutaNodeGyp() {
  const candidatos = [];
  try {
    candidatos.push(requerir.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally
  }
  if (process.env.npm_config_node_gyp) candidatos.push(process.env.npm_config_node_gyp);
  candidatos.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidatos.find((c) => fs.existsSync(c)) ?? null;
}

/** Environment for the tools: our target, never the user's `nodedir` (that would build for Node again). */
function entornoPara(electron) {
  const env = { ...process.env };
  for (const clave of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(clave)) delete env[clave];
  }
  return {
    ...env,
    npm_config_runtime: 'electron',
    npm_config_target: electron,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_arch: process.arch,
  };
}

/** A module built for Electron must NOT load in this Node: the ABI differs. */
function comprobarQueNoEsDeNode(archivo, abiElectron) {
  try {
    process.dlopen({ exports: {} }, archivo);
  } catch (e) {
    const m = String(e?.message ?? e);
    if (/NODE_MODULE_VERSION/.test(m) && (!abiElectron || m.includes(String(abiElectron)))) return;
    if (/NODE_MODULE_VERSION/.test(m)) fallar(`el módulo compilado no corresponde al ABI ${abiElectron} de Electron`);
    fallar(`el módulo compilado no se puede cargar (${m.split('\n')[0]})`);
  }
  fallar('el módulo compilado es para Node, no para Electron');
}

/** Where the runtime exists, open an in-memory database with it, as the app will. */
function probarConElectron(electron, archivo) {
  const estado = estadoElectron(raiz);
  if (!estado.disponible) return false;
  const codigo =
    `const D = require(${JSON.stringify(path.join(raiz, 'node_modules', 'better-sqlite3'))});` +
    `const db = new D(':memory:', { nativeBinding: ${JSON.stringify(archivo)} });` +
    `const v = db.prepare('select sqlite_version() as v').get().v; db.close(); console.log(v);`;
  const ok = ejecutar('electron', estado.ruta, ['-e', codigo], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
  if (!ok) fallar(`Electron ${electron} no pudo abrir una base de datos con el módulo compilado`);
  return true;
}

function preparar() {
  const electron = version('electron');
  if (!electron) fallar('no está instalado el paquete «electron»');
  const bsq = version('better-sqlite3');
  if (!bsq) fallar('no está instalado el paquete «better-sqlite3»');
  const abi = fs.existsSync(path.join(raiz, 'node_modules', 'electron', 'abi_version'))
    ? fs.readFileSync(path.join(raiz, 'node_modules', 'electron', 'abi_version'), 'utf8').trim()
    : null;
  const sello = { electron, betterSqlite3: bsq, plataforma: process.platform, arquitectura: process.arch, abi };

  const previo = leerJson(archivoSello);
  if (
    !forzar &&
    fs.existsSync(archivoSalida) &&
    previo &&
    Object.entries(sello).every(([k, v]) => previo[k] === v)
  ) {
    console.log(`better-sqlite3 ${bsq} para Electron ${electron} ya está preparado (${path.relative(raiz, archivoSalida)}).`);
    return;
  }

  const temporal = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-electron-native-'));
  try {
    const copia = path.join(temporal, 'better-sqlite3');
    const origen = path.join(raiz, 'node_modules', 'better-sqlite3');
    // Everything but its Node build: the copy is ours to compile in.
    fs.cpSync(origen, copia, {
      recursive: true,
      filter: (r) => path.relative(origen, r).split(path.sep)[0] !== 'build',
    });
    const env = entornoPara(electron);
    const construido = path.join(copia, 'build', 'Release', 'better_sqlite3.node');

    // 1. Prebuilt binary for Electron (GitHub release, or npm's prebuild cache).
    let ok = false;
    try {
      const prebuild = requerir.resolve('prebuild-install/bin.js');
      ok =
        ejecutar('prebuild-install', process.execPath, [
          prebuild, '--runtime', 'electron', '--target', electron, '--arch', process.arch, '--platform', process.platform, '--verbose',
        ], { cwd: copia, env, timeout: 120_000 }) && fs.existsSync(construido);
    } catch {
      bitacora.push('(prebuild-install no está instalado)');
    }

    // 2. Compile against Electron's headers.
    if (!ok) {
      const nodeGyp = rutaNodeGyp();
      if (!nodeGyp) fallar('no se encontró node-gyp para compilar');
      const args = [nodeGyp, 'rebuild', '--release', `--target=${electron}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'];
      if (process.env.SSE_ELECTRON_HEADERS) args.push(`--nodedir=${path.resolve(process.env.SSE_ELECTRON_HEADERS)}`);
      else args.push(`--devdir=${path.join(os.homedir(), '.electron-gyp')}`);
      ok = ejecutar('node-gyp', process.execPath, args, { cwd: copia, env, timeout: 20 * 60_000 }) && fs.existsSync(construido);
    }
    if (!ok) {
      const texto = bitacora.join('\n');
      const sinRed = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|network connectivity|403|404/i.test(texto);
      fallar(
        sinRed
          ? 'sin conexión para descargar el binario precompilado ni los encabezados de Electron'
          : 'falló la compilación con node-gyp',
      );
    }

    comprobarQueNoEsDeNode(construido, abi);
    const probado = probarConElectron(electron, construido);

    fs.mkdirSync(carpetaSalida, { recursive: true });
    const parcial = `${archivoSalida}.${process.pid}.tmp`;
    fs.copyFileSync(construido, parcial);
    fs.renameSync(parcial, archivoSalida);
    fs.writeFileSync(archivoSello, `${JSON.stringify({ ...sello, preparado: new Date().toISOString() }, null, 2)}\n`);
    console.log(
      `better-sqlite3 ${bsq} para Electron ${electron} preparado en ${path.relative(raiz, archivoSalida)}` +
        (probado ? ' (probado con Electron).' : '.'),
    );
  } finally {
    fs.rmSync(temporal, { recursive: true, force: true });
  }
}

try {
  preparar();
} catch (e) {
  if (detalles && bitacora.length > 0) console.error(bitacora.join('\n'));
  const motivo = e instanceof Fallo ? e.message : `error inesperado: ${e?.message ?? e}`;
  console.error(
    `No se pudo preparar better-sqlite3 para Electron (${motivo}); la versión de escritorio no podrá abrir la base de datos.` +
      (detalles ? '' : ' Use --detalles para ver más.'),
  );
  process.exit(2);
}
