/** createCore: opens the database, seeds the first run, and answers contract calls for either transport. */
import path from 'node:path';
import fs from 'node:fs';
import { EventEmitter } from 'node:events';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../db/connection';
import { startCheckpointer } from '../../db/checkpointer';
import { usuarios, diasInhabiles } from '../../db/schema';
import { AppError, MENSAJE_BASE_DANADA } from './errors';
import { acquireDataDirLock } from './dataDirLock';
import { createRouter, type Autenticador } from './router';
import type { Actor, Contexto, Handlers } from './contexto';
import type { Cambio, Core, CoreOptions, Progreso } from './tipos';
import { ClavesIdempotencia } from './idempotencia';
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
import { respaldoHandlers, iniciarProgramador } from './modules/respaldo/service';
import { trabajosHandlers } from './jobs/service';
import { Trabajos } from './jobs/pool';
import { Memoria } from './memoria';
import { importacionHandlers } from './modules/importacion/service';
import { oficiosHandlers } from './modules/oficios/service';
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
  ...respaldoHandlers,
  ...trabajosHandlers,
  ...importacionHandlers,
  ...oficiosHandlers,
  ...ocrHandlers,
};

export const ARCHIVO_BASE = 'seguimiento.sqlite';

/** What a user whose password is provisional may still do: see who they are, change it, or leave. */
const PERMITIDOS_SIN_CAMBIAR = new Set(['usuarios.sesion', 'usuarios.cambiarContrasena', 'usuarios.cerrarSesion', 'usuarios.desbloquear']);

export async function createCore(opts: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = opts.compartirCarpeta ? null : acquireDataDirLock(dataDir, opts.rolProceso ?? 'la aplicación');
  const eventos = new EventEmitter();
  // One listener per station following the event stream: a whole office is not a leak.
  eventos.setMaxListeners(0);

  // A restore replaces the data under the running core: calls in course finish, new ones are refused,
  // the database closes, the files are swapped and the core reopens on them (every session ends).
  let enCurso = 0;
  let reemplazando = false;
  let nucleo: Nucleo;
  const reemplazarDatos = async <T>(aplicar: () => Promise<T>): Promise<T> => {
    reemplazando = true;
    try {
      const limite = Date.now() + 60_000;
      while (enCurso > 1) {
        if (Date.now() > limite) throw new AppError('RESTAURANDO', 'Hay operaciones de otras personas en curso desde hace un minuto; no se restauró nada. Intente de nuevo.');
        await new Promise((r) => setTimeout(r, 20));
      }
      // The job workers' read connections too: the restore moves the database file away.
      await nucleo.close();
      try {
        return await aplicar();
      } finally {
        nucleo = await abrirNucleo(opts, dataDir, eventos, reemplazarDatos);
      }
    } finally {
      reemplazando = false;
    }
  };
  try {
    nucleo = await abrirNucleo(opts, dataDir, eventos, reemplazarDatos);
  } catch (e) {
    lock?.release();
    throw e;
  }
  const programador = opts.respaldosAutomaticos
    ? iniciarProgramador({
        dataDir, appRoot: opts.appRoot ?? process.cwd(), ahora: opts.clock, ocupado: () => reemplazando, nativeBinding: opts.nativeBinding,
        crear: (p) => nucleo.trabajo('respaldo.crear', p),
      })
    : null;

  return {
    dataDir,
    call: async (method, input, o) => {
      if (reemplazando) {
        return { ok: false, error: { code: 'RESTAURANDO', message: 'Se están restaurando los datos del sistema; espere unos segundos e intente de nuevo.' } };
      }
      enCurso++;
      try {
        return await nucleo.call(method, input, o);
      } finally {
        enCurso--;
      }
    },
    on: (evento: string, cb: (...a: any[]) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      eventos.on(evento, cb);
      return () => eventos.off(evento, cb);
    },
    archivoGenerado: (id, sesion) => (nucleo.sesionActiva(sesion) ? nucleo.generados.obtener(id, sesion) : null),
    integridad: () => nucleo.integridad(),
    sesionLocal: (usuario) => nucleo.sesionLocal(usuario),
    sesionActiva: (sesion) => nucleo.sesionActiva(sesion),
    antesDeCerrar: async () => {
      await programador?.alCerrar();
    },
    close: () => {
      programador?.detener();
      void nucleo.close();
      lock?.release();
    },
  };
}

