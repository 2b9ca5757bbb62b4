/** Correspondencia › anexos: checking and storing scanned files (also used by registro and respuestas), and opening them. */
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { AppError, noEncontrado } from '../../errors';
import { type Contexto, type Handlers, escrituraAsincrona } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import { TIPOS_DOCUMENTO, type ArchivoGuardado } from '../../archivos';
import { nombreSeguro } from './reglas';
import { st } from './datos';
import { abierto, asuntoSql, evento } from './comun';
import { detalle } from './bandeja';

interface ArchivoListo {
  nombre: string;
  bytes: Buffer;
  tipo: string;
}

/** Type by content and size limit, before any transaction (async). */
export async function verificarArchivos(ctx: Contexto, archivos: { nombre: string; contenidoBase64: string }[]): Promise<ArchivoListo[]> {
  const max = ctx.ajustes().anexoMaxMb * 1024 * 1024;
  const listos: ArchivoListo[] = [];
  for (const a of archivos) {
    const nombre = nombreSeguro(a.nombre);
    const bytes = Buffer.from(a.contenidoBase64, 'base64');
    try {
      listos.push({ nombre, bytes, tipo: await ctx.archivos.verificar(bytes, TIPOS_DOCUMENTO, max) });
    } catch (e) {
      if (e instanceof AppError) throw new AppError('ARCHIVO', `Anexo «${nombre}»: ${e.message}`, [{ campo: 'anexos', mensaje: e.message }]);
      throw e;
    }
  }
  return listos;
}

export function guardarAnexos(ctx: Contexto, asuntoId: string, listos: ArchivoListo[]): number {
  let n = 0;
  for (const a of listos) {
    const g: ArchivoGuardado = ctx.archivos.guardar(a.bytes, a.tipo);
    const r = st(
      ctx,
      `insert or ignore into anexos (id, asunto_id, archivo_sha, nombre, tipo, tamano, agregado, usuario_id) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(uuidv7(), asuntoId, g.sha256, a.nombre, g.tipo, g.tamano, ctx.ahora(), ctx.actor?.id ?? null);
    if (r.changes) {
      n++;
      evento(ctx, asuntoId, 'anexo', `Se adjuntó «${a.nombre}»`, { sha256: g.sha256, tamano: g.tamano });
    }
  }
  return n;
}

export const anexosHandlers = {
  'correspondencia.anexos.agregar': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'correspondencia.anexos.agregar'>) => {
    const listos = await verificarArchivos(ctx, [input.archivo]);
    return ctx.transaccion(() => {
      const a = asuntoSql(ctx, input.asuntoId);
      abierto(a, 'adjuntar anexos');
      const n = guardarAnexos(ctx, a.id, listos);
      if (n) ctx.bitacora({ entidad: 'anexos', entidadId: a.id, despues: { asunto: a.folio, anexo: listos[0].nombre } });
      return detalle(ctx, a.id);
    });
  }),

  'correspondencia.anexos.abrir': (ctx, input) => {
    const a = asuntoSql(ctx, input.asuntoId);
    const anexo = st(ctx, 'select nombre, tipo from anexos where asunto_id = ? and archivo_sha = ?').get(a.id, input.sha256) as { nombre: string; tipo: string } | undefined;
    const resp = anexo
      ? undefined
      : (st(ctx, 'select r.archivo_nombre as nombre, f.tipo from respuestas r join turnos t on t.id = r.turno_id join archivos f on f.sha256 = r.archivo_sha where t.asunto_id = ? and r.archivo_sha = ?').get(a.id, input.sha256) as
          | { nombre: string; tipo: string }
          | undefined);
    const x = anexo ?? resp;
    const ruta = x ? ctx.archivos.rutaDe(input.sha256) : null;
    if (!x || !ruta) throw noEncontrado('el anexo');
    const g = ctx.generados.nuevo(x.nombre, ctx.sesion);
    fs.copyFileSync(ruta, g.ruta);
    return { archivoId: g.id, nombre: g.nombre, tipo: x.tipo };
  },
} satisfies Partial<Handlers>;
