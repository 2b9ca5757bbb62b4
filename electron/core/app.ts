/** createCore: opens the database, seeds the first run, and answers contract calls for either transport. */
import path from 'node:path';
import fs from 'node:fs';
import { EventEmitter } from 'node:events';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../db/connection';
import { usuarios, diasInhabiles } from '../../db/schema';
import { AppError } from './errors';
import { acquireDataDirLock } from './dataDirLock';
import { createRouter, type Autenticador } from './router';
import type { Actor, Contexto, Handlers } from './contexto';
import type { Core, CoreOptions, Progreso } from './tipos';
import { AlmacenArchivos } from './archivos';
import { Generados } from './generados';
import { anexar } from './modules/bitacora/cadena';
import { CalendarioLaboral } from './modules/catalogos/calendario';
import { Sesiones } from './modules/usuarios/sesiones';
import { leerAjustes } from './modules/ajustes/service';
import { sembrar, yaSembrado } from './semilla';
import { usuariosHandlers } from './modules/usuarios/service';
import { catalogosHandlers } from './modules/catalogos/service';
import { ajustesHandlers } from './modules/ajustes/service';
import { bitacoraHandlers } from './modules/bitacora/service';
import { gabineteHandlers } from './modules/gabinete/service';
import { correspondenciaHandlers } from './modules/correspondencia/service';
import { tableroHandlers } from './modules/tablero/service';
import { compromisosHandlers } from './modules/compromisos/service';
import { poaHandlers } from './modules/poa/service';
import { ocrHandlers, iniciarLectorOcr } from './modules/ocr/service';

const handlers: Handlers = {
  ...usuariosHandlers,
  ...catalogosHandlers,
  ...ajustesHandlers,
  ...bitacoraHandlers,
  ...gabineteHandlers,
  ...correspondenciaHandlers,
  ...tableroHandlers,
  ...compromisosHandlers,
  ...poaHandlers,
  ...ocrHandlers,
};

export const ARCHIVO_BASE = 'seguimiento.sqlite';

export async function createCore(opts: CoreOptions): Promise<Core> {
  const appRoot = opts.appRoot ?? process.cwd();
  const dataDir = path.resolve(opts.dataDir);
  const ahora = opts.clock ?? Date.now;
  fs.mkdirSync(dataDir, { recursive: true });

  const lock = opts.compartirCarpeta ? null : acquireDataDirLock(dataDir, opts.rolProceso ?? 'la aplicación');
  let conexion: Awaited<ReturnType<typeof openDatabase>>;
  try {
    conexion = await openDatabase({
      file: path.join(dataDir, ARCHIVO_BASE),
      migrationsDir: path.join(appRoot, 'db', 'migrations'),
      nativeBinding: opts.nativeBinding,
      now: ahora,
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const { db, sqlite } = conexion;
  const eventos = new EventEmitter();
  const sesiones = new Sesiones();
  const archivos = new AlmacenArchivos(dataDir, sqlite, ahora);
  const generados = new Generados(dataDir);

  // Settings and the calendar are read often and change rarely: cached, dropped after any write.
  let ajustesCache: ReturnType<typeof leerAjustes> | null = null;
  let calendarioCache: CalendarioLaboral | null = null;
  const ajustes = () => (ajustesCache ??= leerAjustes(db)).valores;
  const calendario = () =>
    (calendarioCache ??= new CalendarioLaboral(
      db.select({ fecha: diasInhabiles.fecha }).from(diasInhabiles).where(eq(diasInhabiles.activa, true)).all().map((d) => d.fecha),
    ));
  const transaccion = <T>(fn: () => T): T => {
    const r = sqlite.transaction(fn).immediate();
    ajustesCache = null;
    calendarioCache = null;
    return r;
  };

  const contexto = (actor: Actor | null, metodo: string, sesion: string | null): Contexto => ({
    db, sqlite, actor, sesion, metodo, dataDir, appRoot,
    ahora, ajustes, calendario, transaccion, archivos, generados, sesiones,
    bitacora: (c) =>
      anexar(sqlite, {
        momento: ahora(),
        usuario_id: actor?.id ?? null,
        usuario: actor?.usuario ?? null,
        metodo,
        entidad: c.entidad,
        entidad_id: c.entidadId ?? null,
        antes: c.antes === undefined ? null : JSON.stringify(c.antes),
        despues: c.despues === undefined ? null : JSON.stringify(c.despues),
      }),
    progreso: (p: Progreso) => eventos.emit('progreso', p),
  });

  const sistema = contexto(null, 'sistema.cargaInicial', null);
  transaccion(() => {
    if (!yaSembrado(sistema)) sembrar(sistema);
  });

  const lectorOcr = opts.lectorOcr ? iniciarLectorOcr(contexto(null, 'ocr.lector', null), opts.lectorOcr === true ? undefined : opts.lectorOcr) : null;

  const autenticador: Autenticador = {
    actorDe(sesion, acceso) {
      if (acceso === 'publico' && !sesion) return null;
      const s = sesiones.consultar(sesion, ahora(), ajustes().bloqueoMinutos);
      if (!s) {
        if (acceso === 'publico') return null;
        throw new AppError('NO_AUTENTICADO', 'Su sesión terminó. Inicie sesión de nuevo.');
      }
      if (s.bloqueada && acceso !== 'sesion' && acceso !== 'publico') {
        throw new AppError('SESION_BLOQUEADA', 'La sesión se bloqueó por inactividad. Escriba su contraseña para continuar.');
      }
      const u = db.select().from(usuarios).where(eq(usuarios.id, s.usuarioId)).get();
      if (!u || !u.activo) {
        sesiones.cerrar(sesion!);
        throw new AppError('NO_AUTENTICADO', 'Su cuenta fue desactivada. Consulte al administrador.');
      }
      return { id: u.id, usuario: u.usuario, nombre: u.nombre, rol: u.rol };
    },
    tocar: (sesion) => sesion && sesiones.tocar(sesion, ahora()),
  };

  const call = createRouter({
    handlers,
    autenticador,
    contexto,
    validarSalida: opts.validarSalida ?? false,
    log: (e, metodo) => console.error(`[core] ${metodo}:`, e),
  });

  return {
    dataDir,
    call: (method, input, o) => call(method, input, o?.sesion ?? null),
    on: (evento, cb) => {
      eventos.on(evento, cb);
      return () => eventos.off(evento, cb);
    },
    archivoGenerado: (id, sesion) => generados.obtener(id, sesion),
    close: () => {
      void lectorOcr?.detener();
      conexion.close();
      lock?.release();
    },
  };
}
