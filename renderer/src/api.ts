/**
 * The one way the renderer talks to the core: `window.sse` in the desktop app, HTTP in browser mode.
 * Typed from the contract; failures arrive as ErrorApi carrying the core's Spanish message.
 */
import type { Cambio, Input, Method, Output, Progreso, Resultado } from '../../electron/contract';
import type { InfoModo, SseApi, SseModo } from '../../electron/shell/puente';

declare global {
  interface Window {
    sse?: SseApi;
  }
}

export type { Cambio, Progreso };

export interface InfoError {
  code: string;
  message: string;
  details?: unknown;
}

export class ErrorApi extends Error implements InfoError {
  readonly code: string;
  readonly details?: unknown;
  constructor(info: InfoError) {
    super(info.message);
    this.code = info.code;
    this.details = info.details;
  }
  /** The message for a form field, when the core named one. */
  campo(nombre: string): string | undefined {
    const d = this.details;
    if (Array.isArray(d)) return d.find((x) => x?.campo === nombre)?.mensaje;
    if (d && typeof d === 'object' && (d as { campo?: string }).campo === nombre) return this.message;
    return undefined;
  }
}

const CLAVE_TOKEN = 'sse.token';
const CLAVE_SESION = 'sse.sesion';

/** Browser mode: the per-run token arrives once in the URL; keep it for this tab and clean the address bar. */
function tokenDeTransporte(): string | null {
  const url = new URL(window.location.href);
  const enUrl = url.searchParams.get('token');
  if (enUrl) {
    sessionStorage.setItem(CLAVE_TOKEN, enUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(CLAVE_TOKEN);
}

/**
 * Office network in a browser: the page came over HTTPS from the office server. No token; the session
 * is an HttpOnly cookie the server sets, so `sesion` here only remembers that this tab signed in.
 */
export const enRed = typeof window !== 'undefined' && !window.sse && window.location.protocol === 'https:';
const token = typeof window !== 'undefined' && !window.sse && !enRed ? tokenDeTransporte() : null;
let sesion: string | null = typeof sessionStorage !== 'undefined' ? sessionStorage.getItem(CLAVE_SESION) : null;
const escuchasSesion = new Set<(e: ErrorApi) => void>();

function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * One Idempotency-Key per submit: the same method with the same data sent again while the first is still
 * on its way (a double Ctrl+Enter, a second click) reuses the key, so the core answers the repeat with the
 * first result instead of writing twice; retries after a lost connection keep it too (porHttp). Once the
 * answer arrives the next call gets a new key: doing A, B and A again on purpose is three writes.
 * Reads carry one too; the core ignores it.
 */
const enVuelo = new Map<string, { clave: string; pendientes: number }>();
async function conClave<T>(metodo: string, cuerpo: string, enviar: (clave: string) => Promise<T>): Promise<T> {
  if (cuerpo.length > 1_000_000) return enviar(uuid());
  const firma = `${metodo}\0${cuerpo}`;
  const previa = enVuelo.get(firma) ?? { clave: uuid(), pendientes: 0 };
  previa.pendientes++;
  enVuelo.set(firma, previa);
  try {
    return await enviar(previa.clave);
  } finally {
    if (--previa.pendientes === 0) enVuelo.delete(firma);
  }
}

/** Connection to the server: lost connections are retried with backoff and the same key (nothing lost, nothing twice). */
export type EstadoConexion = 'conectado' | 'sinConexion';
let conexion: EstadoConexion = 'conectado';
const escuchasConexion = new Set<(e: EstadoConexion) => void>();
function ponerConexion(e: EstadoConexion): void {
  if (e === conexion) return;
  conexion = e;
  for (const f of escuchasConexion) f(e);
}
const esperar = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function porHttp(metodo: string, cuerpo: string, clave: string): Promise<Resultado> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': clave };
  if (enRed) headers['X-SSE-Solicitud'] = '1';
  else {
    headers['X-SSE-Token'] = token ?? '';
    if (sesion) headers['X-SSE-Sesion'] = sesion;
  }
  for (let intento = 0; ; intento++) {
    try {
      const res = await fetch(`api/${metodo}`, { method: 'POST', headers, body: cuerpo, credentials: 'same-origin' });
      const r = (await res.json().catch(() => null)) as Resultado | null;
      if (r && !(res.status === 503 && !r.ok && r.error.code === 'OCUPADO')) {
        ponerConexion('conectado');
        return r;
      }
      if (!r && res.status < 500) return { ok: false, error: { code: 'PETICION', message: `El servidor respondió ${res.status} sin datos válidos.` } };
    } catch {
      // Network down or server restarting: keep the submit and try again.
    }
    ponerConexion('sinConexion');
    await esperar(Math.min(10_000, 500 * 2 ** intento));
  }
}

/** Desktop app: a station whose server is unreachable answers SIN_CONEXION; retry like porHttp, same key. */
async function porIpc(sse: SseApi, metodo: string, input: unknown, clave: string): Promise<Resultado> {
  for (let intento = 0; ; intento++) {
    const r = await sse.call(metodo, input, sesion, clave);
    if (r.ok || r.error.code !== 'SIN_CONEXION') {
      ponerConexion('conectado');
      return r;
    }
    ponerConexion('sinConexion');
    await esperar(Math.min(10_000, 500 * 2 ** intento));
  }
}

async function transportar(metodo: string, input: unknown): Promise<Resultado> {
  const cuerpo = JSON.stringify(input ?? {});
  return conClave(metodo, cuerpo, (clave) => (window.sse ? porIpc(window.sse, metodo, input, clave) : porHttp(metodo, cuerpo, clave)));
}

/** One event stream per tab, shared by progress and change notices; the browser reconnects it by itself. */
let fuente: EventSource | null = null;
function eventos(): EventSource {
  fuente ??= new EventSource(enRed ? 'api/eventos' : `api/eventos?token=${encodeURIComponent(token ?? '')}`, { withCredentials: true });
  return fuente;
}

let infoModo: Promise<InfoModo | null> | null = null;

export const api = {
  /** Calls a contract method; resolves with its data or rejects with an ErrorApi. */
  async llamar<M extends Method>(metodo: M, input: Input<M>): Promise<Output<M>> {
    const r = await transportar(metodo, input);
    if (r.ok) return r.data as Output<M>;
    const e = new ErrorApi(r.error);
    if (e.code === 'NO_AUTENTICADO' || e.code === 'SESION_BLOQUEADA') for (const f of escuchasSesion) f(e);
    throw e;
  },

  get sesion(): string | null {
    return sesion;
  },
  set sesion(valor: string | null) {
    sesion = valor;
    if (valor) sessionStorage.setItem(CLAVE_SESION, valor);
    else sessionStorage.removeItem(CLAVE_SESION);
  },

  /** Called when the core says the session ended or locked, so the shell can ask again. */
  alPerderSesion(cb: (e: ErrorApi) => void): () => void {
    escuchasSesion.add(cb);
    return () => escuchasSesion.delete(cb);
  },

  /** Progress of long jobs (exports, reports). */
  alProgresar(cb: (p: Progreso) => void): () => void {
    if (window.sse) return window.sse.on('progreso', cb);
    const f = (ev: Event) => cb(JSON.parse((ev as MessageEvent).data) as Progreso);
    eventos().addEventListener('progreso', f);
    return () => eventos().removeEventListener('progreso', f);
  },

  /** Another user (or this one, elsewhere) changed data: refetch what is on screen. */
  alCambiar(cb: (c: Cambio) => void): () => void {
    if (window.sse) return window.sse.on('cambio', cb);
    const f = (ev: Event) => cb(JSON.parse((ev as MessageEvent).data) as Cambio);
    eventos().addEventListener('cambio', f);
    return () => eventos().removeEventListener('cambio', f);
  },

  get conexion(): EstadoConexion {
    return conexion;
  },
  alCambiarConexion(cb: (e: EstadoConexion) => void): () => void {
    escuchasConexion.add(cb);
    return () => escuchasConexion.delete(cb);
  },

  /** Which server this tab talks to, for the header (the desktop app learns its mode with `infoModo`). */
  servidor: typeof window !== 'undefined' ? (window.sse ? 'Esta computadora' : enRed ? window.location.host : 'Esta computadora (modo navegador)') : '',

  /** Desktop app only: how this PC works and how to change it (null in a browser: the mode is the server's). */
  modo: (typeof window !== 'undefined' ? (window.sse?.modo ?? null) : null) as SseModo | null,

  /** The desktop app's mode, asked once per window. */
  infoModo(): Promise<InfoModo | null> {
    infoModo ??= window.sse?.modo ? window.sse.modo.obtener() : Promise.resolve(null);
    return infoModo;
  },

  escritorio: typeof window !== 'undefined' ? (window.sse?.desktop ?? null) : null,

  /** Browser-mode address of a generated file (PDF preview or download). */
  urlDeArchivo(archivoId: string, opciones: { enLinea?: boolean } = {}): string {
    // Over the network the session cookie authenticates the download: nothing secret in the address.
    const q = enRed ? new URLSearchParams() : new URLSearchParams({ token: token ?? '', sesion: sesion ?? '' });
    if (opciones.enLinea) q.set('inline', '1');
    return `api/descarga/${encodeURIComponent(archivoId)}?${q}`;
  },

  /** Save a generated file: the desktop's "Guardar como…" dialog, or the browser's download. */
  async descargar(archivoId: string, nombre: string): Promise<void> {
    if (window.sse) {
      await window.sse.desktop.guardarComo(archivoId, sesion);
      return;
    }
    const a = document.createElement('a');
    a.href = api.urlDeArchivo(archivoId);
    a.download = nombre;
    document.body.append(a);
    a.click();
    a.remove();
  },

  /** Opens a generated PDF to read or print it. */
  abrir(archivoId: string): void {
    if (window.sse) void window.sse.desktop.abrir(archivoId, sesion);
    else window.open(api.urlDeArchivo(archivoId, { enLinea: true }), '_blank', 'noopener');
  },

  /** The system print dialog (desktop) or the browser's. */
  imprimir(): void {
    if (window.sse) void window.sse.desktop.imprimir();
    else window.print();
  },
};
