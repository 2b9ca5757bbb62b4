/**
 * Entry of a job worker thread: its own read-only connection to the database (WAL lets it read while
 * the request thread writes), a read-only Contexto per job, progress and reserved files posted back.
 * Bundled for Electron as dist/electron/trabajos.cjs (scripts/build-electron.mjs).
 *
 * Every thread loads the whole core, so the heavy libraries load on first use (`await import(…)` where
 * they are used: exceljs, pdfkit, bwip-js, tesseract.js, @napi-rs/canvas), not with the core: loaded
 * eagerly they cost each thread ~48 MB (a fresh job thread 98 MB), the request thread as much, and a
 * thread that only checks the database or writes a listado never needs most of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { eq } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import { diasInhabiles } from '../../../db/schema';
import { isAppError } from '../errors';
import type { Contexto } from '../contexto';
import { AlmacenArchivos } from '../archivos';
import { Generados } from '../generados';
import { SIN_MEMORIA } from '../memoria';
import { CalendarioLaboral } from '../modules/catalogos/calendario';
import { leerAjustes } from '../modules/ajustes/service';
import { PRIORIDAD_DE_TRABAJOS, type AvisoTrabajo, type ErrorTrabajo, type PedidoTrabajo } from './definir';
import { RETIRAN_SU_HILO, TRABAJOS } from './registro';

export interface DatosWorker {
  archivo: string;
  dataDir: string;
  appRoot: string;
  nativeBinding?: string;
}

/** A job gives way to the request thread (PRIORIDAD_DE_TRABAJOS): on Linux, this thread only. */
function cederElPaso(): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) os.setPriority(tid, PRIORIDAD_DE_TRABAJOS);
  } catch {
    // No /proc (Windows, macOS): same priority as the requests.
  }
}
cederElPaso();

const datos = workerData as DatosWorker;
const puerto = parentPort!;
const enviar = (m: AvisoTrabajo) => puerto.postMessage(m);

const sqlite = new Database(datos.archivo, { readonly: true, fileMustExist: true, ...(datos.nativeBinding ? { nativeBinding: datos.nativeBinding } : {}) });
sqlite.pragma('busy_timeout = 5000');
// SQLite's default page cache (~2 MB): a job reads in one pass (a listado, an informe, the integrity check),
// the OS keeps the file cached, and on the office's server each job thread's cache adds to its memory.
const db = drizzle(sqlite, { schema });

function soloLectura(que: string): never {
  throw new Error(`Un trabajo en segundo plano no escribe en la base (${que}): devuelva lo que hay que guardar y guárdelo el método que lo inició.`);
}

function contexto(p: PedidoTrabajo): Contexto {
  const ajustes = leerAjustes(db).valores;
  let calendario: CalendarioLaboral | null = null;
  const ahora = () => p.ahora;
  const generados = new Generados(datos.dataDir, (id, r) => enviar({ tipo: 'reserva', id: p.id, archivo: { id, ...r } }));
  const ctx: Contexto = {
    db,
    sqlite,
    actor: p.actor,
    sesion: p.sesion,
    metodo: p.metodo,
    dataDir: datos.dataDir,
    appRoot: datos.appRoot,
    nativeBinding: datos.nativeBinding,
    ahora,
    ajustes: () => ajustes,
    calendario: () =>
      (calendario ??= new CalendarioLaboral(
        db.select({ fecha: diasInhabiles.fecha }).from(diasInhabiles).where(eq(diasInhabiles.activa, true)).all().map((d) => d.fecha),
      )),
    transaccion: () => soloLectura('transacción'),
    bitacora: () => soloLectura('bitácora'),
    reemplazarDatos: () => soloLectura('restaurar'),
    progreso: (x) => enviar({ tipo: 'progreso', id: p.id, p: x }),
    archivos: new AlmacenArchivos(datos.dataDir, sqlite, ahora),
    memoria: SIN_MEMORIA,
    generados,
    get sesiones(): never {
      return soloLectura('sesiones');
    },
    // A job that needs another job runs it here, in the same thread.
    trabajos: { correr: async <T>(nombre: string, input: unknown) => correr(ctx, nombre, input) as Promise<T>, cancelar: () => false },
  };
  return ctx;
}

async function correr(ctx: Contexto, nombre: string, input: unknown): Promise<unknown> {
  const t = TRABAJOS[nombre];
  if (!t) throw new Error(`Trabajo desconocido: ${nombre}`);
  return t.run(ctx, input);
}

function comoError(e: unknown): ErrorTrabajo {
  if (isAppError(e)) return { app: true, code: e.code, message: e.message, details: e.details };
  const x = e as { code?: unknown; message?: unknown; stack?: unknown };
  return { app: false, code: typeof x?.code === 'string' ? x.code : undefined, message: String(x?.message ?? e), stack: typeof x?.stack === 'string' ? x.stack : undefined };
}

puerto.on('message', async (p: PedidoTrabajo) => {
  if (p.tipo !== 'correr') return;
  const retirar = RETIRAN_SU_HILO.has(p.nombre);
  try {
    const data = await correr(contexto(p), p.nombre, p.input);
    enviar({ tipo: 'fin', id: p.id, ok: true, data, retirar });
  } catch (e) {
    enviar({ tipo: 'fin', id: p.id, ok: false, error: comoError(e), retirar });
  }
});
enviar({ tipo: 'listo' });
