/**
 * The shell's connection, per the mode stored for this PC (modo.ts):
 *  - local (Esta computadora): the core in this process;
 *  - servidor (Servidor de la oficina): the same core, also served to the LAN over HTTPS by the very
 *    function `npm run servidor` uses; this window keeps talking to the core directly;
 *  - estacion (Estación de trabajo): the pinned HTTPS connection to the office server (estacion.ts).
 * With no stored mode (first run) nothing is opened and the window asks. Changing the mode stops the
 * current connection and starts the new one; the window then reloads. A changed server certificate is
 * never accepted silently: pairing with a different fingerprint needs an administrator of that server.
 */
import { ipcMain } from 'electron';
import { clientePinned, huellaDelServidor } from '../core/http/clientePinned';
import { iniciarServidorOficina, PUERTO_OFICINA } from '../core/http/oficina';
import type { Core, OpcionesLlamada, Resultado } from '../core/tipos';
import { destinoLocal, type Destino } from './destino';
import { destinoEstacion } from './estacion';
import { guardarModo, leerModo, normalizarDireccion, normalizarHuella, type ConfigModo } from './modo';
import { CANAL, type EleccionModo, type InfoModo, type RespuestaHuella, type RespuestaModo } from './puente';
import { isTrustedSender } from './seguridad';

export interface DependenciasConexion {
  /** Folder of this PC's settings (userData): the mode file lives there. */
  carpetaConfig: string;
  /** Opens the core on this PC's data directory (embedded and office-server modes: the lock names the mode). */
  abrirCore(modo: 'local' | 'servidor'): Promise<Core>;
  /** dist/renderer, served to browsers by the office server. */
  staticDir: string;
  /** Downloads of a station. */
  carpetaTemporal: string;
  /** Sends an event to the window. */
  enviar(canal: string, datos: unknown): void;
  /** A warning the person must see now (a changed certificate). */
  advertir(titulo: string, texto: string): void;
  /** First run without asking: an existing installation or an explicit data folder stays embedded. */
  modoPorDefecto?: ConfigModo | null;
  /** Time to reach a server when probing its fingerprint. */
  tiempoSondeoMs?: number;
}

export const SIN_MODO: Resultado = {
  ok: false,
  error: { code: 'PETICION', message: 'Elija primero cómo trabajará este equipo (Esta computadora, Servidor de la oficina o Estación de trabajo).' },
};

/** Spanish text for a server that could not start. */
function motivoServidor(e: unknown, puerto: number): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `El puerto ${puerto} ya está en uso en este equipo (¿otro servidor abierto?). Elija otro puerto o cierre el otro programa.`;
  if (code === 'EACCES') return `Este equipo no permite escuchar en el puerto ${puerto}. Elija un puerto mayor que 1024.`;
  return e instanceof Error ? e.message : String(e);
}

