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

/** A change notice: what to refetch. Carries no data the listener might not be allowed to read. */
export interface Cambio {
  entidad: string;
  id: string | null;
}

export interface OpcionesLlamada {
  sesion?: string | null;
  /** Idempotency-Key of a write: a repeated key gets the first result without writing again. */
  clave?: string | null;
}

export interface ArchivoGenerado {
  ruta: string;
  nombre: string;
  tipo: string;
}

export interface Core {
  readonly dataDir: string;
  /** Calls one method of the contract. Never throws: failures come back as `{ ok: false, error }`. */
  call(method: string, input: unknown, opts?: OpcionesLlamada): Promise<Resultado>;
  /** Progress of long jobs, with the session that started them; returns the unsubscribe function. */
  on(evento: 'progreso', cb: (p: Progreso, sesion: string | null) => void): () => void;
  /** Change notices, emitted after each write commits (every transport relays them; clients refetch). */
  on(evento: 'cambio', cb: (c: Cambio) => void): () => void;
  /**
   * A generated report or stored file by id, if this session may read it and is still valid (signed out,
   * deactivated or idle-locked sessions get null).
   */
  archivoGenerado(id: string, sesion: string | null): ArchivoGenerado | null;
  /** Work due before the app quits: the desktop app's backup when the last one is older than 24 h. */
  antesDeCerrar(): Promise<void>;
  /** Who holds a session that may act now (for the event stream and downloads), or null. */
  sesionActiva(sesion: string | null): { usuario: string; nombre: string } | null;
  /** Result of the integrity check run after start-up: null when the file is sound (writes are refused otherwise). */
  integridad(): Promise<string | null>;
  /**
   * A session for a trusted local command that already holds the data-directory lock (e.g. `npm run importar`):
   * the named active user, else the first active administrator; null if there is none.
   */
  sesionLocal(usuario?: string): string | null;
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
  /** Run the daily backup scheduler (the app, the browser mode and the server; not tests). */
  respaldosAutomaticos?: boolean;
  /** Database size from which the integrity check runs after start-up in a worker (default 32 MB). */
  comprobarEnSegundoPlanoDesde?: number;
  /** Worker threads running background jobs at once (default 2; jobs/pool.ts). */
  trabajosEnParalelo?: number;
  /** Read the OCR queue in the background (the app and the server; off in tests that don't need it). */
  lectorOcr?: boolean | { intervaloMs?: number };
  /** Validate every output against the contract (tests). */
  validarSalida?: boolean;
}
