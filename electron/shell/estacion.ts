/**
 * Estación de trabajo: the main process holds the pinned HTTPS connection to the office server and
 * answers the window's calls through it. The session cookie stays here (never in the renderer); the
 * event stream (progress and change notices) is followed while signed in and reopened with backoff
 * when the server goes away; generated files are downloaded to a temp folder before saving/opening.
 * Plain Node: the tests run it against a real HTTPS server.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { clientePinned, ErrorHuella } from '../core/http/clientePinned';
import type { ArchivoGenerado, Resultado } from '../core/tipos';
import type { Destino, EventosDestino } from './destino';

export interface OpcionesEstacion {
  url: string;
  huella: string;
  /** Where downloaded files go (cleared on close). */
  carpetaTemporal: string;
  /** The server presented another certificate (the call still gets its Spanish error). */
  alCertificadoDistinto?: (e: { mensaje: string; esperada: string; recibida: string }) => void;
  tiempoMs?: number;
  /** Longest wait before reopening the event stream. */
  esperaMaximaMs?: number;
}

/** `filename*=UTF-8''…` of a Content-Disposition header. */
function nombreDe(disposicion: string | undefined): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposicion ?? '');
  try {
    return m ? decodeURIComponent(m[1]) : 'archivo';
  } catch {
    return 'archivo';
  }
}

function nombreSeguro(nombre: string): string {
  const limpio = path.basename(nombre.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').replace(/^[.\s]+/, '').trim().slice(0, 150);
  return limpio === '' ? 'archivo' : limpio;
}

export function destinoEstacion(o: OpcionesEstacion): Destino & { readonly siguiendoAvisos: boolean } {
  const cliente = clientePinned({ url: o.url, huella: o.huella, tiempoMs: o.tiempoMs });
  const avisos = new EventEmitter();
  let detener: (() => void) | null = null;
  let reintento: NodeJS.Timeout | null = null;
  let espera = 1_000;
  let cerrado = false;

  function avisarCertificado(e: ErrorHuella): void {
    o.alCertificadoDistinto?.({ mensaje: e.message, esperada: e.esperada, recibida: e.recibida });
  }

  /** Follows the server's event stream while this station has a session. */
  function seguirAvisos(): void {
    if (cerrado || detener || reintento || !cliente.conSesion) return;
    detener = cliente.eventos(
      (nombre, datos) => {
        espera = 1_000;
        if (nombre === 'progreso' || nombre === 'cambio') avisos.emit(nombre, datos);
      },
      (e) => {
        detener = null;
        if (e instanceof ErrorHuella) return avisarCertificado(e);
        if (cerrado || !cliente.conSesion) return;
        reintento = setTimeout(() => {
          reintento = null;
          seguirAvisos();
        }, espera);
        espera = Math.min(espera * 2, o.esperaMaximaMs ?? 30_000);
      },
    );
  }

  function dejarAvisos(): void {
    detener?.();
    detener = null;
    if (reintento) clearTimeout(reintento);
    reintento = null;
  }

  return {
    get siguiendoAvisos() {
      return detener !== null;
    },

    // The renderer's session id is not used: the session is the cookie this connection holds.
    async call(method, input, opts): Promise<Resultado> {
      const r = await cliente.llamar(method, input ?? {}, opts.clave ? { clave: opts.clave } : {});
      if (!r.ok && r.error.code === 'CERTIFICADO') {
        const d = r.error.details as { esperada: string; recibida: string };
        o.alCertificadoDistinto?.({ mensaje: r.error.message, esperada: d.esperada, recibida: d.recibida });
      }
      if (cliente.conSesion) seguirAvisos();
      else dejarAvisos();
      return r;
    },

    on<E extends keyof EventosDestino>(evento: E, cb: (d: EventosDestino[E]) => void) {
      avisos.on(evento, cb);
      return () => void avisos.off(evento, cb);
    },

    async archivoGenerado(id): Promise<ArchivoGenerado | null> {
      try {
        const r = await cliente.pedir('GET', `/api/descarga/${encodeURIComponent(id)}`);
        if (r.status !== 200) return null;
        const carpeta = path.join(o.carpetaTemporal, randomUUID());
        await fs.promises.mkdir(carpeta, { recursive: true });
        const nombre = nombreSeguro(nombreDe(r.headers['content-disposition'] as string | undefined));
        const ruta = path.join(carpeta, nombre);
        await fs.promises.writeFile(ruta, r.cuerpo);
        return { ruta, nombre, tipo: String(r.headers['content-type'] ?? 'application/octet-stream') };
      } catch (e) {
        if (e instanceof ErrorHuella) avisarCertificado(e);
        return null;
      }
    },

    // The server keeps its own backups.
    antesDeCerrar: async () => undefined,

    async cerrar() {
      cerrado = true;
      dejarAvisos();
      avisos.removeAllListeners();
      await fs.promises.rm(o.carpetaTemporal, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
