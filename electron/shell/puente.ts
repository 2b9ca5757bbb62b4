/**
 * What crosses the Electron bridge: channel names (shared by preload.ts and the main process) and the
 * shape of `window.sse` in the desktop app. Only type imports, so the sandboxed preload can bundle it and
 * the renderer can `import type` from it.
 */
import type { Cambio, Progreso, Resultado } from '../core/tipos';

/** The fixed set of IPC channels. Nothing else is ever sent or handled. */
export const CANAL = {
  /** renderer → main: `{ method, input, sesion }` → `Resultado` (core.call). */
  llamar: 'sse',
  /** main → renderer: progress of long jobs. */
  progreso: 'sse:progreso',
  /** main → renderer: change notices `{entidad, id}` (refetch what is on screen). */
  cambio: 'sse:cambio',
  /** renderer → main: how this PC works (Esta computadora, Servidor de la oficina, Estación de trabajo). */
  modo: 'sse:modo',
  /** renderer → main: the fingerprint a server presents now, to confirm before pairing. */
  modoHuella: 'sse:modo-huella',
  /** renderer → main: store a new mode and restart the connection. */
  modoElegir: 'sse:modo-elegir',
  imprimir: 'sse:imprimir',
  guardarComo: 'sse:guardar-como',
  abrir: 'sse:abrir',
  mostrarEnCarpeta: 'sse:mostrar-en-carpeta',
} as const;

export type Canal = (typeof CANAL)[keyof typeof CANAL];

export interface Llamada {
  method: string;
  input: unknown;
  sesion: string | null;
  /** Idempotency-Key of the submit (reused when the same submit is sent again). */
  clave?: string | null;
}

export interface ResultadoGuardar {
  guardado: boolean;
  /** Where the copy was written, when `guardado`. */
  ruta?: string;
  /** Why nothing was saved, in Spanish; absent when the user simply cancelled. */
  motivo?: string;
}

export interface ResultadoAbrir {
  abierto: boolean;
  motivo?: string;
}

export interface ResultadoMostrar {
  mostrado: boolean;
  motivo?: string;
}

export interface SseEscritorio {
  /** Opens the system print dialog for the current page. */
  imprimir(): Promise<void>;
  /** "Guardar como…" for a generated report / stored file. */
  guardarComo(archivoId: string, sesion: string | null): Promise<ResultadoGuardar>;
  /** Opens the file with the system's default application (only document and image types). */
  abrir(archivoId: string, sesion: string | null): Promise<ResultadoAbrir>;
  /** Shows the file in the system file manager. */
  mostrarEnCarpeta(archivoId: string, sesion: string | null): Promise<ResultadoMostrar>;
}

/** local: Esta computadora (embedded core) · servidor: Servidor de la oficina · estacion: Estación de trabajo. */
export type Modo = 'local' | 'servidor' | 'estacion';

/** What the renderer learns about this PC's mode. */
export interface InfoModo {
  /** null on first run: ask. */
  modo: Modo | null;
  /** Servidor de la oficina, once serving: what stations type and the fingerprint they confirm. */
  servidor?: { direccion: string; puerto: number; huella: string };
  /** Estación de trabajo: the server and the pinned fingerprint. */
  estacion?: { url: string; huella: string };
  /** The server presented another certificate: nothing was sent; an administrator must pair again. */
  problema?: { mensaje: string; esperada: string; recibida: string };
}

export interface EleccionModo {
  modo: Modo;
  /** Servidor de la oficina: port to listen on (8443 by default). */
  puerto?: number;
  /** Estación de trabajo: the server's address and the fingerprint the person confirmed. */
  url?: string;
  huella?: string;
  /** Pairing again with a server whose certificate changed: an administrator of that server signs in. */
  administrador?: { usuario: string; contrasena: string };
}

export type RespuestaModo = { ok: true } | { ok: false; motivo: string };
export type RespuestaHuella = { ok: true; url: string; huella: string } | { ok: false; motivo: string };

export interface SseModo {
  obtener(): Promise<InfoModo>;
  huella(url: string): Promise<RespuestaHuella>;
  /** Stores the choice and restarts the connection; the window then reloads. */
  elegir(e: EleccionModo): Promise<RespuestaModo>;
}

/** `window.sse` in the desktop app. */
export interface SseApi {
  call(method: string, input?: unknown, sesion?: string | null, clave?: string | null): Promise<Resultado>;
  on(evento: 'progreso', cb: (p: Progreso) => void): () => void;
  on(evento: 'cambio', cb: (c: Cambio) => void): () => void;
  desktop: SseEscritorio;
  modo: SseModo;
}
