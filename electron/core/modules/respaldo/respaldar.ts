/**
 * Makes one backup while users keep working: an online copy of the database (SQLite backup API over a
 * read-only connection holding one snapshot), every anexo it references and a manifest. Everything is
 * written under `.parcial-…`, fsynced, verified, and only then renamed to `respaldo-…`: a backup cut
 * short (kill -9, full disk, unplugged drive) is never listed as valid.
 *
 * Plain inputs (paths, a clock, a progress callback) so it runs from the core, the CLI or a worker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { AppError } from '../../errors';
import { fsyncCarpeta } from '../../archivos';
import { verificarCadena } from '../bitacora/cadena';
import { datosDeLaAplicacion } from './aplicacion';
import { errorDeDestino } from './fallas';
import { ARCHIVO_MANIFIESTO, BASE_COPIA, FORMATO, contarFilas, sellar, sha256DeArchivo, ultimaMigracion, type Manifiesto } from './manifiesto';
import { listarRespaldos, nombreDeRespaldo, PREFIJO_PARCIAL, rutaAnexo } from './carpetas';

export const BASE_EN_USO = 'seguimiento.sqlite';

export type AvisoProgreso = (fraccion: number, texto: string) => void;

export interface OpcionesRespaldo {
  dataDir: string;
  destino: string;
  appRoot: string;
  ahora?: () => number;
  motivo?: 'manual' | 'automatico' | 'antes-de-restaurar' | 'linea-de-comandos';
  progreso?: AvisoProgreso;
  /** Create the destination if missing (only for folders inside the data directory, never a drive). */
  crearDestino?: boolean;
  /** Also used by tests to stop midway (simulating a crash). */
  alAvanzar?: (etapa: 'base' | 'anexos' | 'verificacion') => void;
  /** better-sqlite3 built for Electron (DESIGN §8); the Node build when absent (CLI, tests). */
  nativeBinding?: string;
}

export interface RespaldoHecho {
  ruta: string;
  nombre: string;
  manifiesto: Manifiesto;
}

