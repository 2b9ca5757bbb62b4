/** Gabinete › Anexos of a reunión, and the download of any stored file (anexo or evidencia). */
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import * as s from '../../../../db/schema';
import { actorDe, escrituraAsincrona, type Contexto, type Handlers } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import { noEncontrado } from '../../errors';
import { anexosDe } from './consultas';
import { TIPOS_ANEXO, abierta, reunionDe } from './guardas';

export const anexosHandlers = {
  'gabinete.anexos.agregar': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'gabinete.anexos.agregar'>) => {
    const bytes = Buffer.from(input.archivo.contenidoBase64, 'base64');
    const tipo = await ctx.archivos.verificar(bytes, TIPOS_ANEXO, ctx.ajustes().anexoMaxMb * 1024 * 1024);
    return ctx.transaccion(() => {
      const r = reunionDe(ctx, input.reunionId);
      if (r.estatus === 'cancelada') abierta(r, 'agregar anexos');
      const g = ctx.archivos.guardar(bytes, tipo);
      const x = ctx.db
        .insert(s.anexosReunion)
        .values({ id: uuidv7(), reunionId: r.id, nombre: input.archivo.nombre, sha256: g.sha256, creadoPor: actorDe(ctx).id, creado: ctx.ahora() })
        .returning()
        .get();
      ctx.bitacora({ entidad: 'gab_anexos', entidadId: x.id, despues: x });
      return anexosDe(ctx, r.id);
    });
  }),

  'gabinete.anexos.retirar': (ctx, input) => {
    const antes = ctx.db.select().from(s.anexosReunion).where(eq(s.anexosReunion.id, input.id)).get();
    if (!antes || antes.retirado) throw noEncontrado('el anexo');
    ctx.db.update(s.anexosReunion).set({ retirado: true, motivoRetiro: input.motivo }).where(eq(s.anexosReunion.id, antes.id)).run();
    ctx.bitacora({ entidad: 'gab_anexos', entidadId: antes.id, antes, despues: { retirado: true, motivo: input.motivo } });
    return anexosDe(ctx, antes.reunionId);
  },

  'gabinete.archivos.descargar': (ctx, input) => {
    const usado = ctx.sqlite
      .prepare('select 1 from gab_anexos where sha256 = ? union select 1 from gab_seguimientos where evidencia_sha = ?')
      .get(input.sha256, input.sha256);
    const archivo = usado ? ctx.archivos.leer(input.sha256) : null;
    if (!archivo) throw noEncontrado('el archivo');
    const g = ctx.generados.nuevo(input.nombre, ctx.sesion);
    fs.writeFileSync(g.ruta, archivo.bytes);
    return { archivoId: g.id, nombre: g.nombre };
  },
} satisfies Partial<Handlers>;