interface Nucleo {
  call: ReturnType<typeof createRouter>;
  generados: Generados;
  sesionActiva: Core['sesionActiva'];
  integridad: Core['integridad'];
  sesionLocal: Core['sesionLocal'];
  /** Runs a background job as the system (no session), e.g. the automatic backup. */
  trabajo<T>(nombre: string, input: unknown): Promise<T>;
  /** Closes the database now; resolves once the job workers (and their connections) are gone. */
  close(): Promise<void>;
}

/** The database, stores and router over one data directory (reopened after a restore). */
async function abrirNucleo(
  opts: CoreOptions,
  dataDir: string,
  eventos: EventEmitter,
  reemplazarDatos: Contexto['reemplazarDatos'],
): Promise<Nucleo> {
  const appRoot = opts.appRoot ?? process.cwd();
  const ahora = opts.clock ?? Date.now;
  const archivoBase = path.join(dataDir, ARCHIVO_BASE);
  // A large file's integrity check takes seconds: then it runs right after start-up, off the request thread.
  const tamano = fs.existsSync(archivoBase) ? fs.statSync(archivoBase).size : 0;
  const comprobarDespues = tamano >= (opts.comprobarEnSegundoPlanoDesde ?? 32 * 1024 * 1024);
  const conexion = await openDatabase({
    file: archivoBase,
    migrationsDir: path.join(appRoot, 'db', 'migrations'),
    nativeBinding: opts.nativeBinding,
    now: ahora,
    comprobarAlAbrir: !comprobarDespues,
  });
  const { db, sqlite } = conexion;
  // WAL checkpoints in their own thread: a commit never waits for one (db/checkpointer.ts).
  const checkpoints = startCheckpointer(sqlite, archivoBase, opts.nativeBinding);
  const sesiones = new Sesiones(sqlite);
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
  // Repeated reads (the tablero) are remembered until a committed write touches what they depend on.
  const memoria = new Memoria();
  const totalCambios = sqlite.prepare('select total_changes()').pluck();
  // Set when the start-up integrity check finds damage: reads go on (to export, to look), writes stop.
  let danada: string | null = null;
  /**
   * One IMMEDIATE transaction; after the outermost one commits, the changes its bitácora entries named
   * are announced as `cambio` events and drop the cached reads they affect (a write that named nothing
   * drops them all); never before commit, never for a rollback.
   */
  const transaccionCon = (cambios: Map<string, Cambio>) => <T>(fn: () => T): T => {
    if (danada) throw new AppError('BASE_DE_DATOS', MENSAJE_BASE_DANADA, { sqlite: danada });
    const anidada = sqlite.inTransaction;
    const antes = anidada ? 0 : (totalCambios.get() as number);
    let r: T;
    try {
      r = archivos.enTransaccion(() => sqlite.transaction(fn).immediate());
    } catch (e) {
      if (!anidada) cambios.clear();
      throw e;
    } finally {
      ajustesCache = null;
      calendarioCache = null;
    }
    if (!anidada) {
      checkpoints.escrito();
      const entidades = new Set([...cambios.values()].map((c) => c.entidad));
      if (entidades.size) memoria.invalidar(entidades);
      else if ((totalCambios.get() as number) !== antes) memoria.invalidar('todo');
      for (const c of cambios.values()) eventos.emit('cambio', c);
      cambios.clear();
    }
    return r;
  };

  const trabajos = new Trabajos({ archivo: archivoBase, dataDir, appRoot, nativeBinding: opts.nativeBinding, enParalelo: opts.trabajosEnParalelo });

  const contexto = (actor: Actor | null, metodo: string, sesion: string | null): Contexto => {
    const cambios = new Map<string, Cambio>();
    const ctx: Contexto = {
      db, sqlite, actor, sesion, metodo, dataDir, appRoot, nativeBinding: opts.nativeBinding,
      ahora, ajustes, calendario, archivos, generados, sesiones, reemplazarDatos, memoria,
      transaccion: transaccionCon(cambios),
      trabajos: {
        correr: (nombre, input) => trabajos.correr(nombre, input, ctx),
        cancelar: (tarea) => trabajos.cancelar(tarea, sesion),
      },
      bitacora: (c) => {
        // Sign-ins are audited but are nobody's data to refetch.
        if (c.entidad !== 'sesion') cambios.set(`${c.entidad}\0${c.entidadId ?? ''}`, { entidad: c.entidad, id: c.entidadId ?? null });
        anexar(sqlite, {
          momento: ahora(),
          usuario_id: actor?.id ?? null,
          usuario: actor?.usuario ?? null,
          metodo,
          entidad: c.entidad,
          entidad_id: c.entidadId ?? null,
          antes: c.antes === undefined ? null : JSON.stringify(c.antes),
          despues: c.despues === undefined ? null : JSON.stringify(c.despues),
        });
      },
      progreso: (p: Progreso) => eventos.emit('progreso', p, sesion),
    };
    return ctx;
  };

  const sistema = contexto(null, 'sistema.cargaInicial', null);
  sistema.transaccion(() => {
    if (!yaSembrado(sistema)) sembrar(sistema);
  });

  // The integrity check of the whole file, in a worker thread, right after start-up.
  const comprobacion = !comprobarDespues
    ? Promise.resolve()
    : trabajos
        .correr<string | null>('sistema.comprobarIntegridad', {}, sistema)
        .then((falla) => {
          danada = falla;
          if (falla) console.error(`[core] base dañada: ${falla}`);
        })
        .catch((e) => console.error('[core] no se pudo comprobar la integridad de la base:', e));
  const lectorOcr = opts.lectorOcr ? iniciarLectorOcr(contexto(null, 'ocr.lector', null), opts.lectorOcr === true ? undefined : opts.lectorOcr) : null;

  const autenticador: Autenticador = {
    actorDe(sesion, acceso, metodo) {
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
      if (u.debeCambiarContrasena && !PERMITIDOS_SIN_CAMBIAR.has(metodo)) {
        throw new AppError('CAMBIAR_CONTRASENA', 'Antes de continuar debe elegir una contraseña nueva (la que le dio el administrador es provisional).');
      }
      return { id: u.id, usuario: u.usuario, nombre: u.nombre, rol: u.rol };
    },
    tocar: (sesion) => sesion && sesiones.tocar(sesion, ahora()),
  };

  const call = createRouter({
    handlers,
    autenticador,
    contexto,
    claves: new ClavesIdempotencia(sqlite),
    ahora,
    validarSalida: opts.validarSalida ?? false,
    log: (e, metodo) => console.error(`[core] ${metodo}:`, e),
  });

  function sesionActiva(sesion: string | null) {
    try {
      const a = autenticador.actorDe(sesion, 'autenticado', 'usuarios.sesion');
      return a ? { usuario: a.usuario, nombre: a.nombre } : null;
    } catch {
      return null;
    }
  }

  return {
    call,
    generados,
    sesionActiva,
    integridad: () => comprobacion.then(() => danada),
    trabajo: (nombre, input) => trabajos.correr(nombre, input, contexto(null, nombre, null)),
    sesionLocal: (usuario) => {
      const u = usuario
        ? db.select().from(usuarios).where(eq(usuarios.usuario, usuario)).get()
        : db.select().from(usuarios).where(eq(usuarios.rol, 'administrador')).all().find((x) => x.activo);
      return u && u.activo ? sesiones.abrir(u.id, ahora()) : null;
    },
    close: async () => {
      const hilos = trabajos.cerrar();
      const lector = lectorOcr?.detener();
      // The checkpoint thread's connection first: the last one to close checkpoints and removes the WAL.
      checkpoints.close();
      conexion.close();
      await Promise.all([hilos, lector]);
    },
  };
}
