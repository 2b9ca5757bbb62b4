import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { usuarios } from '../../../../db/schema';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { actorDe, escrituraAsincrona, type Contexto, type Handlers } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import { hashContrasena, hashSeñuelo, verificarContrasena } from './contrasenas';
import { partesEnZona } from '../../tiempo';

export const INTENTOS_MAXIMOS = 5;
export const MINUTOS_BLOQUEO_CUENTA = 15;

type FilaUsuario = typeof usuarios.$inferSelect;

/** What leaves the core and what the bitácora records: never the hash. */
function publico(u: FilaUsuario) {
  return {
    id: u.id,
    usuario: u.usuario,
    nombre: u.nombre,
    rol: u.rol,
    activo: u.activo,
    bloqueadoHasta: u.bloqueadoHasta,
    debeCambiarContrasena: u.debeCambiarContrasena,
    version: u.version,
  };
}

function buscar(ctx: Contexto, id: string): FilaUsuario {
  const u = ctx.db.select().from(usuarios).where(eq(usuarios.id, id)).get();
  if (!u) throw noEncontrado('el usuario');
  return u;
}

function insertar(ctx: Contexto, datos: { usuario: string; nombre: string; rol: FilaUsuario['rol']; hash: string; provisional: boolean }) {
  const existe = ctx.db.select({ id: usuarios.id }).from(usuarios).where(eq(usuarios.usuario, datos.usuario)).get();
  if (existe) throw new AppError('DUPLICADO', `Ya existe el usuario «${datos.usuario}». Elija otro nombre de usuario.`, { campo: 'usuario' });
  const ahora = ctx.ahora();
  const fila = ctx.db
    .insert(usuarios)
    .values({
      id: uuidv7(), usuario: datos.usuario, nombre: datos.nombre, rol: datos.rol,
      hash: datos.hash, debeCambiarContrasena: datos.provisional, creado: ahora, actualizado: ahora,
    })
    .returning()
    .get();
  ctx.bitacora({ entidad: 'usuario', entidadId: fila.id, despues: publico(fila) });
  return fila;
}

/** Updates a user only if nobody changed it since `version` was read. */
function actualizar(ctx: Contexto, id: string, version: number | null, cambios: Partial<FilaUsuario>): FilaUsuario {
  const antes = buscar(ctx, id);
  if (version !== null && antes.version !== version) throw conflicto('este usuario', publico(antes));
  const despues = ctx.db
    .update(usuarios)
    .set({ ...cambios, version: antes.version + 1, actualizado: ctx.ahora() })
    .where(eq(usuarios.id, id))
    .returning()
    .get();
  ctx.bitacora({ entidad: 'usuario', entidadId: id, antes: publico(antes), despues: publico(despues) });
  return despues;
}

function sesionDe(ctx: Contexto, u: FilaUsuario) {
  const token = ctx.sesiones.abrir(u.id, ctx.ahora());
  return { token, usuario: publico(u), bloqueoMinutos: ctx.ajustes().bloqueoMinutos };
}

function horaOficina(ctx: Contexto, instante: number): string {
  const p = partesEnZona(instante, ctx.ajustes().zonaHoraria);
  return `${String(p.hora).padStart(2, '0')}:${String(p.minuto).padStart(2, '0')}`;
}

/** One message for a wrong user and a wrong password, so the answer does not reveal which accounts exist. */
const CREDENCIALES = `Usuario o contraseña incorrectos. Después de ${INTENTOS_MAXIMOS} intentos fallidos la cuenta se bloquea ${MINUTOS_BLOQUEO_CUENTA} minutos.`;

function cuentaBloqueada(ctx: Contexto, hasta: number): AppError {
  return new AppError(
    'CUENTA_BLOQUEADA',
    `La cuenta está bloqueada por ${INTENTOS_MAXIMOS} intentos fallidos. Intente de nuevo después de las ${horaOficina(ctx, hasta)} o pida al administrador que restablezca su contraseña.`,
  );
}