function escribirDuradero(file: string, contenido: Buffer | string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, typeof contenido === 'string' ? Buffer.from(contenido) : contenido);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncArchivo(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes partial backups whose writer is gone (a crash or kill -9 midway). */
export function limpiarParciales(destino: string): void {
  for (const n of fs.readdirSync(destino)) {
    if (!n.startsWith(PREFIJO_PARCIAL)) continue;
    const pid = Number(n.split('-').pop());
    let vivo = false;
    try {
      process.kill(pid, 0);
      vivo = true;
    } catch (e) {
      vivo = (e as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (!vivo) fs.rmSync(path.join(destino, n), { recursive: true, force: true });
  }
}

/** Online copy of the live database into `copia`, from one snapshot even while others write. */
async function copiarBase(origen: string, copia: string, progreso: AvisoProgreso, nativeBinding: string | undefined): Promise<void> {
  if (!fs.existsSync(origen)) throw new AppError('RESPALDO', `No hay base de datos que respaldar en ${path.dirname(origen)}.`);
  const fuente = new Database(origen, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    fuente.pragma('busy_timeout = 5000');
    // Holding a read transaction pins one WAL snapshot: other processes' commits don't restart the copy.
    fuente.exec('begin');
    fuente.prepare('select count(*) from sqlite_master').get();
    await fuente.backup(copia, {
      progress: ({ totalPages, remainingPages }) => {
        progreso(totalPages ? 0.6 * (1 - remainingPages / totalPages) : 0, 'Copiando la base de datos…');
        return 2000;
      },
    });
    fuente.exec('commit');
  } finally {
    fuente.close();
  }
  // The copy is a plain file (no WAL) so it can be read on a read-only drive.
  const c = new Database(copia, { nativeBinding });
  try {
    c.pragma('journal_mode = DELETE');
  } finally {
    c.close();
  }
  fsyncArchivo(copia);
}

/** Where an identical anexo already sits in an earlier backup of this destination (hard-linked, not copied again). */
function anexosPrevios(destino: string): Map<string, string> {
  const previos = new Map<string, string>();
  const ultimo = listarRespaldos(destino)[0];
  if (ultimo) for (const a of ultimo.manifiesto.archivos) previos.set(a.sha256, rutaAnexo(ultimo.ruta, a.sha256));
  return previos;
}

/** Copies one anexo; true when it reused an earlier backup's file. */
async function copiarAnexo(origen: string, previo: string | undefined, destino: string, sha: string): Promise<boolean> {
  fs.mkdirSync(path.dirname(destino), { recursive: true });
  if (previo) {
    try {
      fs.linkSync(previo, destino);
      if ((await sha256DeArchivo(destino)) === sha) return true;
      fs.rmSync(destino);
    } catch {
      fs.rmSync(destino, { force: true }); // FAT/exFAT drives and some network shares have no hard links: copy
    }
  }
  const bytes = fs.readFileSync(origen);
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha) {
    throw new AppError('RESPALDO', `El anexo ${sha.slice(0, 12)}… de la carpeta de datos está alterado (su contenido no coincide con su huella). Respaldo cancelado.`);
  }
  escribirDuradero(destino, bytes);
  if ((await sha256DeArchivo(destino)) !== sha) throw new AppError('RESPALDO', `El anexo ${sha.slice(0, 12)}… no se escribió bien en el destino (¿disco dañado?).`);
  return false;
}

export interface OpcionesEmpaquetar {
  dataDir: string;
  appRoot: string;
  creado: number;
  motivo: string;
  progreso: AvisoProgreso;
  alAvanzar?: OpcionesRespaldo['alAvanzar'];
  /** sha256 → an identical file to hard-link instead of copying. */
  previos: Map<string, string> | 'origen';
  /** Run SQLite's integrity_check on the copy (the safety copy of a database that just passed quick_check skips it). */
  integridad: boolean;
  nativeBinding?: string;
}

/**
 * Completes a backup folder that already holds its database copy (plain, non-WAL): checks the copy,
 * adds the anexos it references, and writes the sealed manifest. Every figure is computed from the
 * fsynced copy itself, so the backup is verified by construction; Verificar recomputes them later.
 */
export async function empaquetar(carpeta: string, o: OpcionesEmpaquetar): Promise<Manifiesto> {
  const app = datosDeLaAplicacion(o.appRoot);
  const copia = path.join(carpeta, BASE_COPIA);
  const db = new Database(copia, { readonly: true, fileMustExist: true, nativeBinding: o.nativeBinding });
  let manifiesto: Manifiesto;
  try {
    if (o.integridad) {
      o.progreso(0.61, 'Revisando la integridad de la copia…');
      const integridad = db.pragma('integrity_check', { simple: true });
      if (integridad !== 'ok') throw new AppError('RESPALDO', `La copia de la base de datos no pasó la revisión de integridad (${String(integridad)}).`);
    }
    o.progreso(0.7, 'Contando los registros de la copia…');
    const conteos = contarFilas(db);
    const cadena = verificarCadena(db);
    const hashFinal = (db.prepare('select hash from bitacora order by id desc limit 1').pluck().get() as string | undefined) ?? null;
    const referidos = db.prepare('select sha256, tamano from archivos order by sha256').all() as { sha256: string; tamano: number }[];
    const archivos: Manifiesto['archivos'] = [];
    const faltantes: string[] = [];
    for (const [i, a] of referidos.entries()) {
      o.progreso(0.72 + (0.18 * i) / Math.max(1, referidos.length), `Copiando anexos (${i + 1} de ${referidos.length})…`);
      const origen = path.join(o.dataDir, 'archivos', a.sha256.slice(0, 2), a.sha256);
      if (!fs.existsSync(origen)) {
        faltantes.push(a.sha256);
        continue;
      }
      await copiarAnexo(origen, o.previos === 'origen' ? origen : o.previos.get(a.sha256), rutaAnexo(carpeta, a.sha256), a.sha256);
      archivos.push({ sha256: a.sha256, tamano: fs.statSync(origen).size });
    }
    o.alAvanzar?.('anexos');
    for (const d of new Set(archivos.map((a) => path.dirname(rutaAnexo(carpeta, a.sha256))))) fsyncCarpeta(d);
    if (archivos.length) fsyncCarpeta(path.join(carpeta, 'archivos'));
    o.progreso(0.9, 'Calculando la huella de la copia…');
    manifiesto = sellar({
      formato: FORMATO,
      aplicacion: { nombre: app.nombre, version: app.version },
      migracion: ultimaMigracion(db, app.migraciones),
      creado: o.creado,
      motivo: o.motivo,
      equipo: os.hostname(),
      base: { archivo: BASE_COPIA, tamano: fs.statSync(copia).size, sha256: await sha256DeArchivo(copia) },
      conteos,
      bitacora: { total: cadena.total, hashFinal, integra: cadena.integra },
      archivos,
      faltantes,
    });
  } finally {
    db.close();
  }
  escribirDuradero(path.join(carpeta, ARCHIVO_MANIFIESTO), JSON.stringify(manifiesto, null, 1));
  fsyncCarpeta(carpeta);
  o.alAvanzar?.('verificacion');
  return manifiesto;
}

export async function crearRespaldo(o: OpcionesRespaldo): Promise<RespaldoHecho> {
  const ahora = o.ahora ?? Date.now;
  const progreso: AvisoProgreso = o.progreso ?? (() => {});
  const destino = path.resolve(o.destino);
  if (path.resolve(destino) === path.resolve(o.dataDir)) {
    throw new AppError('RESPALDO', 'El destino del respaldo no puede ser la carpeta de datos misma; elija otra carpeta (de preferencia en otro disco).');
  }
  if (o.crearDestino) fs.mkdirSync(destino, { recursive: true });
  if (!fs.existsSync(destino) || !fs.statSync(destino).isDirectory()) {
    throw new AppError('RESPALDO', `La carpeta de destino ${destino} no existe o no está conectada (¿memoria USB o unidad de red desconectada?).`);
  }
  const creado = ahora();
  const nombre = nombreDeRespaldo(creado, destino);
  const parcial = path.join(destino, `${PREFIJO_PARCIAL}${nombre}-${process.pid}`);
  try {
    limpiarParciales(destino);
    fs.mkdirSync(parcial);
    const copia = path.join(parcial, BASE_COPIA);
    progreso(0, 'Copiando la base de datos…');
    await copiarBase(path.join(o.dataDir, BASE_EN_USO), copia, progreso, o.nativeBinding);
    o.alAvanzar?.('base');

    const manifiesto = await empaquetar(parcial, {
      dataDir: o.dataDir, appRoot: o.appRoot, creado, motivo: o.motivo ?? 'manual', progreso, alAvanzar: o.alAvanzar,
      previos: anexosPrevios(destino), integridad: true, nativeBinding: o.nativeBinding,
    });
    const final = path.join(destino, nombre);
    fs.renameSync(parcial, final);
    fsyncCarpeta(destino);
    progreso(1, 'Respaldo terminado y verificado.');
    return { ruta: final, nombre, manifiesto };
  } catch (e) {
    fs.rmSync(parcial, { recursive: true, force: true });
    throw errorDeDestino(e, destino);
  }
}
