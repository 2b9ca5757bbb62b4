import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { usuarios } from '../../../../db/schema';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { actorDe, type Contexto, type Handlers } from '../../contexto';
import { hashContrasena, verificarContrasena } from './contrasenas';
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
    version: u.version,
  };
}

function buscar(ctx: Contexto, id: string): FilaUsuario {
  const u = ctx.db.select().from(usuarios).where(eq(usuarios.id, id)).get();
  if (!u) throw noEncontrado('el usuario');
  return u;
}

function insertar(ctx: Contexto, datos: { usuario: string; nombre: string; rol: FilaUsuario['rol']; contrasena: string }) {
  const existe = ctx.db.select({ id: usuarios.id }).from(usuarios).where(eq(usuarios.usuario, datos.usuario)).get();
  if (existe) throw new AppError('DUPLICADO', `Ya existe el usuario «${datos.usuario}». Elija otro nombre de usuario.`, { campo: 'usuario' });
  const ahora = ctx.ahora();
  const fila = ctx.db
    .insert(usuarios)
    .values({
      id: uuidv7(), usuario: datos.usuario, nombre: datos.nombre, rol: datos.rol,
      hash: hashContrasena(datos.contrasena), creado: ahora, actualizado: ahora,
    })
    .returning()
    .get();
  ctx.bitacora({ entidad: 'usuario', entidadId: fila.id, despues: publico(fila) });
  return fila;
}

/** Updates a user only if nobody changed it since `version` was read. */
function actualizar(ctx: Contexto, id: string, version: number | null, cambios: Partial<FilaUsuario>): FilaUsuario {
  const antes = buscar(ctx, id);
  if (version !== null && antes.version !== version) throw conflicto('este usuario');
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

export const usuariosHandlers = {
  'usuarios.estado': (ctx) => {
    const { n } = ctx.db.select({ n: sql<number>`count(*)` }).from(usuarios).get()!;
    return { primerUso: n === 0, institucion: ctx.ajustes().institucion };
  },

  'usuarios.crearAdministradorInicial': (ctx, input) => {
    const { n } = ctx.db.select({ n: sql<number>`count(*)` }).from(usuarios).get()!;
    if (n > 0) throw new AppError('PROHIBIDO', 'El administrador inicial ya existe. Inicie sesión con su cuenta.');
    return sesionDe(ctx, insertar(ctx, { ...input, rol: 'administrador' }));
  },

  /** Not wrapped by the router: a failed attempt must be counted even though the call fails. */
  'usuarios.iniciarSesion': (ctx, input) => {
    const ahora = ctx.ahora();
    const resultado = ctx.transaccion(() => {
      const u = ctx.db.select().from(usuarios).where(eq(usuarios.usuario, input.usuario)).get();
      if (!u) return { error: new AppError('CREDENCIALES', 'Usuario o contraseña incorrectos.') };
      if (u.bloqueadoHasta && u.bloqueadoHasta > ahora) {
        return {
          error: new AppError(
            'CUENTA_BLOQUEADA',
            `La cuenta está bloqueada por ${INTENTOS_MAXIMOS} intentos fallidos. Intente de nuevo después de las ${horaOficina(ctx, u.bloqueadoHasta)} o pida al administrador que restablezca su contraseña.`,
          ),
        };
      }
      if (!verificarContrasena(input.contrasena, u.hash)) {
        const intentos = u.intentosFallidos + 1;
        const bloquear = intentos >= INTENTOS_MAXIMOS;
        ctx.db
          .update(usuarios)
          .set({ intentosFallidos: bloquear ? 0 : intentos, bloqueadoHasta: bloquear ? ahora + MINUTOS_BLOQUEO_CUENTA * 60_000 : null })
          .where(eq(usuarios.id, u.id))
          .run();
        ctx.bitacora({ entidad: 'usuario', entidadId: u.id, despues: { intentoFallido: intentos, bloqueada: bloquear } });
        const restantes = INTENTOS_MAXIMOS - intentos;
        return {
          error: bloquear
            ? new AppError('CUENTA_BLOQUEADA', `Contraseña incorrecta. La cuenta quedó bloqueada ${MINUTOS_BLOQUEO_CUENTA} minutos por seguridad.`)
            : new AppError('CREDENCIALES', `Usuario o contraseña incorrectos. Le quedan ${restantes} ${restantes === 1 ? 'intento' : 'intentos'} antes de que la cuenta se bloquee.`),
        };
      }
      if (!u.activo) return { error: new AppError('PROHIBIDO', 'La cuenta está desactivada. Consulte al administrador del sistema.') };
      if (u.intentosFallidos > 0 || u.bloqueadoHasta) {
        ctx.db.update(usuarios).set({ intentosFallidos: 0, bloqueadoHasta: null }).where(eq(usuarios.id, u.id)).run();
      }
      ctx.bitacora({ entidad: 'sesion', entidadId: u.id, despues: { inicio: true } });
      return { usuario: { ...u, intentosFallidos: 0, bloqueadoHasta: null } };
    });
    if ('error' in resultado) throw resultado.error;
    return sesionDe(ctx, resultado.usuario);
  },

  'usuarios.sesion': (ctx) => {
    const u = buscar(ctx, actorDe(ctx).id);
    return { usuario: publico(u), bloqueoMinutos: ctx.ajustes().bloqueoMinutos };
  },

  'usuarios.cerrarSesion': (ctx) => {
    if (ctx.sesion) ctx.sesiones.cerrar(ctx.sesion);
    return { ok: true as const };
  },

  'usuarios.desbloquear': (ctx, input) => {
    const u = buscar(ctx, actorDe(ctx).id);
    if (!verificarContrasena(input.contrasena, u.hash)) throw new AppError('CREDENCIALES', 'Contraseña incorrecta.');
    ctx.sesiones.desbloquear(ctx.sesion!, ctx.ahora());
    return { ok: true as const };
  },

  'usuarios.cambiarContrasena': (ctx, input) => {
    const u = buscar(ctx, actorDe(ctx).id);
    if (!verificarContrasena(input.actual, u.hash)) {
      throw new AppError('CREDENCIALES', 'La contraseña actual no es correcta.', { campo: 'actual' });
    }
    actualizar(ctx, u.id, null, { hash: hashContrasena(input.nueva) });
    return { ok: true as const };
  },

  'usuarios.listar': (ctx) => ctx.db.select().from(usuarios).orderBy(usuarios.nombre).all().map(publico),

  'usuarios.crear': (ctx, input) => publico(insertar(ctx, input)),

  'usuarios.actualizar': (ctx, input) => {
    const actor = actorDe(ctx);
    if (input.id === actor.id && input.rol !== 'administrador') {
      throw new AppError('PROHIBIDO', 'No puede quitarse a sí mismo el rol de administrador.');
    }
    return publico(actualizar(ctx, input.id, input.version, { nombre: input.nombre, rol: input.rol }));
  },

  'usuarios.restablecerContrasena': (ctx, input) => {
    const u = actualizar(ctx, input.id, null, { hash: hashContrasena(input.contrasena), intentosFallidos: 0, bloqueadoHasta: null });
    ctx.sesiones.cerrarDeUsuario(u.id);
    return publico(u);
  },

  'usuarios.cambiarActivo': (ctx, input) => {
    if (input.id === actorDe(ctx).id && !input.activo) {
      throw new AppError('PROHIBIDO', 'No puede desactivar su propia cuenta.');
    }
    const u = actualizar(ctx, input.id, input.version, { activo: input.activo });
    if (!input.activo) ctx.sesiones.cerrarDeUsuario(u.id);
    return publico(u);
  },
} satisfies Partial<Handlers>;
