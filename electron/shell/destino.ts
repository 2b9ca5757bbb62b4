/**
 * What the window talks to, whatever the mode: the IPC handlers and the event forwarding use only this.
 * Esta computadora and Servidor de la oficina wrap the core in this process; Estación de trabajo wraps the
 * pinned connection to the office server (estacion.ts). The renderer never knows which.
 */
import type { ArchivoGenerado, Cambio, Core, OpcionesLlamada, Progreso, Resultado } from '../core/tipos';

export interface EventosDestino {
  progreso: Progreso;
  cambio: Cambio;
}

export interface Destino {
  call(method: string, input: unknown, opts: OpcionesLlamada): Promise<Resultado>;
  on<E extends keyof EventosDestino>(evento: E, cb: (d: EventosDestino[E]) => void): () => void;
  /** A generated file on this PC's disk (a station downloads it first), or null if the session may not read it. */
  archivoGenerado(id: string, sesion: string | null): Promise<ArchivoGenerado | null>;
  antesDeCerrar(): Promise<void>;
  cerrar(): Promise<void>;
}

/** The core in this process (embedded mode; also the window of the office server). */
export function destinoLocal(core: Core, alCerrar: () => Promise<void> = async () => undefined): Destino {
  return {
    call: (method, input, opts) => core.call(method, input, opts),
    on: (evento, cb) =>
      evento === 'progreso'
        ? core.on('progreso', (p) => (cb as (p: Progreso) => void)(p))
        : core.on('cambio', (c) => (cb as (c: Cambio) => void)(c)),
    archivoGenerado: async (id, sesion) => core.archivoGenerado(id, sesion),
    antesDeCerrar: () => core.antesDeCerrar(),
    // The core closes at once (will-quit does not wait; the data-directory lock must be free for the next mode).
    cerrar() {
      const servidor = alCerrar();
      core.close();
      return servidor;
    },
  };
}
