/** Gabinete › Acuerdos: capture, seguimientos (estatus/avance) and the tablero counts. */
import { and, eq, max } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import * as s from '../../../../db/schema';
import { actorDe, escrituraAsincrona, type Contexto, type Handlers } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import { AppError, noEncontrado } from '../../errors';
import { fechaCorta } from '../../tiempo';
import { aplicarSeguimiento, contar, contarPor } from './reglas';
import type { ESTATUS_ACUERDO } from '../../../../db/schema';
import { acuerdo, entorno, listarAcuerdos, seguimientosDe } from './consultas';
import { TIPOS_ANEXO, abierta, dependenciaActiva, reunionDe, versionDe, type Reunion } from './guardas';

function verificarFechaCompromiso(r: Reunion, fecha: string | null) {
  if (fecha && fecha < r.fecha) {
    throw new AppError('VALIDACION', `Fecha compromiso: no puede ser anterior a la reunión (${fechaCorta(r.fecha)}).`, [
      { campo: 'fechaCompromiso', mensaje: 'Anterior a la reunión.' },
    ]);
  }
}

function corresponsablesValidos(ctx: Contexto, responsable: string, ids: string[], previos: string[] = []): string[] {
  const unicos = [...new Set(ids)].filter((id) => id !== responsable);
  for (const id of unicos) if (!previos.includes(id)) dependenciaActiva(ctx, id, 'Corresponsable', 'corresponsables');
  return unicos;
}

export const acuerdosHandlers = {
  'gabinete.acuerdos.crear': (ctx, input) => {
    const r = reunionDe(ctx, input.reunionId);
    abierta(r, 'capturar acuerdos');
    dependenciaActiva(ctx, input.dependenciaId, 'Responsable', 'dependenciaId');
    const corr = corresponsablesValidos(ctx, input.dependenciaId, input.corresponsables);
    verificarFechaCompromiso(r, input.fechaCompromiso);
    const ultimo = ctx.db.select({ m: max(s.acuerdos.numero) }).from(s.acuerdos).where(eq(s.acuerdos.reunionId, r.id)).get();
    const ahora = ctx.ahora();
    const a = ctx.db
      .insert(s.acuerdos)
      .values({
        id: uuidv7(), reunionId: r.id, numero: (ultimo?.m ?? 0) + 1, descripcion: input.descripcion, dependenciaId: input.dependenciaId,
        fechaCompromiso: input.fechaCompromiso, creadoPor: actorDe(ctx).id, creado: ahora, actualizado: ahora,
      })
      .returning()
      .get();
    if (corr.length) ctx.db.insert(s.corresponsables).values(corr.map((d) => ({ acuerdoId: a.id, dependenciaId: d }))).run();
    ctx.bitacora({ entidad: 'gab_acuerdos', entidadId: a.id, despues: { ...a, corresponsables: corr } });
    return acuerdo(ctx, a.id);
  },

  'gabinete.acuerdos.editar': (ctx, input) => {
    const antes = ctx.db.select().from(s.acuerdos).where(eq(s.acuerdos.id, input.id)).get();
    if (!antes) throw noEncontrado('el acuerdo');
    versionDe(antes, input.version, 'el acuerdo');
    const r = reunionDe(ctx, antes.reunionId);
    abierta(r, 'modificar el texto de sus acuerdos');
    if (input.dependenciaId !== antes.dependenciaId) dependenciaActiva(ctx, input.dependenciaId, 'Responsable', 'dependenciaId');
    const previos = ctx.db.select().from(s.corresponsables).where(eq(s.corresponsables.acuerdoId, antes.id)).all().map((c) => c.dependenciaId);
    const corr = corresponsablesValidos(ctx, input.dependenciaId, input.corresponsables, previos);
    verificarFechaCompromiso(r, input.fechaCompromiso);
    const despues = ctx.db
      .update(s.acuerdos)
      .set({ descripcion: input.descripcion, dependenciaId: input.dependenciaId, fechaCompromiso: input.fechaCompromiso, version: antes.version + 1, actualizado: ctx.ahora() })
      .where(and(eq(s.acuerdos.id, antes.id), eq(s.acuerdos.version, antes.version)))
      .returning()
      .get();
    ctx.db.delete(s.corresponsables).where(eq(s.corresponsables.acuerdoId, antes.id)).run();
    if (corr.length) ctx.db.insert(s.corresponsables).values(corr.map((d) => ({ acuerdoId: antes.id, dependenciaId: d }))).run();
    ctx.bitacora({ entidad: 'gab_acuerdos', entidadId: antes.id, antes: { ...antes, corresponsables: previos }, despues: { ...despues, corresponsables: corr } });
    return acuerdo(ctx, antes.id);
  },

  'gabinete.acuerdos.listar': (ctx, input) => {
    const items = listarAcuerdos(ctx, input ?? {});
    return { total: items.length, items };
  },

  'gabinete.acuerdos.obtener': (ctx, input) => ({ ...acuerdo(ctx, input.id), seguimientos: seguimientosDe(ctx, input.id) }),

  /** The evidence's type is checked first (async); then one transaction writes the seguimiento and the new estatus/avance. */
  'gabinete.acuerdos.seguimiento': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'gabinete.acuerdos.seguimiento'>) => {
    let evidencia: { bytes: Buffer; tipo: string } | null = null;
    if (input.evidencia) {
      const bytes = Buffer.from(input.evidencia.contenidoBase64, 'base64');
      const tipo = await ctx.archivos.verificar(bytes, TIPOS_ANEXO, ctx.ajustes().anexoMaxMb * 1024 * 1024).catch((e: AppError) => {
        throw new AppError('ARCHIVO', `Evidencia: ${e.message}`);
      });
      evidencia = { bytes, tipo };
    }
    return ctx.transaccion(() => registrarSeguimientoAcuerdo(ctx, input, evidencia ? { ...evidencia, nombre: input.evidencia!.nombre } : null));
  }),

  'gabinete.acuerdos.tablero': (ctx, input) => {
    const items = listarAcuerdos(ctx, { desde: input?.desde, hasta: input?.hasta });
    const filas = items.map((a) => ({ ...a, vencido: a.semaforoPlazo.clave === 'vencido' }));
    const plazo = { a_tiempo: 0, en_riesgo: 0, vencido: 0, concluido: 0, sin_plazo: 0 };
    for (const a of items) {
      const k = a.semaforoPlazo.clave as keyof typeof plazo;
      if (k in plazo) plazo[k]++;
    }
    return {
      total: contar('total', 'Total', filas),
      porTipo: contarPor(filas, (a) => a.tipoClave, (a) => a.tipoNombre),
      porDependencia: contarPor(filas, (a) => a.dependenciaId, (a) => a.dependencia),
      plazo,
    };
  },
} satisfies Partial<Handlers>;

