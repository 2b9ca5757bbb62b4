/** IPC handlers: one channel for the API, four for desktop actions; every sender is validated first. */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Core, Resultado } from '../core/tipos';
import type { NucleoArchivos } from './dialogos';
import * as dialogos from './dialogos';
import { CANAL, type Llamada } from './puente';
import { isTrustedSender } from './seguridad';

export const RECHAZADO: Resultado = {
  ok: false,
  error: {
    code: 'PROHIBIDO',
    message: 'Solicitud rechazada: no proviene de la ventana de la aplicación.',
  },
};

const INVALIDA: Resultado = {
  ok: false,
  error: { code: 'PETICION', message: 'La solicitud no es válida.' },
};

const METODO = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;

/** `{ method, input, sesion }` as sent by the preload, or null if malformed. */
export function validarLlamada(datos: unknown): Llamada | null {
  if (typeof datos !== 'object' || datos === null || Array.isArray(datos)) return null;
  const { method, input, sesion, clave } = datos as Record<string, unknown>;
  if (typeof method !== 'string' || !METODO.test(method)) return null;
  if (sesion !== undefined && sesion !== null && (typeof sesion !== 'string' || sesion.length > 500)) return null;
  if (clave !== undefined && clave !== null && (typeof clave !== 'string' || clave.length > 100)) return null;
  return {
    method, input: input === undefined ? null : input, sesion: typeof sesion === 'string' && sesion ? sesion : null,
    clave: typeof clave === 'string' && clave ? clave : null,
  };
}

function idArchivo(valor: unknown): string | null {
  return typeof valor === 'string' && valor.length > 0 && valor.length <= 200 ? valor : null;
}

function sesionDe(valor: unknown): string | null {
  return typeof valor === 'string' && valor.length > 0 && valor.length <= 500 ? valor : null;
}

class SolicitudRechazada extends Error {
  constructor() {
    super('Solicitud rechazada: no proviene de la ventana de la aplicación.');
    this.name = 'SolicitudRechazada';
  }
}

function exigirConfianza(event: IpcMainInvokeEvent): void {
  if (!isTrustedSender(event)) throw new SolicitudRechazada();
}

export async function atenderLlamada(core: Pick<Core, 'call'>, event: IpcMainInvokeEvent, datos: unknown): Promise<Resultado> {
  if (!isTrustedSender(event)) return RECHAZADO;
  const llamada = validarLlamada(datos);
  if (!llamada) return INVALIDA;
  try {
    return await core.call(llamada.method, llamada.input, { sesion: llamada.sesion, clave: llamada.clave });
  } catch {
    // core.call never throws by contract; if it ever does, the page still gets a result.
    return { ok: false, error: { code: 'INTERNO', message: 'Ocurrió un error inesperado. Inténtelo de nuevo.' } };
  }
}

/** Registers every handler; returns the function that removes them. `core` is the core or whatever stands for it (shell/destino.ts). */
export function registrarIpc(core: Pick<Core, 'call'> & NucleoArchivos): () => void {
  ipcMain.handle(CANAL.llamar, (event, datos: unknown) => atenderLlamada(core, event, datos));

  ipcMain.handle(CANAL.imprimir, async (event) => {
    exigirConfianza(event);
    await dialogos.imprimir(event.sender);
  });

  ipcMain.handle(CANAL.guardarComo, async (event, archivoId: unknown, sesion: unknown) => {
    exigirConfianza(event);
    const id = idArchivo(archivoId);
    if (!id) return { guardado: false, motivo: 'La solicitud no es válida.' };
    return dialogos.guardarComo(core, id, sesionDe(sesion), BrowserWindow.fromWebContents(event.sender));
  });

  ipcMain.handle(CANAL.abrir, async (event, archivoId: unknown, sesion: unknown) => {
    exigirConfianza(event);
    const id = idArchivo(archivoId);
    if (!id) return { abierto: false, motivo: 'La solicitud no es válida.' };
    return dialogos.abrir(core, id, sesionDe(sesion));
  });

  ipcMain.handle(CANAL.mostrarEnCarpeta, async (event, archivoId: unknown, sesion: unknown) => {
    exigirConfianza(event);
    const id = idArchivo(archivoId);
    if (!id) return { mostrado: false, motivo: 'La solicitud no es válida.' };
    return dialogos.mostrarEnCarpeta(core, id, sesionDe(sesion));
  });

  return () => {
    for (const canal of [CANAL.llamar, CANAL.imprimir, CANAL.guardarComo, CANAL.abrir, CANAL.mostrarEnCarpeta]) {
      ipcMain.removeHandler(canal);
    }
  };
}
