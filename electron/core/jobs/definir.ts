/**
 * A background job: a function of a read-only Contexto (its own connection, in a worker thread) and a
 * plain, structured-cloneable input. Modules declare theirs in `modules/<m>/trabajos.ts`; the list the
 * worker knows is jobs/registro.ts.
 *
 *   export const correspondenciaTrabajos = {
 *     'correspondencia.exportar.asuntos': defineJob((ctx, input: FiltrosListado) => listado(ctx, input)),
 *   };
 *
 * In the job, `ctx.sqlite`/`ctx.db` are read-only, `ctx.progreso` reaches the caller, `ctx.generados`
 * reserves downloadable files for the caller's session, and `ctx.ahora()` is the instant of the request.
 * `ctx.transaccion` and `ctx.bitacora` throw: a job returns what should be written and the handler that
 * started it writes it on the request thread.
 */
import type { Method } from '../../contract';
import type { Contexto, Handler } from '../contexto';

export interface Trabajo<I = unknown, O = unknown> {
  run(ctx: Contexto, input: I): O | Promise<O>;
}

export function defineJob<I, O>(run: (ctx: Contexto, input: I) => O | Promise<O>): Trabajo<I, O> {
  return { run };
}

/**
 * The nice value of job threads (Linux; the request thread keeps 0): with both cores busy writing listados
 * and informes, a request still gets a core at once (CPU share ~9:1) and a job only takes a little longer.
 * Elsewhere Node cannot lower one thread's priority; the pool's size is the only reserve there.
 */
export const PRIORIDAD_DE_TRABAJOS = 10;

/** Messages between the request thread and a worker. */
export interface PedidoTrabajo {
  tipo: 'correr';
  id: number;
  nombre: string;
  input: unknown;
  actor: Contexto['actor'];
  sesion: string | null;
  metodo: string;
  ahora: number;
}

export interface ArchivoReservado {
  id: string;
  ruta: string;
  nombre: string;
  tipo: string;
  sesion: string | null;
}

export interface ErrorTrabajo {
  /** Set when it was an AppError (its Spanish message reaches the user as is). */
  app: boolean;
  code?: string;
  message: string;
  details?: unknown;
  stack?: string;
}

export type AvisoTrabajo =
  | { tipo: 'listo' }
  | { tipo: 'progreso'; id: number; p: { tarea: string; fraccion: number; texto: string } }
  | { tipo: 'reserva'; id: number; archivo: ArchivoReservado }
  // `retirar`: the job's thread ends after it (RETIRAN_SU_HILO) and the next job starts a fresh one.
  | ({ tipo: 'fin'; id: number; retirar: boolean } & ({ ok: true; data: unknown } | { ok: false; error: ErrorTrabajo }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Metodos = Record<string, (ctx: Contexto, input: any) => unknown>;

/** Jobs made of handlers that only read: the worker runs the very same functions. */
export function trabajosDe(metodos: Metodos): Record<string, Trabajo> {
  return Object.fromEntries(Object.entries(metodos).map(([nombre, fn]) => [nombre, defineJob(fn)]));
}

/**
 * The request-thread side of `trabajosDe`: each method hands its validated input to the job of the same
 * name. Named by string so that a service never imports its jobs' code (nor the cycles that brings).
 */
export function enSegundoPlano<M extends Method>(...metodos: M[]): { [K in M]: Handler<K> } {
  return Object.fromEntries(metodos.map((m) => [m, (ctx: Contexto, input: unknown) => ctx.trabajos.correr(m, input)])) as unknown as { [K in M]: Handler<K> };
}
