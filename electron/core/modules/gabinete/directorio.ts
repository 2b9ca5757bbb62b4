/** Gabinete › Directorio: the funcionarios that can be convoked. */
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import * as s from '../../../../db/schema';
import type { Contexto, Handlers } from '../../contexto';
import { conflicto, noEncontrado } from '../../errors';
import { dependenciaActiva, versionDe } from './guardas';

function funcionarioVista(ctx: Contexto, id: string) {
  const f = ctx.db
    .select({
      id: s.funcionarios.id, nombre: s.funcionarios.nombre, cargo: s.funcionarios.cargo, dependenciaId: s.funcionarios.dependenciaId,
      dependencia: s.dependencias.nombre, siglas: s.dependencias.siglas, correo: s.funcionarios.correo, telefono: s.funcionarios.telefono,
      activo: s.funcionarios.activo, version: s.funcionarios.version,
    })
    .from(s.funcionarios)
    .innerJoin(s.dependencias, eq(s.dependencias.id, s.funcionarios.dependenciaId))
    .where(eq(s.funcionarios.id, id))
    .get();
  if (!f) throw noEncontrado('el funcionario');
  return f;
}

export const directorioHandlers = {
  'gabinete.funcionarios.listar': (ctx, input) => {
    const filas = ctx.sqlite
      .prepare(
        `select f.id, f.nombre, f.cargo, f.dependencia_id as dependenciaId, d.nombre as dependencia, d.siglas, f.correo, f.telefono,
                f.activo, f.version
         from gab_funcionarios f join dependencias d on d.id = f.dependencia_id
         where (? = 1 or f.activo = 1) and (? is null or f.dependencia_id = ?) order by d.nombre, f.nombre`,
      )
      .all(input?.incluirInactivos ? 1 : 0, input?.dependenciaId ?? null, input?.dependenciaId ?? null) as { activo: number }[];
    return filas.map((f) => ({ ...f, activo: f.activo === 1 })) as never;
  },

  'gabinete.funcionarios.guardar': (ctx, input) => {
    const { id, version, ...datos } = input;
    const ahora = ctx.ahora();
    if (!id) {
      dependenciaActiva(ctx, datos.dependenciaId, 'Dependencia', 'dependenciaId');
      const nuevo = ctx.db.insert(s.funcionarios).values({ ...datos, id: uuidv7(), creado: ahora, actualizado: ahora }).returning().get();
      ctx.bitacora({ entidad: 'gab_funcionarios', entidadId: nuevo.id, despues: nuevo });
      return funcionarioVista(ctx, nuevo.id);
    }
    const antes = ctx.db.select().from(s.funcionarios).where(eq(s.funcionarios.id, id)).get();
    if (!antes) throw noEncontrado('el funcionario');
    if (version === undefined) throw conflicto('el funcionario');
    versionDe(antes, version, 'el funcionario');
    if (antes.dependenciaId !== datos.dependenciaId) dependenciaActiva(ctx, datos.dependenciaId, 'Dependencia', 'dependenciaId');
    const despues = ctx.db
      .update(s.funcionarios)
      .set({ ...datos, version: antes.version + 1, actualizado: ahora })
      .where(eq(s.funcionarios.id, id))
      .returning()
      .get();
    ctx.bitacora({ entidad: 'gab_funcionarios', entidadId: id, antes, despues });
    return funcionarioVista(ctx, id);
  },

  'gabinete.funcionarios.cambiarActivo': (ctx, input) => {
    const antes = ctx.db.select().from(s.funcionarios).where(eq(s.funcionarios.id, input.id)).get();
    if (!antes) throw noEncontrado('el funcionario');
    versionDe(antes, input.version, 'el funcionario');
    const despues = ctx.db
      .update(s.funcionarios)
      .set({ activo: input.activo, version: antes.version + 1, actualizado: ctx.ahora() })
      .where(eq(s.funcionarios.id, input.id))
      .returning()
      .get();
    ctx.bitacora({ entidad: 'gab_funcionarios', entidadId: input.id, antes, despues });
    return funcionarioVista(ctx, input.id);
  },
} satisfies Partial<Handlers>;
