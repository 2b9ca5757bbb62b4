/**
 * Preload (runs sandboxed, bundled to CJS): exposes only `window.sse` to the renderer.
 * No Node APIs, no raw ipcRenderer: a fixed set of channels, arguments checked before they leave.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Cambio, Progreso, Resultado } from './core/tipos';
import { CANAL, type EleccionModo, type SseApi } from './shell/puente';

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
    on(evento: 'progreso' | 'cambio', cb: ((p: Progreso) => void) | ((c: Cambio) => void)): () => void {
      if ((evento !== 'progreso' && evento !== 'cambio') || typeof cb !== 'function') {
        throw new TypeError(`Evento desconocido: ${String(evento)}`);
      }
      const canal = evento === 'progreso' ? CANAL.progreso : CANAL.cambio;
      // Never hand the IpcRendererEvent (it carries `sender`) to the page.
      const escucha = (_e: IpcRendererEvent, d: unknown) => (cb as (d: unknown) => void)(d);
      ipc.on(canal, escucha);
      return () => {
        ipc.removeListener(canal, escucha);
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
    modo: {
      obtener: () => ipc.invoke(CANAL.modo),
      huella: (url: string) => ipc.invoke(CANAL.modoHuella, typeof url === 'string' ? url.slice(0, 300) : ''),
      elegir(e: EleccionModo) {
        const texto = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : undefined);
        const admin = e?.administrador;
        return ipc.invoke(CANAL.modoElegir, {
          modo: texto(e?.modo, 20),
          puerto: typeof e?.puerto === 'number' ? e.puerto : undefined,
          url: texto(e?.url, 300),
          huella: texto(e?.huella, 200),
          administrador: admin ? { usuario: texto(admin.usuario, 40) ?? '', contrasena: texto(admin.contrasena, 200) ?? '' } : undefined,
        });
      },
    },
  };
}

contextBridge.exposeInMainWorld('sse', crearApi(ipcRenderer));
