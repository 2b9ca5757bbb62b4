/** Gabinete › Convocados of a reunión and their asistencia. */
import { eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import * as s from '../../../../db/schema';
import type { Handlers } from '../../contexto';
import { AppError, noEncontrado } from '../../errors';
import { convocadosDe } from './consultas';
import { abierta, reunionDe, versionDe } from './guardas';

export const convocadosHandlers = {
  'gabinete.convocados.agregar': (ctx, input) => {
    const r = reunionDe(ctx, input.reunionId);
    abierta(r, 'convocar a más funcionarios');
    const ya = new Set(
      ctx.db.select({ f: s.convocados.funcionarioId }).from(s.convocados).where(eq(s.convocados.reunionId, r.id)).all().map((c) => c.f),
    );
    const lista = ctx.db.select().from(s.funcionarios).where(inArray(s.funcionarios.id, input.funcionarioIds)).all();
    if (lista.length !== new Set(input.funcionarioIds).size) throw noEncontrado('uno de los funcionarios');
    const inactivo = lista.find((f) => !f.activo);
    if (inactivo) throw new AppError('VALIDACION', `${inactivo.nombre} está inactivo en el directorio; no se puede convocar.`);
    const ahora = ctx.ahora();
    const nuevos = lista.filter((f) => !ya.has(f.id)).map((f) => ({ id: uuidv7(), reunionId: r.id, funcionarioId: f.id, creado: ahora, actualizado: ahora }));
    if (nuevos.length) ctx.db.insert(s.convocados).values(nuevos).run();
    ctx.bitacora({ entidad: 'gab_convocados', entidadId: r.id, despues: nuevos.map((n) => n.funcionarioId) });
    return convocadosDe(ctx, r.id);
  },

  'gabinete.convocados.quitar': (ctx, input) => {
    const c = ctx.db.select().from(s.convocados).where(eq(s.convocados.id, input.id)).get();
    if (!c) throw noEncontrado('el convocado');
    versionDe(c, input.version, 'el convocado');
    const r = reunionDe(ctx, c.reunionId);
    abierta(r, 'quitar convocados');
    if (c.asistencia !== 'sin_registro') throw new AppError('VALIDACION', 'Ya tiene asistencia registrada: no se puede quitar de la lista.');
    ctx.db.delete(s.convocados).where(eq(s.convocados.id, c.id)).run();
    ctx.bitacora({ entidad: 'gab_convocados', entidadId: c.id, antes: c });
    return convocadosDe(ctx, r.id);
  },

  'gabinete.asistencia.registrar': (ctx, input) => {
    const c = ctx.db.select().from(s.convocados).where(eq(s.convocados.id, input.id)).get();
    if (!c) throw noEncontrado('el convocado');
    versionDe(c, input.version, 'la asistencia');
    const r = reunionDe(ctx, c.reunionId);
    abierta(r, 'cambiar la asistencia');
    if (input.asistencia === 'representante' && !input.representante) {
      throw new AppError('VALIDACION', 'Nombre del representante es obligatorio cuando envió representante.', [
        { campo: 'representante', mensaje: 'Nombre del representante es obligatorio.' },
      ]);
    }
    const despues = ctx.db
      .update(s.convocados)
      .set({
        asistencia: input.asistencia,
        representante: input.asistencia === 'representante' ? input.representante : '',
        version: c.version + 1,
        actualizado: ctx.ahora(),
      })
      .where(eq(s.convocados.id, c.id))
      .returning()
      .get();
    ctx.bitacora({ entidad: 'gab_convocados', entidadId: c.id, antes: c, despues });
    return convocadosDe(ctx, r.id).find((x) => x.id === c.id)!;
  },
} satisfies Partial<Handlers>;
