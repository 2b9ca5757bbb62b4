/** Gabinete › Tarjetas informativas of a reunión. */
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import * as s from '../../../../db/schema';
import type { Handlers } from '../../contexto';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { tarjetasDe } from './consultas';
import { abierta, reunionDe, versionDe } from './guardas';

export const tarjetasHandlers = {
  'gabinete.tarjetas.guardar': (ctx, input) => {
    const r = reunionDe(ctx, input.reunionId);
    abierta(r, 'cambiar sus tarjetas informativas');
    if (input.dependenciaId) {
      const d = ctx.db.select().from(s.dependencias).where(eq(s.dependencias.id, input.dependenciaId)).get();
      if (!d) throw new AppError('VALIDACION', 'Dependencia: elija una de la lista.');
    }
    const ahora = ctx.ahora();
    const datos = { titulo: input.titulo, contenido: input.contenido, dependenciaId: input.dependenciaId };
    if (!input.id) {
      const t = ctx.db.insert(s.tarjetas).values({ ...datos, id: uuidv7(), reunionId: r.id, creado: ahora, actualizado: ahora }).returning().get();
      ctx.bitacora({ entidad: 'gab_tarjetas', entidadId: t.id, despues: t });
    } else {
      const antes = ctx.db.select().from(s.tarjetas).where(eq(s.tarjetas.id, input.id)).get();
      if (!antes || antes.reunionId !== r.id) throw noEncontrado('la tarjeta informativa');
      if (input.version === undefined) throw conflicto('la tarjeta informativa');
      versionDe(antes, input.version, 'la tarjeta informativa');
      const despues = ctx.db.update(s.tarjetas).set({ ...datos, version: antes.version + 1, actualizado: ahora }).where(eq(s.tarjetas.id, antes.id)).returning().get();
      ctx.bitacora({ entidad: 'gab_tarjetas', entidadId: antes.id, antes, despues });
    }
    return tarjetasDe(ctx, r.id);
  },

  'gabinete.tarjetas.retirar': (ctx, input) => {
    const antes = ctx.db.select().from(s.tarjetas).where(eq(s.tarjetas.id, input.id)).get();
    if (!antes || antes.retirada) throw noEncontrado('la tarjeta informativa');
    versionDe(antes, input.version, 'la tarjeta informativa');
    abierta(reunionDe(ctx, antes.reunionId), 'cambiar sus tarjetas informativas');
    ctx.db.update(s.tarjetas).set({ retirada: true, version: antes.version + 1, actualizado: ctx.ahora() }).where(eq(s.tarjetas.id, antes.id)).run();
    ctx.bitacora({ entidad: 'gab_tarjetas', entidadId: antes.id, antes, despues: { retirada: true } });
    return tarjetasDe(ctx, antes.reunionId);
  },
} satisfies Partial<Handlers>;
