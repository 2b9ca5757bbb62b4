/**
 * The job runner of the request thread: a small pool of worker threads (jobs/worker.ts), started on
 * first use, each running one job at a time; jobs wait in order when all are busy. Progress and the
 * files a job reserves reach the caller's Contexto; `cancelar` drops a waiting job or stops the
 * thread running it (a synchronous loop cannot be interrupted otherwise) and removes its files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { Contexto } from '../contexto';
import type { ArchivoReservado, AvisoTrabajo, ErrorTrabajo, PedidoTrabajo } from './definir';
import type { DatosWorker } from './worker';

export interface OpcionesTrabajos extends DatosWorker {
  /** Threads running jobs at the same time (default: 2, or cores − 1 when there are more than 3). */
  enParalelo?: number;
}

interface Pendiente {
  pedido: PedidoTrabajo;
  tarea: string | null;
  ctx: Contexto;
  reservados: ArchivoReservado[];
  resolver(v: unknown): void;
  rechazar(e: unknown): void;
}

interface Hilo {
  worker: Worker;
  actual: Pendiente | null;
}

/**
 * Where the worker's code is: next to the bundle in Electron; from the sources (tsx scripts, browser mode,
 * vitest), the built bundle `dist/electron/trabajos.cjs` when it is newer than every source file — a
 * thread then starts in a blink instead of compiling the whole core again —, the TypeScript sources
 * through tsx otherwise (arranque.mjs). Decided once per process.
 */
let entradaElegida: URL | null = null;
function entrada(): URL {
  const aqui = import.meta.url;
  if (aqui.endsWith('.cjs')) return new URL('./trabajos.cjs', aqui);
  return (entradaElegida ??= paqueteAlDia(new URL('../../../', aqui)) ?? new URL('./arranque.mjs', aqui));
}

function paqueteAlDia(raiz: URL): URL | null {
  const paquete = new URL('dist/electron/trabajos.cjs', raiz);
  let construido: number;
  try {
    construido = fs.statSync(paquete).mtimeMs;
  } catch {
    return null;
  }
  const masNuevo = (dir: string): boolean => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const ruta = path.join(dir, e.name);
      if (e.isDirectory() ? masNuevo(ruta) : /\.(ts|mjs|sql)$/.test(e.name) && fs.statSync(ruta).mtimeMs > construido) return true;
    }
    return false;
  };
  const fuentes = ['electron', 'db'].map((d) => fileURLToPath(new URL(d, raiz)));
  return fuentes.some((d) => fs.existsSync(d) && masNuevo(d)) ? null : paquete;
}

/**
 * A worker inherits its parent's Node flags, and a parent run by tsx (`tsx …`, `node --import tsx …`: the
 * benches, the CLIs, browser mode) would load tsx and its loader hooks into a thread running the built
 * bundle too: measured, a fresh thread took ~330 MB more (467 vs 135 MB) and the 100k listado peaked at
 * 640 MB instead of ~360 MB. The bundle is plain CommonJS: its threads get the parent's flags without tsx's.
 */
export function sinTsx(argv: readonly string[]): string[] {
  const conValor = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);
  const fuera: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (conValor.has(a) && /tsx/.test(argv[i + 1] ?? '')) i++;
    else if (!(/^--[\w-]+=/.test(a) && conValor.has(a.slice(0, a.indexOf('='))) && /tsx/.test(a))) fuera.push(a);
  }
  return fuera;
}

function reconstruir(e: ErrorTrabajo): Error {
  if (e.app) return new AppError(e.code as AppError['code'], e.message, e.details);
  const err = new Error(e.message) as Error & { code?: string };
  if (e.code) err.code = e.code;
  if (e.stack) err.stack = e.stack;
  return err;
}

export class Trabajos {
  private readonly cola: Pendiente[] = [];
  private readonly hilos: Hilo[] = [];
  private readonly maximo: number;
  private siguiente = 1;
  private cerrado = false;

  constructor(private readonly opciones: OpcionesTrabajos) {
    const nucleos = os.availableParallelism?.() ?? os.cpus().length;
    this.maximo = Math.max(1, opciones.enParalelo ?? (nucleos > 3 ? nucleos - 1 : 2));
  }

  /** Runs job `nombre` in a worker with the caller's actor, session and instant; resolves with its result. */
  correr<T>(nombre: string, input: unknown, ctx: Contexto): Promise<T> {
    if (this.cerrado) return Promise.reject(new Error('El ejecutor de trabajos está cerrado.'));
    const tarea = typeof (input as { tarea?: unknown })?.tarea === 'string' ? (input as { tarea: string }).tarea : null;
    return new Promise<T>((resolver, rechazar) => {
      const p: Pendiente = {
        pedido: { tipo: 'correr', id: this.siguiente++, nombre, input, actor: ctx.actor, sesion: ctx.sesion, metodo: ctx.metodo, ahora: ctx.ahora() },
        tarea,
        ctx,
        reservados: [],
        resolver: resolver as (v: unknown) => void,
        rechazar,
      };
      this.cola.push(p);
      this.despachar();
      // Every thread is busy with someone's job: the person sees why theirs has not started.
      if (tarea && this.cola.includes(p)) ctx.progreso({ tarea, fraccion: 0, texto: 'En espera: hay otros trabajos en curso; empieza en cuanto termine uno.' });
    });
  }

