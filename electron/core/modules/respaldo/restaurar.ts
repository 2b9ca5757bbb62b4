/**
 * Restore: verify the chosen backup, take a safety backup of the current data, swap the database file
 * (atomic rename) and add the backup's anexos, then open the result (migrating it if it is older),
 * record the restore in its bitácora and verify the chain. The caller holds the data directory's lock
 * and has closed every connection to it. Any refusal happens before the swap: the data is untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../../db/connection';
import { AppError } from '../../errors';
import { fsyncCarpeta } from '../../archivos';
import { anexar, verificarCadena } from '../bitacora/cadena';
import { rutaAnexo } from './carpetas';
import { BASE_EN_USO, crearRespaldo, type AvisoProgreso } from './respaldar';
import { verificarRespaldo } from './verificar';
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
}

export interface Restauracion {
  manifiesto: Manifiesto;
  /** The safety backup of the data that was replaced (null when there was none). */
  seguridad: string | null;
  bitacora: { integra: boolean; total: number };
}

/** Refuses, in Spanish, a backup that cannot be restored here. */
export async function comprobarRestaurable(desde: string, appRoot: string): Promise<Manifiesto> {
  const v = await verificarRespaldo(desde, appRoot);
  if (v.masReciente) {
    throw new AppError('RESPALDO', `El respaldo fue hecho por una versión más reciente del sistema (${v.manifiesto?.aplicacion.version}). Actualice la aplicación antes de restaurarlo; los datos actuales no se tocaron.`);
  }
  if (!v.valido || !v.manifiesto) {
    throw new AppError('RESPALDO', `El respaldo no se puede restaurar: ${v.problemas[0]} Los datos actuales no se tocaron.`, v.problemas);
  }
  return v.manifiesto;
}

/** The current data, kept before it is replaced. A database too damaged to copy online is kept byte for byte. */
async function respaldoDeSeguridad(o: OpcionesRestaurar, progreso: AvisoProgreso): Promise<string | null> {
  const actual = path.join(o.dataDir, BASE_EN_USO);
  if (!fs.existsSync(actual)) return null;
  const destino = path.join(o.dataDir, CARPETA_SEGURIDAD);
  try {
    const r = await crearRespaldo({ ...o, destino, crearDestino: true, motivo: 'antes-de-restaurar', progreso: (f, t) => progreso(0.1 + 0.5 * f, `Respaldo de seguridad: ${t}`) });
    return r.ruta;
  } catch (e) {
    if (e instanceof AppError && /llenó|escribir/.test(e.message)) throw e;
    const copia = path.join(destino, `danada-${(o.ahora ?? Date.now)()}`);
    fs.mkdirSync(copia, { recursive: true });
    for (const sufijo of ['', '-wal', '-shm']) {
      if (fs.existsSync(actual + sufijo)) fs.copyFileSync(actual + sufijo, path.join(copia, BASE_EN_USO + sufijo));
    }
    return copia;
  }
}

function copiarDuradero(origen: string, destino: string): void {
  const tmp = `${destino}.${process.pid}.restaurando`;
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
  const m = await comprobarRestaurable(o.desde, o.appRoot);
  const seguridad = await respaldoDeSeguridad(o, progreso);

  // Anexos are content-addressed and immutable: add the missing ones; the current ones stay.
  for (const [i, a] of m.archivos.entries()) {
    progreso(0.6 + (0.2 * i) / Math.max(1, m.archivos.length), `Restaurando anexos (${i + 1} de ${m.archivos.length})…`);
    const destino = path.join(o.dataDir, 'archivos', a.sha256.slice(0, 2), a.sha256);
    if (fs.existsSync(destino) && fs.statSync(destino).size === a.tamano) continue;
    fs.mkdirSync(path.dirname(destino), { recursive: true });
    copiarDuradero(rutaAnexo(o.desde, a.sha256), destino);
    fsyncCarpeta(path.dirname(destino));
  }

  progreso(0.8, 'Reemplazando la base de datos…');
  const base = path.join(o.dataDir, BASE_EN_USO);
  const tmp = `${base}.restaurando`;
  fs.copyFileSync(path.join(o.desde, m.base.archivo), tmp);
  const fd = fs.openSync(tmp, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  // A WAL left by the replaced database would be replayed onto the restored one: it goes first (the
  // safety backup holds its content).
  fs.rmSync(`${base}-wal`, { force: true });
  fs.rmSync(`${base}-shm`, { force: true });
  fs.renameSync(tmp, base);
  fsyncCarpeta(o.dataDir);

  progreso(0.9, 'Abriendo los datos restaurados y verificando la bitácora…');
  const conexion = await openDatabase({ file: base, migrationsDir: path.join(o.appRoot, 'db', 'migrations'), now: ahora });
  try {
    const { sqlite } = conexion;
    sqlite.transaction(() =>
      anexar(sqlite, {
        momento: ahora(),
        usuario_id: o.quien?.id ?? null,
        usuario: o.quien?.usuario ?? null,
        metodo: o.metodo ?? 'respaldo.restaurar',
        entidad: 'respaldo',
        entidad_id: path.basename(o.desde),
        antes: seguridad ? JSON.stringify({ respaldoDeSeguridad: seguridad }) : null,
        despues: JSON.stringify({ restauradoDe: o.desde, creado: m.creado, version: m.aplicacion.version, equipo: m.equipo }),
      }),
    ).immediate();
    const cadena = verificarCadena(sqlite);
    progreso(1, 'Datos restaurados.');
    return { manifiesto: m, seguridad, bitacora: { integra: cadena.integra, total: cadena.total } };
  } finally {
    conexion.close();
  }
}
