/**
 * What crosses the Electron bridge: channel names (shared by preload.ts and the main process) and the
 * shape of `window.sse` in the desktop app. Only type imports, so the sandboxed preload can bundle it and
 * the renderer can `import type` from it.
 */
import type { Progreso, Resultado } from '../core/tipos';

/** The fixed set of IPC channels. Nothing else is ever sent or handled. */
export const CANAL = {
  /** renderer → main: `{ method, input, sesion }` → `Resultado` (core.call). */
  llamar: 'sse',
  /** main → renderer: progress of long jobs. */
  progreso: 'sse:progreso',
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

/** `window.sse` in the desktop app. */
export interface SseApi {
  call(method: string, input?: unknown, sesion?: string | null, clave?: string | null): Promise<Resultado>;
  on(evento: 'progreso', cb: (p: Progreso) => void): () => void;
  desktop: SseEscritorio;
}
