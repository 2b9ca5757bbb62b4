/** Gabinete handlers (DOMAIN §2): directorio, reuniones, convocados, orden del día, tarjetas, anexos, acuerdos. */
import fs from 'node:fs';
import { and, eq, inArray, max } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import * as s from '../../../../db/schema';
import { ETIQUETA_ESTATUS_REUNION } from '../../../contract/gabinete';
import type { Contexto, Handlers } from '../../contexto';
import { actorDe } from '../../contexto';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { fechaCorta } from '../../tiempo';
import { alcanceDe, nombreReunion, requiereTema, romano, type TipoParaNombre } from './nombres';
import { aplicarSeguimiento, contar, contarPor } from './reglas';
import {
  acuerdo, anexosDe, convocadosDe, entorno, listarAcuerdos, listarReuniones, ordenDe, reunionDetalle, seguimientosDe, tarjetasDe,
} from './consultas';
import { documentosHandlers } from './documentos';

type Reunion = typeof s.reuniones.$inferSelect;

/** Anexos of a meeting: presentations and documents, checked by content. */
const TIPOS_ANEXO = [
  'application/pdf', 'image/jpeg', 'image/png',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

// ── helpers ────────────────────────────────────────────────────────────────────────────────────────

function tipoDe(ctx: Contexto, tipoId: string): TipoParaNombre & { nombre: string; activa: boolean } {
  const t = ctx.db.select().from(s.tiposGabinete).where(eq(s.tiposGabinete.id, tipoId)).get();
  if (!t) throw noEncontrado('el tipo de gabinete');
  return t;
}

function reunionDe(ctx: Contexto, id: string): Reunion {
  const r = ctx.db.select().from(s.reuniones).where(eq(s.reuniones.id, id)).get();
  if (!r) throw noEncontrado('la reunión');
  return r;
}

function versionDe(r: { version: number }, version: number, entidad: string) {
  if (r.version !== version) throw conflicto(entidad);
}

/** Meetings that still accept changes to their content (not closed, not cancelled). */
function abierta(r: Reunion, que: string) {
  if (r.estatus === 'cerrada') {
    throw new AppError(
      'VALIDACION',
      `La minuta de la «${r.nombre}» ya se emitió y la reunión está cerrada: no se puede ${que}. Para corregirla, un coordinador debe reabrirla indicando el motivo.`,
      [{ campo: 'reunion', mensaje: 'Reunión cerrada.', bloqueada: true }],
    );
  }
  if (r.estatus === 'cancelada') {
    throw new AppError('VALIDACION', `La «${r.nombre}» fue cancelada: no se puede ${que}.`, [{ campo: 'reunion', mensaje: 'Reunión cancelada.' }]);
  }
}

function tocarReunion(ctx: Contexto, r: Reunion, cambios: Partial<Reunion> = {}): Reunion {
  return ctx.db
    .update(s.reuniones)
    .set({ ...cambios, version: r.version + 1, actualizado: ctx.ahora() })
    .where(eq(s.reuniones.id, r.id))
    .returning()
    .get();
}

function evento(ctx: Contexto, reunionId: string, tipo: (typeof s.EVENTOS_REUNION)[number], motivo: string | null = null) {
  ctx.db.insert(s.eventosReunion).values({ id: uuidv7(), reunionId, tipo, motivo, usuarioId: actorDe(ctx).id, momento: ctx.ahora() }).run();
}

function siguienteOrdinal(ctx: Contexto, alcance: string | null): number | null {
  if (alcance === null) return null;
  const m = ctx.db.select({ m: max(s.reuniones.ordinal) }).from(s.reuniones).where(eq(s.reuniones.alcance, alcance)).get();
  return (m?.m ?? 0) + 1;
}

function ordinalOcupado(ctx: Contexto, alcance: string | null, ordinal: number | null, excepto?: string): Reunion | undefined {
  if (alcance === null || ordinal === null) return undefined;
  return ctx.db
    .select()
    .from(s.reuniones)
    .where(and(eq(s.reuniones.alcance, alcance), eq(s.reuniones.ordinal, ordinal)))
    .all()
    .find((r) => r.id !== excepto);
}

function errorOrdinal(ordinal: number, otra: Reunion): AppError {
  return new AppError('DUPLICADO', `El ordinal ${romano(ordinal)} ya lo tiene la «${otra.nombre}» (${fechaCorta(otra.fecha)}); elija otro.`, [
    { campo: 'ordinal', mensaje: `Ordinal ${romano(ordinal)} ya usado.` },
  ]);
}

function validarTema(tipo: TipoParaNombre & { nombre: string }, tema: string) {
  if (requiereTema(tipo) && !tema.trim()) {
    throw new AppError('VALIDACION', `Tema o región es obligatorio para ${tipo.nombre} (por ejemplo «del Mayo» o «de Salud»).`, [
      { campo: 'tema', mensaje: 'Tema o región es obligatorio.' },
    ]);
  }
}

function validarMunicipio(ctx: Contexto, clave: string | null) {
  if (clave && !ctx.db.select().from(s.municipios).where(eq(s.municipios.clave, clave)).get()) {
    throw new AppError('VALIDACION', 'Municipio: elija uno de la lista.', [{ campo: 'municipioClave', mensaje: 'Municipio desconocido.' }]);
  }
}

function dependenciaActiva(ctx: Contexto, id: string, papel: string, campo: string) {
  const d = ctx.db.select().from(s.dependencias).where(eq(s.dependencias.id, id)).get();
  if (!d) throw new AppError('VALIDACION', `${papel}: elija una dependencia de la lista.`, [{ campo, mensaje: 'Dependencia desconocida.' }]);
  if (!d.activa) {
    throw new AppError('VALIDACION', `${papel}: la dependencia «${d.nombre}» está inactiva; elija una dependencia vigente.`, [
      { campo, mensaje: 'Dependencia inactiva.' },
    ]);
  }
  return d;
}

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

// ── handlers ───────────────────────────────────────────────────────────────────────────────────────

export const gabineteHandlers = {
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

  // ── reuniones ──
  'gabinete.reuniones.listar': (ctx, input) => listarReuniones(ctx, input ?? {}),

  'gabinete.reuniones.vistaPrevia': (ctx, input) => {
    const tipo = tipoDe(ctx, input.tipoId);
    const alcance = alcanceDe(tipo, input.tema);
    let ordinal: number | null = null;
    if (alcance !== null) {
      const propia = input.reunionId ? reunionDe(ctx, input.reunionId) : null;
      ordinal = input.ordinal ?? (propia && propia.alcance === alcance ? propia.ordinal : siguienteOrdinal(ctx, alcance));
    }
    const ocupada = ordinalOcupado(ctx, alcance, ordinal, input.reunionId);
    const tema = requiereTema(tipo) && !input.tema.trim() ? '…' : input.tema;
    return {
      nombre: nombreReunion(tipo.plantilla, ordinal, tema),
      ordinal,
      numeracion: tipo.numeracion,
      requiereTema: requiereTema(tipo),
      ordinalOcupado: !!ocupada,
    };
  },

  'gabinete.reuniones.crear': (ctx, input) => {
    const tipo = tipoDe(ctx, input.tipoId);
    if (!tipo.activa) throw new AppError('VALIDACION', `El tipo «${tipo.nombre}» está inactivo; elija otro.`, [{ campo: 'tipoId', mensaje: 'Tipo inactivo.' }]);
    const tema = tipo.plantilla.includes('{tema}') || tipo.numeracion === 'por_tema' ? input.tema : '';
    validarTema(tipo, tema);
    validarMunicipio(ctx, input.municipioClave);
    const alcance = alcanceDe(tipo, tema);
    // Like a folio: the next ordinal of the scope, taken inside this (IMMEDIATE) transaction.
    const ordinal = siguienteOrdinal(ctx, alcance);
    const ahora = ctx.ahora();
    const r = ctx.db
      .insert(s.reuniones)
      .values({
        id: uuidv7(), tipoId: tipo.id, tema, alcance, ordinal, nombre: nombreReunion(tipo.plantilla, ordinal, tema),
        fecha: input.fecha, hora: input.hora, sede: input.sede, municipioClave: input.municipioClave,
        creadoPor: actorDe(ctx).id, creado: ahora, actualizado: ahora,
      })
      .returning()
      .get();
    ctx.bitacora({ entidad: 'gab_reuniones', entidadId: r.id, despues: r });
    return reunionDetalle(ctx, r.id);
  },

  'gabinete.reuniones.editar': (ctx, input) => {
    const antes = reunionDe(ctx, input.id);
    versionDe(antes, input.version, 'la reunión');
    abierta(antes, 'modificar sus datos');
    const tipo = tipoDe(ctx, antes.tipoId);
    const tema = tipo.plantilla.includes('{tema}') || tipo.numeracion === 'por_tema' ? input.tema : '';
    validarTema(tipo, tema);
    validarMunicipio(ctx, input.municipioClave);
    const alcance = alcanceDe(tipo, tema);
    // A new tema under "por tema" numbering moves the meeting to another sequence: it takes that one's next ordinal.
    const ordinal = alcance === antes.alcance ? antes.ordinal : siguienteOrdinal(ctx, alcance);
    const despues = tocarReunion(ctx, antes, {
      tema, alcance, ordinal, nombre: nombreReunion(tipo.plantilla, ordinal, tema),
      fecha: input.fecha, hora: input.hora, sede: input.sede, municipioClave: input.municipioClave,
    });
    ctx.bitacora({ entidad: 'gab_reuniones', entidadId: antes.id, antes, despues });
    return reunionDetalle(ctx, antes.id);
  },

  'gabinete.reuniones.cambiarOrdinal': (ctx, input) => {
    const antes = reunionDe(ctx, input.id);
    versionDe(antes, input.version, 'la reunión');
    if (antes.alcance === null) {
      throw new AppError('VALIDACION', `Las reuniones de este tipo no llevan ordinal («${antes.nombre}»).`, [{ campo: 'ordinal', mensaje: 'Sin numeración.' }]);
    }
    if (antes.estatus === 'cerrada') abierta(antes, 'cambiar su ordinal');
    const otra = ordinalOcupado(ctx, antes.alcance, input.ordinal, antes.id);
    if (otra) throw errorOrdinal(input.ordinal, otra);
    const tipo = tipoDe(ctx, antes.tipoId);
    const despues = tocarReunion(ctx, antes, { ordinal: input.ordinal, nombre: nombreReunion(tipo.plantilla, input.ordinal, antes.tema) });
    evento(ctx, antes.id, 'ordinal', `De ${antes.ordinal ? romano(antes.ordinal) : '—'} a ${romano(input.ordinal)}`);
    ctx.bitacora({ entidad: 'gab_reuniones', entidadId: antes.id, antes, despues });
    return reunionDetalle(ctx, antes.id);
  },

  'gabinete.reuniones.obtener': (ctx, input) => reunionDetalle(ctx, input.id),

  'gabinete.reuniones.marcarCelebrada': (ctx, input) => {
    const antes = reunionDe(ctx, input.id);
    versionDe(antes, input.version, 'la reunión');
    if (antes.estatus !== 'programada') {
      throw new AppError('VALIDACION', `La reunión está ${ETIQUETA_ESTATUS_REUNION[antes.estatus].toLowerCase()}; solo una programada puede marcarse como celebrada.`);
    }
    const despues = tocarReunion(ctx, antes, { estatus: 'celebrada' });
    evento(ctx, antes.id, 'celebrada');
    ctx.bitacora({ entidad: 'gab_reuniones', entidadId: antes.id, antes, despues });
    return reunionDetalle(ctx, antes.id);
  },

  'gabinete.reuniones.cancelar': (ctx, input) => {
    const antes = reunionDe(ctx, input.id);
    versionDe(antes, input.version, 'la reunión');
    if (antes.estatus !== 'programada') {
      throw new AppError('VALIDACION', `Solo se cancela una reunión programada; la «${antes.nombre}» está ${ETIQUETA_ESTATUS_REUNION[antes.estatus].toLowerCase()}.`);
    }
    const n = ctx.db.select({ id: s.acuerdos.id }).from(s.acuerdos).where(eq(s.acuerdos.reunionId, antes.id)).all().length;
    if (n > 0) throw new AppError('VALIDACION', `La reunión ya tiene ${n} acuerdo(s): no se puede cancelar.`);
    const despues = tocarReunion(ctx, antes, { estatus: 'cancelada', motivoCancelacion: input.motivo });
    evento(ctx, antes.id, 'cancelacion', input.motivo);
    ctx.bitacora({ entidad: 'gab_reuniones', entidadId: antes.id, antes, despues });
    return reunionDetalle(ctx, antes.id);
  },

  'gabinete.reuniones.cerrar': (ctx, input) => {
    const antes = reunionDe(ctx, input.id);
    versionDe(antes, input.version, 'la reunión');
    abierta(antes, 'cerrarla otra vez');
    const despues = tocarReunion(ctx, antes, { estatus: 'cerrada', cerradaEn: ctx.ahora(), cerradaPor: actorDe(ctx).id });
    evento(ctx, antes.id, 'cierre', 'Minuta emitida');
    ctx.bitacora({ entidad: 'gab_reuniones', entidadId: antes.id, antes, despues });
    return reunionDetalle(ctx, antes.id);
  },

  'gabinete.reuniones.reabrir': (ctx, input) => {
    const antes = reunionDe(ctx, input.id);
    versionDe(antes, input.version, 'la reunión');
    if (antes.estatus !== 'cerrada') throw new AppError('VALIDACION', `La «${antes.nombre}» no está cerrada; no hay nada que reabrir.`);
    const despues = tocarReunion(ctx, antes, { estatus: 'celebrada', cerradaEn: null, cerradaPor: null });
    evento(ctx, antes.id, 'reapertura', input.motivo);
    ctx.bitacora({ entidad: 'gab_reuniones', entidadId: antes.id, antes, despues: { ...despues, motivo: input.motivo } });
    return reunionDetalle(ctx, antes.id);
  },

  // ── convocados y asistencia ──
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

  // ── orden del día ──
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

  // ── tarjetas informativas ──
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

  // ── anexos ──
  'gabinete.anexos.agregar': async (ctx, input) => {
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
  },

  'gabinete.anexos.retirar': (ctx, input) => {
    const antes = ctx.db.select().from(s.anexosReunion).where(eq(s.anexosReunion.id, input.id)).get();
    if (!antes || antes.retirado) throw noEncontrado('el anexo');
    ctx.db.update(s.anexosReunion).set({ retirado: true, motivoRetiro: input.motivo }).where(eq(s.anexosReunion.id, antes.id)).run();
    ctx.bitacora({ entidad: 'gab_anexos', entidadId: antes.id, antes, despues: { retirado: true, motivo: input.motivo } });
    return anexosDe(ctx, antes.reunionId);
  },

  // ── acuerdos ──
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
  'gabinete.acuerdos.seguimiento': async (ctx, input) => {
    let evidencia: { bytes: Buffer; tipo: string } | null = null;
    if (input.evidencia) {
      const bytes = Buffer.from(input.evidencia.contenidoBase64, 'base64');
      const tipo = await ctx.archivos.verificar(bytes, TIPOS_ANEXO, ctx.ajustes().anexoMaxMb * 1024 * 1024).catch((e: AppError) => {
        throw new AppError('ARCHIVO', `Evidencia: ${e.message}`);
      });
      evidencia = { bytes, tipo };
    }
    return ctx.transaccion(() => {
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
          evidenciaSha: g?.sha256 ?? null, evidenciaNombre: g ? input.evidencia!.nombre : null,
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
    });
  },

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

  ...documentosHandlers,
} satisfies Partial<Handlers>;
