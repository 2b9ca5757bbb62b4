/**
 * WAL checkpoints off the request thread.
 *
 * SQLite copies the WAL back into the database file (a checkpoint) inside the commit that takes the WAL
 * past 1000 pages: at 100k asuntos one registro in ~60 paid 30–50 ms for it (350 ms for the first one
 * after start-up), and the first commit after a long read (a listado holds its snapshot for seconds)
 * paid for everything written meanwhile — on the office server, every user behind that request waited.
 * Here a small thread with its own connection checkpoints (PASSIVE: it never blocks a writer or a
 * reader) a quarter of a second after a write, and the request thread's own checkpoint only
 * fires past WAL_RESPALDO pages, if this thread falls behind; should the thread die, SQLite's default
 * comes back. Durability is the same: commits still sync the WAL (synchronous = FULL).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** The request thread checkpoints by itself only past this WAL size (pages of 4 KB: 32 MB). */
const WAL_RESPALDO = 8192;
const WAL_POR_OMISION = 1000;
/** Time between checkpoints while writes go on. */
const INTERVALO_MS = 250;
/** Longest wait for the thread to close its connection (a checkpoint of a large WAL takes under a second). */
const ESPERA_CIERRE_MS = 5000;

// Plain CommonJS run by the thread (eval): no bundle to build or find, only better-sqlite3.
const CODIGO = `
const { parentPort, workerData } = require('node:worker_threads');
const avisarCierre = () => (Atomics.store(workerData.cerrada, 0, 1), Atomics.notify(workerData.cerrada, 0));
let db;
try {
  const Database = require(workerData.modulo);
  db = new Database(workerData.archivo, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('synchronous = FULL');
} catch (e) {
  avisarCierre();
  throw e;
}
parentPort.on('message', (m) => {
  if (m === 'cerrar') {
    db.close();
    avisarCierre();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    // SQLITE_BUSY or LOCKED: another checkpoint is running; the next one will do.
    if (!/busy|locked/i.test(String(e && e.code))) throw e;
  }
});
`;

export interface Checkpointer {
  /** After a commit: schedules a checkpoint (at most one per INTERVALO_MS). */
  escrito(): void;
  /**
   * Closes the thread's connection, waiting for it (a checkpoint in course ends first): when the request
   * thread's connection closes right after, it is the last one, checkpoints and removes the WAL, and a
   * restore may move the file (Windows does not move an open file).
   */
  close(): void;
}

export function startCheckpointer(sqlite: Database.Database, archivo: string, nativeBinding?: string): Checkpointer {
  let worker: Worker | null = null;
  let programado: NodeJS.Timeout | null = null;
  let cerrado = false;
  let fallo = false;
  const cerrada = new Int32Array(new SharedArrayBuffer(4));

  const volverAlDefecto = (e?: unknown) => {
    if (e) console.error('[db] el hilo de puntos de control falló; la base vuelve a hacerlos al escribir:', e);
    worker = null;
    fallo = true;
    if (!cerrado && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${WAL_POR_OMISION}`);
  };
  const iniciar = () => {
    const modulo = createRequire(import.meta.url).resolve('better-sqlite3');
    const w = new Worker(CODIGO, {
      eval: true,
      workerData: { modulo, archivo, nativeBinding, cerrada },
      // Its heap holds one connection: small limits (the thread still weighs ~7.5 MB on the server).
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 },
    });
    w.unref();
    w.on('error', volverAlDefecto);
    w.on('exit', () => worker === w && volverAlDefecto());
    sqlite.pragma(`wal_autocheckpoint = ${WAL_RESPALDO}`);
    return w;
  };

  return {
    escrito() {
      if (cerrado || fallo || programado) return;
      worker ??= iniciar();
      programado = setTimeout(() => {
        programado = null;
        worker?.postMessage('punto');
      }, INTERVALO_MS);
      programado.unref();
    },
    close() {
      cerrado = true;
      if (programado) clearTimeout(programado);
      const w = worker;
      worker = null;
      if (!w) return;
      w.postMessage('cerrar');
      Atomics.wait(cerrada, 0, 0, ESPERA_CIERRE_MS);
    },
  };
}
