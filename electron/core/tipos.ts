/** The core's public face, shared by both transports (Electron IPC and browser-mode HTTP). */
import type { ErrorInfo } from './errors';

export type Resultado<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

export interface Progreso {
  /** Id of the job, chosen by the caller so it can follow (and cancel) it. */
  tarea: string;
  /** 0..1 */
  fraccion: number;
  /** What it is doing now, in Spanish. */
  texto: string;
}

export interface ArchivoGenerado {
  ruta: string;
  nombre: string;
  tipo: string;
}

export interface Core {
  readonly dataDir: string;
  /** Calls one method of the contract. Never throws: failures come back as `{ ok: false, error }`. */
  call(method: string, input: unknown, opts?: { sesion?: string | null }): Promise<Resultado>;
  /** Subscribes to progress of long jobs; returns the unsubscribe function. */
  on(evento: 'progreso', cb: (p: Progreso) => void): () => void;
  /** A generated report or stored file by id, if this session may read it (for downloads and save dialogs). */
  archivoGenerado(id: string, sesion: string | null): ArchivoGenerado | null;
  close(): void;
}

export interface CoreOptions {
  dataDir: string;
  /** Folder holding db/migrations and resources/ (default: process.cwd()). */
  appRoot?: string;
  /** better_sqlite3.node built for Electron's ABI (DESIGN §8). */
  nativeBinding?: string;
  /** Fixed clock for tests (epoch ms). */
  clock?: () => number;
  /** Who holds the data directory, for the message a second writer gets (default «la aplicación»). */
  rolProceso?: string;
  /**
   * Skip the one-writer lock. Only for tests that prove the database's own guarantees (gapless folios)
   * with two processes writing the same file; every real entry point takes the lock.
   */
  compartirCarpeta?: boolean;
  /** Read the OCR queue in the background (the app and the server; off in tests that don't need it). */
  lectorOcr?: boolean | { intervaloMs?: number };
  /** Validate every output against the contract (tests). */
  validarSalida?: boolean;
}