  /** Cancels the job with this `tarea` id started by this session. Returns whether there was one. */
  cancelar(tarea: string, sesion: string | null): boolean {
    const es = (p: Pendiente | null) => !!p && p.tarea === tarea && p.pedido.sesion === sesion;
    const enCola = this.cola.findIndex(es);
    if (enCola >= 0) {
      const [p] = this.cola.splice(enCola, 1);
      p.rechazar(new AppError('CANCELADO', 'Se canceló la tarea; no se generó ningún archivo.'));
      return true;
    }
    const hilo = this.hilos.find((h) => es(h.actual));
    if (!hilo) return false;
    const p = hilo.actual!;
    this.retirar(hilo);
    void hilo.worker.terminate().then(() => borrarArchivos(p.reservados));
    p.rechazar(new AppError('CANCELADO', 'Se canceló la tarea; no se generó ningún archivo.'));
    this.despachar();
    return true;
  }

  /** Jobs waiting or running (for tests and the load bench). */
  get ocupados(): number {
    return this.cola.length + this.hilos.filter((h) => h.actual).length;
  }

  async cerrar(): Promise<void> {
    this.cerrado = true;
    for (const p of this.cola.splice(0)) p.rechazar(new AppError('CANCELADO', 'La aplicación se está cerrando; la tarea no terminó.'));
    await Promise.all(
      this.hilos.splice(0).map((h) => {
        h.actual?.rechazar(new AppError('CANCELADO', 'La aplicación se está cerrando; la tarea no terminó.'));
        return h.worker.terminate();
      }),
    );
  }

  private despachar(): void {
    while (this.cola.length) {
      let hilo = this.hilos.find((h) => !h.actual);
      if (!hilo) {
        if (this.hilos.length >= this.maximo) return;
        hilo = this.iniciar();
      }
      const p = this.cola.shift()!;
      hilo.actual = p;
      hilo.worker.ref();
      hilo.worker.postMessage(p.pedido);
    }
  }

  private iniciar(): Hilo {
    const url = entrada();
    const { archivo, dataDir, appRoot, nativeBinding } = this.opciones;
    const datos: DatosWorker = { archivo, dataDir, appRoot, nativeBinding };
    // Only when tsx is there to drop: any other inherited flag stays as Node passes it.
    const execArgv = url.pathname.endsWith('.cjs') ? sinTsx(process.execArgv) : process.execArgv;
    // A young generation of 16 MB (V8 lets a thread's grow to 48): a job's garbage is short-lived rows,
    // collected more often at no measurable cost, and two busy job threads weigh ~40 MB less on the server.
    const worker = new Worker(url, { workerData: datos, name: 'trabajos', resourceLimits: { maxYoungGenerationSizeMb: 16 }, ...(execArgv.length !== process.execArgv.length ? { execArgv } : {}) });
    const hilo: Hilo = { worker, actual: null };
    worker.on('message', (m: AvisoTrabajo) => this.aviso(hilo, m));
    const caido = (e: unknown) => {
      if (!this.hilos.includes(hilo)) return;
      this.retirar(hilo);
      hilo.actual?.rechazar(e instanceof Error ? e : new Error(`El hilo de trabajos terminó (${String(e)})`));
      this.despachar();
    };
    worker.on('error', caido);
    worker.on('exit', (code) => caido(new Error(`El hilo de trabajos terminó con código ${code}`)));
    this.hilos.push(hilo);
    return hilo;
  }

  private aviso(hilo: Hilo, m: AvisoTrabajo): void {
    const p = hilo.actual;
    if (m.tipo === 'listo' || !p || m.id !== p.pedido.id) return;
    if (m.tipo === 'progreso') p.ctx.progreso(m.p);
    else if (m.tipo === 'reserva') {
      p.reservados.push(m.archivo);
      const { id, ...r } = m.archivo;
      p.ctx.generados.adoptar(id, r);
    } else {
      hilo.actual = null;
      hilo.worker.unref();
      if (m.retirar) {
        this.retirar(hilo);
        void hilo.worker.terminate();
      }
      if (m.ok) p.resolver(m.data);
      else p.rechazar(reconstruir(m.error));
      this.despachar();
    }
  }

  private retirar(hilo: Hilo): void {
    const i = this.hilos.indexOf(hilo);
    if (i >= 0) this.hilos.splice(i, 1);
  }
}

/** A stopped job's files: the reserved name and the temporary files written next to it. */
function borrarArchivos(reservados: ArchivoReservado[]): void {
  for (const r of reservados) {
    const dir = path.dirname(r.ruta);
    const base = path.basename(r.ruta);
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (f === base || (f.startsWith(`${base}.`) && f.endsWith('.tmp'))) fs.rmSync(path.join(dir, f), { force: true });
    }
  }
}