/** Appends a seguimiento inside the caller's transaction (evidence already checked). Also used by imports. */
export function registrarSeguimientoAcuerdo(
  ctx: Contexto,
  input: { acuerdoId: string; version: number; fecha: string; nota: string; estatus?: (typeof ESTATUS_ACUERDO)[number]; avance?: number },
  evidencia: { bytes: Buffer; tipo: string; nombre: string } | null = null,
) {
  const antes = ctx.db.select().from(s.acuerdos).where(eq(s.acuerdos.id, input.acuerdoId)).get();
  if (!antes) throw noEncontrado('el acuerdo');
  versionDe(antes, input.version, 'el acuerdo');
  const r = reunionDe(ctx, antes.reunionId);
  if (r.estatus === 'cancelada') abierta(r, 'dar seguimiento a sus acuerdos');
  const { hoy } = entorno(ctx);
  if (input.fecha < r.fecha) {
    throw new AppError(
      'VALIDACION',
      `Fecha del seguimiento: ${fechaCorta(input.fecha)} es anterior al acuerdo, que se tomó el ${fechaCorta(r.fecha)} en la «${r.nombre}».`,
      [{ campo: 'fecha', mensaje: 'Anterior al acuerdo.' }],
    );
  }
  if (input.fecha > hoy) {
    throw new AppError('VALIDACION', `Fecha del seguimiento: ${fechaCorta(input.fecha)} es posterior a hoy (${fechaCorta(hoy)}).`, [
      { campo: 'fecha', mensaje: 'Fecha futura.' },
    ]);
  }
  const cambio = aplicarSeguimiento({ estatus: antes.estatus, avance: antes.avance }, { estatus: input.estatus, avance: input.avance });
  const g = evidencia ? ctx.archivos.guardar(evidencia.bytes, evidencia.tipo) : null;
  const ahora = ctx.ahora();
  const seg = ctx.db
    .insert(s.seguimientos)
    .values({
      id: uuidv7(), acuerdoId: antes.id, fecha: input.fecha, nota: input.nota, autorId: actorDe(ctx).id,
      evidenciaSha: g?.sha256 ?? null, evidenciaNombre: g ? evidencia!.nombre : null,
      estatusAntes: antes.estatus, estatusDespues: cambio.estatus, avanceAntes: antes.avance, avanceDespues: cambio.avance,
      ajuste: cambio.ajuste, creado: ahora,
    })
    .returning()
    .get();
  const motivoCancelacion = cambio.estatus === 'cancelado' ? (antes.estatus === 'cancelado' ? antes.motivoCancelacion : input.nota) : null;
  const despues = ctx.db
    .update(s.acuerdos)
    .set({ estatus: cambio.estatus, avance: cambio.avance, motivoCancelacion, version: antes.version + 1, actualizado: ahora })
    .where(eq(s.acuerdos.id, antes.id))
    .returning()
    .get();
  ctx.bitacora({ entidad: 'gab_acuerdos', entidadId: antes.id, antes, despues: { ...despues, seguimiento: seg } });
  return { ...acuerdo(ctx, antes.id), seguimientos: seguimientosDe(ctx, antes.id) };
}