/**
 * Every password check goes through here (sign-in, unlock, change): a failure counts toward the
 * lock-out and is written to the bitácora in its own transaction, committed even though the call fails.
 * An unknown user costs the same scrypt work and is counted in memory, so both cases look alike.
 */
async function comprobarContrasena(ctx: Contexto, u: FilaUsuario | undefined, nombre: string, contrasena: string): Promise<AppError | null> {
  const ahora = ctx.ahora();
  const fantasma = u ? undefined : ctx.sesiones.sinCuenta.get(nombre);
  const hasta = u ? u.bloqueadoHasta : (fantasma?.bloqueadoHasta ?? null);
  if (hasta && hasta > ahora) {
    await verificarContrasena(contrasena, await hashSeñuelo());
    return cuentaBloqueada(ctx, hasta);
  }
  const valida = await verificarContrasena(contrasena, u?.hash ?? (await hashSeñuelo()));
  if (u && valida) {
    if (u.intentosFallidos > 0 || u.bloqueadoHasta) {
      ctx.sqlite.transaction(() => ctx.db.update(usuarios).set({ intentosFallidos: 0, bloqueadoHasta: null }).where(eq(usuarios.id, u.id)).run()).immediate();
    }
    return null;
  }
  const bloqueo = ahora + MINUTOS_BLOQUEO_CUENTA * 60_000;
  let bloquear: boolean;
  if (!u) {
    const intentos = (fantasma?.intentos ?? 0) + 1;
    bloquear = intentos >= INTENTOS_MAXIMOS;
    ctx.sesiones.sinCuenta.set(nombre, { intentos: bloquear ? 0 : intentos, bloqueadoHasta: bloquear ? bloqueo : null });
    ctx.sqlite.transaction(() => ctx.bitacora({ entidad: 'sesion', entidadId: null, despues: { intentoFallido: nombre, metodo: ctx.metodo } })).immediate();
  } else {
    // Not ctx.transaccion: for a write with an Idempotency-Key that one would store this failure as the result.
    bloquear = ctx.sqlite
      .transaction(() => {
        const actual = buscar(ctx, u.id);
        const intentos = actual.intentosFallidos + 1;
        const b = intentos >= INTENTOS_MAXIMOS;
        ctx.db.update(usuarios).set({ intentosFallidos: b ? 0 : intentos, bloqueadoHasta: b ? bloqueo : null }).where(eq(usuarios.id, u.id)).run();
        ctx.bitacora({ entidad: 'sesion', entidadId: u.id, despues: { intentoFallido: intentos, bloqueada: b, metodo: ctx.metodo } });
        return b;
      })
      .immediate();
    if (bloquear) ctx.sesiones.cerrarDeUsuario(u.id);
  }
  return bloquear
    ? new AppError('CUENTA_BLOQUEADA', `Contraseña incorrecta. La cuenta quedó bloqueada ${MINUTOS_BLOQUEO_CUENTA} minutos por seguridad.`)
    : new AppError('CREDENCIALES', CREDENCIALES);
}

