/**
 * Restore: verify the chosen backup, take a safety backup of the current data, swap the database file
 * (atomic rename) and add the backup's anexos, then open the result (migrating it if it is older),
 * record the restore in its bitácora and verify the chain. The caller holds the data directory's lock
 * and has closed every connection to it. Any refusal happens before the swap: the data is untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../../db/connection';
import { AppError } from '../../errors';
import { fsyncCarpeta } from '../../archivos';
import { anexar, verificarCadena } from '../bitacora/cadena';
import { nombreDeRespaldo, PREFIJO_PARCIAL, rutaAnexo } from './carpetas';
import { BASE_EN_USO, empaquetar, type AvisoProgreso } from './respaldar';
import { BASE_COPIA } from './manifiesto';
import { verificarRespaldo, type ResultadoVerificacion } from './verificar';
import type { Manifiesto } from './manifiesto';

export const CARPETA_SEGURIDAD = path.join('respaldos', 'antes-de-restaurar');

export interface OpcionesRestaurar {
  dataDir: string;
  desde: string;
  appRoot: string;
  ahora?: () => number;
  progreso?: AvisoProgreso;
  /** Who asked, for the bitácora of the restored data. */
  quien?: { id: string | null; usuario: string | null };
  metodo?: string;
  nativeBinding?: string;
}

export interface Restauracion {
  manifiesto: Manifiesto;
  /** The safety backup of the data that was replaced (null when there was none). */
  seguridad: string | null;
  bitacora: { integra: boolean; total: number };
}

/** Refuses, in Spanish, a backup that cannot be restored here. */
export async function comprobarRestaurable(desde: string, appRoot: string, nativeBinding?: string): Promise<Manifiesto> {
  return restaurable(await verificarRespaldo(desde, appRoot, { nativeBinding }));
}

/** The manifest of a verified backup that can be restored here, or the Spanish refusal. */
export function restaurable(v: ResultadoVerificacion): Manifiesto {
  if (v.masReciente) {
    throw new AppError('RESPALDO', `El respaldo fue hecho por una versión más reciente del sistema (${v.manifiesto?.aplicacion.version}). Actualice la aplicación antes de restaurarlo; los datos actuales no se tocaron.`);
  }
  if (!v.valido || !v.manifiesto) {
    throw new AppError('RESPALDO', `El respaldo no se puede restaurar: ${v.problemas[0]} Los datos actuales no se tocaron.`, v.problemas);
  }
  return v.manifiesto;
}

/**
 * Keeps the replaced data: the closed database file itself is moved into a backup folder (instant, byte
 * for byte, its WAL folded in) and packaged like any backup, its anexos hard-linked from the store.
 * A database too damaged to package stays there as it was, under `danada-…`.
 */
async function guardarSeguridad(carpeta: string, o: OpcionesRestaurar, creado: number, progreso: AvisoProgreso): Promise<string> {
  const destino = path.dirname(carpeta);
  const copia = path.join(carpeta, BASE_COPIA);
  try {
    const db = new Database(copia, { nativeBinding: o.nativeBinding });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    await empaquetar(carpeta, {
      dataDir: o.dataDir, appRoot: o.appRoot, creado, motivo: 'antes-de-restaurar', integridad: false, previos: 'origen', nativeBinding: o.nativeBinding,
      progreso: (f, t) => progreso(0.85 + 0.1 * f, `Respaldo de seguridad: ${t}`),
    });
    const final = path.join(destino, nombreDeRespaldo(creado, destino));
    fs.renameSync(carpeta, final);
    fsyncCarpeta(destino);
    return final;
  } catch {
    const danada = path.join(destino, `danada-${creado}`);
    fs.renameSync(carpeta, danada);
    return danada;
  }
}

function copiarDuradero(origen: string, destino: string): void {
  const tmp = `${destino}.${process.pid}.copiando`;
  fs.copyFileSync(origen, tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, destino);
}