export function crearConexion(d: DependenciasConexion) {
  let config: ConfigModo | null = leerModo(d.carpetaConfig) ?? d.modoPorDefecto ?? null;
  let destino: Destino | null = null;
  let info: InfoModo = { modo: null };
  let sondeo: Promise<void> = Promise.resolve();
  let quitarEventos: () => void = () => undefined;
  let advertido = false;

  function certificadoDistinto(p: { mensaje: string; esperada: string; recibida: string }): void {
    info = { ...info, problema: p };
    if (advertido) return;
    advertido = true;
    d.advertir('El servidor presentó otro certificado', p.mensaje);
  }

  async function arrancarModo(c: ConfigModo): Promise<void> {
    let nuevo: Destino;
    let nuevaInfo: InfoModo = { modo: c.modo };
    if (c.modo === 'estacion' && c.estacion) {
      const { url, huella } = c.estacion;
      nuevaInfo.estacion = { url, huella };
      nuevo = destinoEstacion({ url, huella, carpetaTemporal: d.carpetaTemporal, alCertificadoDistinto: certificadoDistinto });
      // If the server is reachable now and shows another certificate, say so before anyone types a password.
      sondeo = huellaDelServidor(url, d.tiempoSondeoMs ?? 3_000).then(
        (recibida) => {
          if (recibida !== huella) {
            certificadoDistinto({
              esperada: huella, recibida,
              mensaje: `El servidor ${url} presentó un certificado distinto al que este equipo aceptó. Esperada: ${huella}. Recibida: ${recibida}. No se envió nada. Si el servidor se reinstaló a propósito, un administrador debe volver a vincular esta estación.`,
            });
          }
        },
        () => undefined, // unreachable: calls report «Sin conexión con el servidor» and retry
      );
    } else {
      const core = await d.abrirCore(c.modo === 'servidor' ? 'servidor' : 'local');
      if (c.modo === 'servidor') {
        const puerto = c.servidor?.puerto ?? PUERTO_OFICINA;
        try {
          const oficina = await iniciarServidorOficina({ core, staticDir: d.staticDir, port: puerto });
          nuevaInfo.servidor = { direccion: oficina.direccion, puerto: oficina.http.port, huella: oficina.huella };
          nuevo = destinoLocal(core, () => oficina.close());
        } catch (e) {
          core.close();
          throw new Error(motivoServidor(e, puerto));
        }
      } else nuevo = destinoLocal(core);
      sondeo = Promise.resolve();
    }
    destino = nuevo;
    info = nuevaInfo;
    advertido = false;
    const dejarProgreso = nuevo.on('progreso', (p) => d.enviar(CANAL.progreso, p));
    const dejarCambio = nuevo.on('cambio', (c2) => d.enviar(CANAL.cambio, c2));
    quitarEventos = () => {
      dejarProgreso();
      dejarCambio();
    };
  }

  async function detener(): Promise<void> {
    quitarEventos();
    quitarEventos = () => undefined;
    const previo = destino;
    destino = null;
    info = { modo: null };
    await previo?.cerrar();
  }

  /** An administrator of the server (with the new certificate) allows pairing again. */
  async function autorizarRevinculo(url: string, huella: string, admin: EleccionModo['administrador']): Promise<string | null> {
    if (!admin?.usuario || !admin.contrasena) {
      return 'El certificado del servidor cambió: para volver a vincular esta estación, un administrador del servidor debe escribir su usuario y contraseña.';
    }
    const c = clientePinned({ url, huella, tiempoMs: 15_000 });
    const r = await c.llamar('usuarios.iniciarSesion', { usuario: admin.usuario, contrasena: admin.contrasena });
    if (!r.ok) return r.error.message;
    const esAdmin = (r.data as { usuario?: { rol?: string } }).usuario?.rol === 'administrador';
    await c.llamar('usuarios.cerrarSesion', {});
    return esAdmin ? null : 'Solo un administrador puede volver a vincular esta estación con un servidor de certificado distinto.';
  }

  async function validar(e: EleccionModo): Promise<ConfigModo | string> {
    // The last pinned server is kept in every mode: leaving and coming back is no way around the pin.
    const conocida = config?.estacion;
    if (e.modo === 'local') return { modo: 'local', ...(conocida ? { estacion: conocida } : {}) };
    if (e.modo === 'servidor') {
      const puerto = e.puerto ?? PUERTO_OFICINA;
      if (!Number.isInteger(puerto) || puerto < 1 || puerto > 65535) return 'El puerto debe ser un número entre 1 y 65535.';
      return { modo: 'servidor', servidor: { puerto }, ...(conocida ? { estacion: conocida } : {}) };
    }
    if (e.modo !== 'estacion') return 'Modo desconocido.';
    const dir = normalizarDireccion(e.url ?? '');
    if ('motivo' in dir) return dir.motivo;
    const huella = normalizarHuella(e.huella ?? '');
    if (!huella) return 'Confirme primero la huella del servidor (botón «Conectar»).';
    let actual: string;
    try {
      actual = await huellaDelServidor(dir.url, d.tiempoSondeoMs ?? 10_000);
    } catch {
      return `No se pudo conectar con ${dir.url}. Revise la dirección, que el servidor esté encendido y que el firewall permita el puerto.`;
    }
    if (actual !== huella) return `La huella del servidor cambió mientras confirmaba. Confirmada: ${huella}. Presentada ahora: ${actual}. No se guardó nada.`;
    if (conocida && conocida.huella !== huella) {
      const motivo = await autorizarRevinculo(dir.url, huella, e.administrador);
      if (motivo) return motivo;
    }
    return { modo: 'estacion', estacion: { url: dir.url, huella } };
  }

  const conexion = {
    get config(): ConfigModo | null {
      return config;
    },
    get destino(): Destino | null {
      return destino;
    },

    /** Starts the stored mode (nothing on first run). Throws when the core or the server cannot start. */
    async iniciar(): Promise<void> {
      if (config) await arrancarModo(config);
    },

    async info(): Promise<InfoModo> {
      await sondeo;
      return config ? info : { modo: null, ...(info.estacion ? { estacion: info.estacion } : {}) };
    },

    async huella(texto: string): Promise<RespuestaHuella> {
      const dir = normalizarDireccion(texto);
      if ('motivo' in dir) return { ok: false, motivo: dir.motivo };
      try {
        return { ok: true, url: dir.url, huella: await huellaDelServidor(dir.url, d.tiempoSondeoMs ?? 10_000) };
      } catch {
        return { ok: false, motivo: `No se pudo conectar con ${dir.url}. Revise la dirección, que el servidor esté encendido y que el firewall permita el puerto.` };
      }
    },

    /** Validates, starts the new mode (back to the previous one if it fails) and only then stores it. */
    async elegir(e: EleccionModo): Promise<RespuestaModo> {
      const nueva = await validar(e);
      if (typeof nueva === 'string') return { ok: false, motivo: nueva };
      const previa = config;
      await detener();
      try {
        await arrancarModo(nueva);
      } catch (err) {
        if (previa) await arrancarModo(previa).catch(() => undefined);
        return { ok: false, motivo: err instanceof Error ? err.message : String(err) };
      }
      config = nueva;
      guardarModo(d.carpetaConfig, nueva);
      return { ok: true };
    },

    // What the IPC handlers call (ipc.ts): whatever the current mode is.
    call(method: string, input: unknown, opts?: OpcionesLlamada): Promise<Resultado> {
      return destino ? destino.call(method, input, opts ?? {}) : Promise.resolve(SIN_MODO);
    },
    archivoGenerado(id: string, sesion: string | null) {
      return destino ? destino.archivoGenerado(id, sesion) : Promise.resolve(null);
    },
    antesDeCerrar(): Promise<void> {
      return destino ? destino.antesDeCerrar() : Promise.resolve();
    },
    cerrar: detener,

    /** The mode channels; only the app's own window may use them. Returns the function that removes them. */
    registrarIpc(): () => void {
      const rechazado = { ok: false as const, motivo: 'Solicitud rechazada: no proviene de la ventana de la aplicación.' };
      ipcMain.handle(CANAL.modo, async (event) => (isTrustedSender(event) ? conexion.info() : { modo: null }));
      ipcMain.handle(CANAL.modoHuella, async (event, url: unknown) =>
        !isTrustedSender(event) ? rechazado : conexion.huella(typeof url === 'string' ? url.slice(0, 300) : ''),
      );
      ipcMain.handle(CANAL.modoElegir, async (event, eleccion: unknown) => {
        if (!isTrustedSender(event)) return rechazado;
        if (typeof eleccion !== 'object' || eleccion === null) return { ok: false, motivo: 'La solicitud no es válida.' };
        return conexion.elegir(eleccion as EleccionModo);
      });
      return () => {
        for (const c of [CANAL.modo, CANAL.modoHuella, CANAL.modoElegir]) ipcMain.removeHandler(c);
      };
    },
  };
  return conexion;
}

export type Conexion = ReturnType<typeof crearConexion>;
