/**
 * Preload (runs sandboxed, bundled to CJS): exposes only `window.sse` to the renderer.
 * No Node APIs, no raw ipcRenderer: a fixed set of channels, arguments checked before they leave.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Progreso, Resultado } from './core/tipos';
import { CANAL, type SseApi } from './shell/puente';

function texto(valor: unknown, nombre: string): string {
  if (typeof valor !== 'string' || valor.length === 0 || valor.length > 200) {
    throw new TypeError(`${nombre} no es válido.`);
  }
  return valor;
}

function sesionValida(sesion: unknown): string | null {
  return typeof sesion === 'string' && sesion.length > 0 ? sesion : null;
}

export function crearApi(ipc: Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>): SseApi {
  return {
    // Like core.call, never throws: a bad method name comes back as an error result.
    async call(method: string, input?: unknown, sesion?: string | null, clave?: string | null): Promise<Resultado> {
      if (typeof method !== 'string' || method.length === 0 || method.length > 200) {
        return { ok: false, error: { code: 'PETICION', message: 'La solicitud no es válida.' } };
      }
      return ipc.invoke(CANAL.llamar, {
        method,
        input: input === undefined ? null : input,
        sesion: sesionValida(sesion),
        clave: typeof clave === 'string' && clave.length <= 100 ? clave : null,
      });
    },
    on(evento: 'progreso', cb: (p: Progreso) => void): () => void {
      if (evento !== 'progreso' || typeof cb !== 'function') {
        throw new TypeError(`Evento desconocido: ${String(evento)}`);
      }
      // Never hand the IpcRendererEvent (it carries `sender`) to the page.
      const escucha = (_e: IpcRendererEvent, p: Progreso) => cb(p);
      ipc.on(CANAL.progreso, escucha);
      return () => {
        ipc.removeListener(CANAL.progreso, escucha);
      };
    },
    desktop: {
      async imprimir() {
        await ipc.invoke(CANAL.imprimir);
      },
      async guardarComo(archivoId: string, sesion: string | null) {
        return ipc.invoke(CANAL.guardarComo, texto(archivoId, 'El archivo'), sesionValida(sesion));
      },
      async abrir(archivoId: string, sesion: string | null) {
        return ipc.invoke(CANAL.abrir, texto(archivoId, 'El archivo'), sesionValida(sesion));
      },
      async mostrarEnCarpeta(archivoId: string, sesion: string | null) {
        return ipc.invoke(CANAL.mostrarEnCarpeta, texto(archivoId, 'El archivo'), sesionValida(sesion));
      },
    },
  };
}

contextBridge.exposeInMainWorld('sse', crearApi(ipcRenderer));