export async function restaurarDatos(o: OpcionesRestaurar): Promise<Restauracion> {
  const progreso: AvisoProgreso = o.progreso ?? (() => {});
  const ahora = o.ahora ?? Date.now;
  progreso(0, 'Verificando el respaldo elegido…');
  const m = await comprobarRestaurable(o.desde, o.appRoot, o.nativeBinding);

  // Anexos are content-addressed and immutable: add the missing ones; the current ones stay.
  for (const [i, a] of m.archivos.entries()) {
    progreso(0.3 + (0.2 * i) / Math.max(1, m.archivos.length), `Restaurando anexos (${i + 1} de ${m.archivos.length})…`);
    const destino = path.join(o.dataDir, 'archivos', a.sha256.slice(0, 2), a.sha256);
    if (fs.existsSync(destino) && fs.statSync(destino).size === a.tamano) continue;
    fs.mkdirSync(path.dirname(destino), { recursive: true });
    copiarDuradero(rutaAnexo(o.desde, a.sha256), destino);
    fsyncCarpeta(path.dirname(destino));
  }

  progreso(0.5, 'Copiando la base de datos del respaldo…');
  const base = path.join(o.dataDir, BASE_EN_USO);
  const tmp = `${base}.restaurando`;
  copiarDuradero(path.join(o.desde, m.base.archivo), tmp);

  // The current database (closed: the caller holds the lock) moves aside with its WAL, and the copy
  // takes its place; if that fails, the current one moves back.
  progreso(0.8, 'Reemplazando la base de datos…');
  const creado = ahora();
  const destinoSeguridad = path.join(o.dataDir, CARPETA_SEGURIDAD);
  fs.mkdirSync(destinoSeguridad, { recursive: true });
  const apartada = path.join(destinoSeguridad, `${PREFIJO_PARCIAL}${creado}-${process.pid}`);
  const habia = fs.existsSync(base);
  const sufijos = ['', '-wal', '-shm'].filter((x) => fs.existsSync(base + x));
  if (habia) {
    fs.mkdirSync(apartada);
    for (const x of sufijos) fs.renameSync(base + x, path.join(apartada, BASE_COPIA + x));
  }
  try {
    fs.renameSync(tmp, base);
    fsyncCarpeta(o.dataDir);
  } catch (e) {
    for (const x of sufijos) fs.renameSync(path.join(apartada, BASE_COPIA + x), base + x);
    throw e;
  }
  const seguridad = habia ? await guardarSeguridad(apartada, o, creado, progreso) : null;

  progreso(0.95, 'Abriendo los datos restaurados y verificando la bitácora…');
  const conexion = await openDatabase({ file: base, migrationsDir: path.join(o.appRoot, 'db', 'migrations'), now: ahora, nativeBinding: o.nativeBinding });
  try {
    const { sqlite } = conexion;
    sqlite.transaction(() => {
      // Sessions live in the database (network mode): none of the backup's may act on the restored data.
      if (sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'sesiones'").get()) sqlite.prepare('delete from sesiones').run();
      anexar(sqlite, {
        momento: ahora(),
        usuario_id: o.quien?.id ?? null,
        usuario: o.quien?.usuario ?? null,
        metodo: o.metodo ?? 'respaldo.restaurar',
        entidad: 'respaldo',
        entidad_id: path.basename(o.desde),
        antes: seguridad ? JSON.stringify({ respaldoDeSeguridad: seguridad }) : null,
        despues: JSON.stringify({ restauradoDe: o.desde, creado: m.creado, version: m.aplicacion.version, equipo: m.equipo }),
      });
    }).immediate();
    const cadena = verificarCadena(sqlite);
    progreso(1, 'Datos restaurados.');
    return { manifiesto: m, seguridad, bitacora: { integra: cadena.integra, total: cadena.total } };
  } finally {
    conexion.close();
  }
}
