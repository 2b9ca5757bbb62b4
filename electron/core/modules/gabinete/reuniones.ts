/** Gabinete › Reuniones: creation, name and ordinal per scope, and the estatus life cycle. */
import { and, eq, max } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import * as s from '../../../../db/schema';
import { ETIQUETA_ESTATUS_REUNION } from '../../../contract/gabinete';
import type { Contexto, Handlers } from '../../contexto';
import { actorDe } from '../../contexto';
import { AppError, noEncontrado } from '../../errors';
import { fechaCorta } from '../../tiempo';
import { abreviarTema, alcanceDe, codigoLlevaTema, nombreReunion, normalizarTema, requiereTema, romano, type TipoParaNombre } from './nombres';
import { listarReuniones, reunionDetalle } from './consultas';
import { abierta, reunionDe, versionDe, type Reunion } from './guardas';
import { cantidad } from '../../../contract/cifras';

function tipoDe(ctx: Contexto, tipoId: string): TipoParaNombre & { nombre: string; activa: boolean } {
  const t = ctx.db.select().from(s.tiposGabinete).where(eq(s.tiposGabinete.id, tipoId)).get();
  if (!t) throw noEncontrado('el tipo de gabinete');
  return t;
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

/**
 * The tema's short key for acuerdo codes, taken inside the write transaction: the key other meetings of
 * this tipo and tema already carry, or the first free of `SAL`, `SAL2`, `SAL3`… so two temas never share one.
 */
function claveTemaPara(ctx: Contexto, tipo: TipoParaNombre, tema: string, excepto?: string): string {
  if (!codigoLlevaTema(tipo.numeracion) || !tema.trim()) return '';
  const otras = (ctx.sqlite
    .prepare("select id, tema, clave_tema as clave from gab_reuniones where tipo_id = ? and clave_tema <> ''")
    .all(tipo.id) as { id: string; tema: string; clave: string }[]).filter((r) => r.id !== excepto);
  const mismoTema = otras.find((r) => normalizarTema(r.tema) === normalizarTema(tema));
  if (mismoTema) return mismoTema.clave;
  const usadas = new Set(otras.map((r) => r.clave));
  const base = abreviarTema(tema);
  let n = 1;
  while (usadas.has(n === 1 ? base : `${base}${n}`)) n++;
  return n === 1 ? base : `${base}${n}`;
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

export const reunionesHandlers = {
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
        claveTema: claveTemaPara(ctx, tipo, tema),
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
      claveTema: normalizarTema(tema) === normalizarTema(antes.tema) ? antes.claveTema : claveTemaPara(ctx, tipo, tema, antes.id),
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
    if (n > 0) throw new AppError('VALIDACION', `La reunión ya tiene ${cantidad(n, 'acuerdo')}: no se puede cancelar.`);
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
} satisfies Partial<Handlers>;
