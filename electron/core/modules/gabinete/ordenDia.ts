/** Gabinete › Orden del día: points kept at positions 1..n. */
import { eq, max } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import * as s from '../../../../db/schema';
import type { Handlers } from '../../contexto';
import { conflicto, noEncontrado } from '../../errors';
import { ordenDe } from './consultas';
import { abierta, reunionDe, versionDe } from './guardas';

export const ordenDiaHandlers = {
  'gabinete.orden.guardar': (ctx, input) => {
    const r = reunionDe(ctx, input.reunionId);
    abierta(r, 'cambiar el orden del día');
    const ahora = ctx.ahora();
    if (!input.id) {
      const ultimo = ctx.db.select({ m: max(s.puntosOrden.posicion) }).from(s.puntosOrden).where(eq(s.puntosOrden.reunionId, r.id)).get();
      const p = ctx.db
        .insert(s.puntosOrden)
        .values({ id: uuidv7(), reunionId: r.id, posicion: (ultimo?.m ?? 0) + 1, titulo: input.titulo, presentador: input.presentador, creado: ahora, actualizado: ahora })
        .returning()
        .get();
      ctx.bitacora({ entidad: 'gab_orden_dia', entidadId: p.id, despues: p });
    } else {
      const antes = ctx.db.select().from(s.puntosOrden).where(eq(s.puntosOrden.id, input.id)).get();
      if (!antes || antes.reunionId !== r.id) throw noEncontrado('el punto del orden del día');
      if (input.version === undefined) throw conflicto('el punto del orden del día');
      versionDe(antes, input.version, 'el punto del orden del día');
      const despues = ctx.db
        .update(s.puntosOrden)
        .set({ titulo: input.titulo, presentador: input.presentador, version: antes.version + 1, actualizado: ahora })
        .where(eq(s.puntosOrden.id, antes.id))
        .returning()
        .get();
      ctx.bitacora({ entidad: 'gab_orden_dia', entidadId: antes.id, antes, despues });
    }
    return ordenDe(ctx, r.id);
  },

  'gabinete.orden.reordenar': (ctx, input) => {
    const r = reunionDe(ctx, input.reunionId);
    abierta(r, 'cambiar el orden del día');
    const actuales = ordenDe(ctx, r.id);
    const mismos = actuales.length === input.ids.length && new Set(input.ids).size === input.ids.length && actuales.every((p) => input.ids.includes(p.id));
    if (!mismos) throw conflicto('el orden del día');
    const ahora = ctx.ahora();
    input.ids.forEach((id, i) => {
      const p = actuales.find((x) => x.id === id)!;
      if (p.posicion !== i + 1) {
        ctx.db.update(s.puntosOrden).set({ posicion: i + 1, version: p.version + 1, actualizado: ahora }).where(eq(s.puntosOrden.id, id)).run();
      }
    });
    ctx.bitacora({ entidad: 'gab_orden_dia', entidadId: r.id, antes: actuales.map((p) => p.id), despues: input.ids });
    return ordenDe(ctx, r.id);
  },

  'gabinete.orden.retirar': (ctx, input) => {
    const antes = ctx.db.select().from(s.puntosOrden).where(eq(s.puntosOrden.id, input.id)).get();
    if (!antes || antes.retirado) throw noEncontrado('el punto del orden del día');
    versionDe(antes, input.version, 'el punto del orden del día');
    const r = reunionDe(ctx, antes.reunionId);
    abierta(r, 'cambiar el orden del día');
    ctx.db.update(s.puntosOrden).set({ retirado: true, version: antes.version + 1, actualizado: ctx.ahora() }).where(eq(s.puntosOrden.id, antes.id)).run();
    // Close the gap so positions stay 1..n.
    ordenDe(ctx, r.id).forEach((p, i) => {
      if (p.posicion !== i + 1) ctx.db.update(s.puntosOrden).set({ posicion: i + 1 }).where(eq(s.puntosOrden.id, p.id)).run();
    });
    ctx.bitacora({ entidad: 'gab_orden_dia', entidadId: antes.id, antes, despues: { retirado: true } });
    return ordenDe(ctx, r.id);
  },
} satisfies Partial<Handlers>;