export const usuariosHandlers = {
  'usuarios.estado': (ctx) => {
    const { n } = ctx.db.select({ n: sql<number>`count(*)` }).from(usuarios).get()!;
    return { primerUso: n === 0, institucion: ctx.ajustes().institucion };
  },

  'usuarios.crearAdministradorInicial': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'usuarios.crearAdministradorInicial'>) => {
    const hash = await hashContrasena(input.contrasena);
    return ctx.transaccion(() => {
      const { n } = ctx.db.select({ n: sql<number>`count(*)` }).from(usuarios).get()!;
      if (n > 0) throw new AppError('PROHIBIDO', 'El administrador inicial ya existe. Inicie sesión con su cuenta.');
      return sesionDe(ctx, insertar(ctx, { ...input, hash, rol: 'administrador', provisional: false }));
    });
  }),

  /** Not wrapped by the router: a failed attempt must be counted even though the call fails. */
  'usuarios.iniciarSesion': async (ctx, input) => {
    const u = ctx.db.select().from(usuarios).where(eq(usuarios.usuario, input.usuario)).get();
    const error = await comprobarContrasena(ctx, u, input.usuario, input.contrasena);
    if (error) throw error;
    if (!u!.activo) throw new AppError('PROHIBIDO', 'La cuenta está desactivada. Consulte al administrador del sistema.');
    ctx.transaccion(() => ctx.bitacora({ entidad: 'sesion', entidadId: u!.id, despues: { inicio: true } }));
    return sesionDe(ctx, buscar(ctx, u!.id));
  },

  'usuarios.sesion': (ctx) => {
    const u = buscar(ctx, actorDe(ctx).id);
    return { usuario: publico(u), bloqueoMinutos: ctx.ajustes().bloqueoMinutos };
  },

  'usuarios.cerrarSesion': (ctx) => {
    if (ctx.sesion) ctx.sesiones.cerrar(ctx.sesion);
    return { ok: true as const };
  },

  'usuarios.desbloquear': async (ctx, input) => {
    const u = buscar(ctx, actorDe(ctx).id);
    const error = await comprobarContrasena(ctx, u, u.usuario, input.contrasena);
    if (error) throw error.code === 'CREDENCIALES' ? new AppError('CREDENCIALES', 'Contraseña incorrecta.') : error;
    ctx.sesiones.desbloquear(ctx.sesion!, ctx.ahora());
    return { ok: true as const };
  },

  'usuarios.cambiarContrasena': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'usuarios.cambiarContrasena'>) => {
    const u = buscar(ctx, actorDe(ctx).id);
    if (input.nueva === input.actual) {
      throw new AppError('VALIDACION', 'La contraseña nueva debe ser distinta de la actual.', { campo: 'nueva' });
    }
    const error = await comprobarContrasena(ctx, u, u.usuario, input.actual);
    if (error) throw error.code === 'CREDENCIALES' ? new AppError('CREDENCIALES', 'La contraseña actual no es correcta.', { campo: 'actual' }) : error;
    const hash = await hashContrasena(input.nueva);
    return ctx.transaccion(() => {
      actualizar(ctx, u.id, null, { hash, debeCambiarContrasena: false });
      return { ok: true as const };
    });
  }),

  'usuarios.listar': (ctx) => ctx.db.select().from(usuarios).orderBy(usuarios.nombre).all().map(publico),

  'usuarios.crear': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'usuarios.crear'>) => {
    const hash = await hashContrasena(input.contrasena);
    return ctx.transaccion(() => publico(insertar(ctx, { ...input, hash, provisional: true })));
  }),

  'usuarios.actualizar': (ctx, input) => {
    const actor = actorDe(ctx);
    if (input.id === actor.id && input.rol !== 'administrador') {
      throw new AppError('PROHIBIDO', 'No puede quitarse a sí mismo el rol de administrador.');
    }
    return publico(actualizar(ctx, input.id, input.version, { nombre: input.nombre, rol: input.rol }));
  },

  'usuarios.restablecerContrasena': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'usuarios.restablecerContrasena'>) => {
    const hash = await hashContrasena(input.contrasena);
    return ctx.transaccion(() => {
      const u = actualizar(ctx, input.id, null, { hash, intentosFallidos: 0, bloqueadoHasta: null, debeCambiarContrasena: true });
      ctx.sesiones.cerrarDeUsuario(u.id);
      return publico(u);
    });
  }),

  'usuarios.cambiarActivo': (ctx, input) => {
    if (input.id === actorDe(ctx).id && !input.activo) {
      throw new AppError('PROHIBIDO', 'No puede desactivar su propia cuenta.');
    }
    const u = actualizar(ctx, input.id, input.version, { activo: input.activo });
    if (!input.activo) ctx.sesiones.cerrarDeUsuario(u.id);
    return publico(u);
  },
} satisfies Partial<Handlers>;
