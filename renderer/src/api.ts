/**
 * The one way the renderer talks to the core: `window.sse` in the desktop app, HTTP in browser mode.
 * Typed from the contract; failures arrive as ErrorApi carrying the core's Spanish message.
 */
import type { Input, Method, Output, Progreso, Resultado } from '../../electron/contract';
import type { SseApi } from '../../electron/shell/puente';

declare global {
  interface Window {
    sse?: SseApi;
  }
}

export type { Progreso };

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

const token = typeof window !== 'undefined' && !window.sse ? tokenDeTransporte() : null;
let sesion: string | null = typeof sessionStorage !== 'undefined' ? sessionStorage.getItem(CLAVE_SESION) : null;
const escuchasSesion = new Set<(e: ErrorApi) => void>();

async function transportar(metodo: string, input: unknown): Promise<Resultado> {
  if (window.sse) return window.sse.call(metodo, input, sesion);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-SSE-Token': token ?? '' };
  if (sesion) headers['X-SSE-Sesion'] = sesion;
  let res: Response;
  try {
    res = await fetch(`api/${metodo}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  } catch {
    return { ok: false, error: { code: 'PETICION', message: 'No hay conexión con el servidor local. ¿Sigue abierto «npm start»?' } };
  }
  try {
    return (await res.json()) as Resultado;
  } catch {
    return { ok: false, error: { code: 'PETICION', message: `El servidor local respondió ${res.status} sin datos válidos.` } };
  }
}

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
    const fuente = new EventSource(`api/eventos?token=${encodeURIComponent(token ?? '')}`);
    fuente.addEventListener('progreso', (ev) => cb(JSON.parse((ev as MessageEvent).data) as Progreso));
    return () => fuente.close();
  },

  escritorio: typeof window !== 'undefined' ? (window.sse?.desktop ?? null) : null,

  /** Browser-mode address of a generated file (PDF preview or download). */
  urlDeArchivo(archivoId: string, opciones: { enLinea?: boolean } = {}): string {
    const q = new URLSearchParams({ token: token ?? '', sesion: sesion ?? '' });
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
