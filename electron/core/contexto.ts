/** What every handler receives: the database, who is acting, office time, the audit log and the file stores. */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import type { Contract, Method, ParsedInput } from '../contract';
import type { Rol } from '../contract/comun';
import type { ValoresAjustes } from '../contract/ajustes';
import type { Progreso } from './tipos';
import type { AlmacenArchivos } from './archivos';
import type { Generados } from './generados';
import type { CalendarioLaboral } from './modules/catalogos/calendario';
import type { Sesiones } from './modules/usuarios/sesiones';
import type { Memoria } from './memoria';

export interface Actor {
  id: string;
  usuario: string;
  nombre: string;
  rol: Rol;
}

export interface CambioBitacora {
  entidad: string;
  entidadId?: string | null;
  antes?: unknown;
  despues?: unknown;
}

export interface Contexto {
  readonly db: Db;
  readonly sqlite: Database.Database;
  readonly actor: Actor | null;
  readonly sesion: string | null;
  readonly metodo: string;
  readonly dataDir: string;
  readonly appRoot: string;
  /** better-sqlite3 built for Electron, for modules that open a database of their own (backups). */
  readonly nativeBinding?: string;
  ahora(): number;
  ajustes(): ValoresAjustes;
  calendario(): CalendarioLaboral;
  /**
   * Runs `fn` in one IMMEDIATE transaction (for methods that must await something first, such as a
   * file type check; methods marked `escritura` are already wrapped by the router).
   */
  transaccion<T>(fn: () => T): T;
  /** Appends to the hash-chained bitácora, inside the caller's transaction. */
  bitacora(cambio: CambioBitacora): void;
  progreso(p: Progreso): void;
  readonly archivos: AlmacenArchivos;
  readonly generados: Generados;
  readonly sesiones: Sesiones;
  /**
   * Replaces the data under the running core (restore): waits for the other calls in course, closes
   * the database, runs `aplicar` and reopens on the result; every session ends.
   */
  reemplazarDatos<T>(aplicar: () => Promise<T>): Promise<T>;
  /** Results of repeated reads, dropped by the writes that affect them (memoria.ts). */
  readonly memoria: Memoria;
  readonly trabajos: {
    /**
     * Runs background job `nombre` (jobs/registro.ts) in a worker thread with its own read-only
     * connection, with this actor, session and instant; progress and reserved files reach this context.
     */
    correr<T = unknown>(nombre: string, input: unknown): Promise<T>;
    /** Stops this session's job with that `tarea` id (waiting or running). */
    cancelar(tarea: string): boolean;
  };
}

/** The actor, for handlers whose access rule guarantees a signed-in user. */
export function actorDe(ctx: Contexto): Actor {
  if (!ctx.actor) throw new Error('Método autenticado sin actor');
  return ctx.actor;
}

const ASINCRONA = Symbol('escrituraAsincrona');

/**
 * Marks a write that must await something before writing (an async password hash, a file type check).
 * The router does not wrap it: it must do its writing in ONE `ctx.transaccion(fn)` and return what that
 * returns, so an Idempotency-Key stores exactly that result.
 */
export function escrituraAsincrona<H extends (ctx: Contexto, input: never) => Promise<unknown>>(h: H): H {
  return Object.assign(h, { [ASINCRONA]: true });
}

export function esEscrituraAsincrona(h: unknown): boolean {
  return typeof h === 'function' && (h as unknown as Record<symbol, unknown>)[ASINCRONA] === true;
}

export type Handler<M extends Method> = (
  ctx: Contexto,
  input: ParsedInput<M>,
) => z.input<Contract[M]['output']> | Promise<z.input<Contract[M]['output']>>;

export type Handlers = { [M in Method]: Handler<M> };
