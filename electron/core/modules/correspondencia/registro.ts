/** Correspondencia › registro of an asunto (folio, remitente, FTS) and its edits, anulación and archivo; remitente lookup. */
import { v7 as uuidv7 } from 'uuid';
import { ETIQUETAS } from '../../../contract/correspondencia';
import type { ParsedInput } from '../../../contract';
import { AppError, conflicto } from '../../errors';
import { actorDe, escrituraAsincrona, type Contexto, type Handlers } from '../../contexto';
import { anioEnZona, fechaEnZona, inicioDeFecha } from '../../tiempo';
import { formatearFolio } from './folio';
import { normalizar } from '../../texto';
import { st } from './datos';
import { abierto, asuntoSql, evento, vErr, zona } from './comun';
import { serie, tomarNumero, type SerieFila } from './series';
import { guardarAnexos, verificarArchivos } from './anexos';
import { detalle, fila } from './bandeja';

/** What a clerk reads in the timeline for each edited field (never the internal name). */
const CAMPO_EDITADO: Record<string, string> = {
  fechaRecepcion: 'fecha de recepción', horaRecepcion: 'hora de recepción', medio: 'medio', tipo: 'tipo', prioridad: 'prioridad',
  remitenteNombre: 'remitente', remitenteCargo: 'cargo del remitente', remitenteOrganizacion: 'organización del remitente',
  municipioClave: 'municipio', oficioNumero: 'número de oficio', oficioFecha: 'fecha del oficio', asunto: 'asunto',
  observaciones: 'observaciones', destinatario: 'destinatario', serieDocumentalId: 'serie documental',
};

/** Instant of a reception date + time in office time; never in the future. */
function instanteRecepcion(ctx: Contexto, fechaR: string, hora: string): number {
  const [h, m] = hora.split(':').map(Number);
  const t = inicioDeFecha(fechaR, zona(ctx)) + h * 3_600_000 + m * 60_000;
  if (t > ctx.ahora() + 60_000) throw vErr('fechaRecepcion', 'La fecha y hora de recepción no pueden estar en el futuro.');
  return t;
}

function remitenteTexto(a: { remitenteNombre: string; remitenteCargo: string; remitenteOrganizacion: string }) {
  return [a.remitenteNombre, a.remitenteCargo, a.remitenteOrganizacion].filter(Boolean).join(' ');
}

function recordarRemitente(ctx: Contexto, a: { remitenteNombre: string; remitenteCargo: string; remitenteOrganizacion: string; municipioClave: string | null }) {
  const clave = [a.remitenteNombre, a.remitenteCargo, a.remitenteOrganizacion].map(normalizar).join('|');
  st(
    ctx,
    `insert into remitentes (id, clave, nombre, cargo, organizacion, municipio_clave, usos, ultimo_uso) values (?, ?, ?, ?, ?, ?, 1, ?)
     on conflict (clave) do update set usos = usos + 1, ultimo_uso = excluded.ultimo_uso,
       municipio_clave = coalesce(excluded.municipio_clave, municipio_clave)`,
  ).run(uuidv7(), clave, a.remitenteNombre, a.remitenteCargo, a.remitenteOrganizacion, a.municipioClave, ctx.ahora());
}

function verificarReferencias(ctx: Contexto, a: { municipioClave?: string | null; serieDocumentalId?: string | null }) {
  if (a.municipioClave && !st(ctx, 'select 1 from municipios where clave = ?').get(a.municipioClave)) {
    throw vErr('municipioClave', 'Municipio: elija uno de la lista.');
  }
  if (a.serieDocumentalId && !st(ctx, 'select 1 from series_documentales where id = ? and activa = 1').get(a.serieDocumentalId)) {
    throw vErr('serieDocumentalId', 'Serie documental: elija una activa de la lista.');
  }
}

const CAMPOS_EDITABLES = [
  'fechaRecepcion', 'horaRecepcion', 'medio', 'destinatario', 'tipo', 'prioridad', 'remitenteNombre', 'remitenteCargo',
  'remitenteOrganizacion', 'municipioClave', 'oficioNumero', 'oficioFecha', 'asunto', 'serieDocumentalId', 'observaciones',
] as const;

const COLUMNA: Record<(typeof CAMPOS_EDITABLES)[number], string> = {
  fechaRecepcion: 'fecha_recepcion', horaRecepcion: '', medio: 'medio', destinatario: 'destinatario', tipo: 'tipo', prioridad: 'prioridad',
  remitenteNombre: 'remitente_nombre', remitenteCargo: 'remitente_cargo', remitenteOrganizacion: 'remitente_organizacion',
  municipioClave: 'municipio_clave', oficioNumero: 'oficio_numero', oficioFecha: 'oficio_fecha', asunto: 'asunto',
  serieDocumentalId: 'serie_documental_id', observaciones: 'observaciones',
};

function actualizarFts(ctx: Contexto, id: string) {
  const a = asuntoSql(ctx, id);
  st(ctx, 'update asuntos_fts set folio = ?, asunto = ?, remitente = ?, oficio = ?, observaciones = ? where rowid = ?').run(
    a.folio,
    a.asunto,
    remitenteTexto({ remitenteNombre: a.remitente_nombre, remitenteCargo: a.remitente_cargo, remitenteOrganizacion: a.remitente_organizacion }),
    a.oficio_numero,
    a.observaciones,
    a.fts_id,
  );
}

export const registroHandlers = {
  /** Files are checked first (async, outside the transaction); then one IMMEDIATE transaction takes the folio. */
  'correspondencia.registrar': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'correspondencia.registrar'>) => {
    const listos = input.anexos.length ? await verificarArchivos(ctx, input.anexos) : [];
    return ctx.transaccion(() => {
      const actor = actorDe(ctx);
      const ahora = ctx.ahora();
      const recibido = instanteRecepcion(ctx, input.fechaRecepcion, input.horaRecepcion);
      const hoy = fechaEnZona(ahora, zona(ctx));
      if (input.oficioFecha && input.oficioFecha > hoy) throw vErr('oficioFecha', 'La fecha del oficio no puede ser posterior a hoy.');
      verificarReferencias(ctx, input);
      const s = input.serieId
        ? serie(ctx, input.serieId)
        : (st(ctx, "select * from series_folios where destinatario = ? and activa = 1 and uso = 'correspondencia'").get(input.destinatario) as SerieFila | undefined);
      if (!s) throw vErr('serieId', `No hay una serie de folios activa para ${ETIQUETAS.destinatario[input.destinatario]}; pida al administrador que la configure.`);
      if (!s.activa) throw vErr('serieId', `La serie de folios «${s.nombre}» está inactiva.`);
      if (s.uso !== 'correspondencia') throw vErr('serieId', `La serie «${s.nombre}» numera oficios de salida, no asuntos recibidos.`);
      const anio = anioEnZona(ahora, zona(ctx));
      const numero = tomarNumero(ctx, s.id, anio);
      const folio = formatearFolio(s.plantilla, anio, numero);
      const ftsId = ((st(ctx, 'select max(fts_id) as m from asuntos').get() as { m: number | null }).m ?? 0) + 1;
      const id = uuidv7();
      st(
        ctx,
        `insert into asuntos (id, fts_id, serie_id, anio, numero, folio, recibido, fecha_recepcion, medio, destinatario, tipo, prioridad,
          remitente_nombre, remitente_cargo, remitente_organizacion, municipio_clave, oficio_numero, oficio_fecha, asunto, serie_documental_id,
          observaciones, estatus, registrado_por, version, creado, actualizado)
         values (@id, @ftsId, @serieId, @anio, @numero, @folio, @recibido, @fechaRecepcion, @medio, @destinatario, @tipo, @prioridad,
          @remitenteNombre, @remitenteCargo, @remitenteOrganizacion, @municipioClave, @oficioNumero, @oficioFecha, @asunto, @serieDocumentalId,
          @observaciones, 'por_turnar', @actor, 0, @ahora, @ahora)`,
      ).run({
        id, ftsId, serieId: s.id, anio, numero, folio, recibido,
        fechaRecepcion: fechaEnZona(recibido, zona(ctx)),
        medio: input.medio, destinatario: input.destinatario, tipo: input.tipo, prioridad: input.prioridad,
        remitenteNombre: input.remitenteNombre, remitenteCargo: input.remitenteCargo, remitenteOrganizacion: input.remitenteOrganizacion,
        municipioClave: input.municipioClave, oficioNumero: input.oficioNumero, oficioFecha: input.oficioFecha, asunto: input.asunto,
        serieDocumentalId: input.serieDocumentalId, observaciones: input.observaciones, actor: actor.id, ahora,
      });
      st(ctx, 'insert into asuntos_fts (rowid, folio, asunto, remitente, oficio, observaciones) values (?, ?, ?, ?, ?, ?)').run(
        ftsId, folio, input.asunto, remitenteTexto(input), input.oficioNumero, input.observaciones,
      );
      recordarRemitente(ctx, input);
      evento(ctx, id, 'registro', `Registro con folio ${folio}`, { serie: s.clave, anio, numero });
      guardarAnexos(ctx, id, listos);
      ctx.bitacora({
        entidad: 'asuntos',
        entidadId: id,
        despues: { folio, serie: s.clave, anio, numero, ...input, anexos: listos.map((l) => l.nombre) },
      });
      return fila(ctx, id);
    });
  }),


  'correspondencia.editar': (ctx, input) => {
    const a = asuntoSql(ctx, input.id);
    if (a.version !== input.version) throw conflicto('el asunto');
    abierto(a, 'editar');
    const antes = detalle(ctx, input.id);
    verificarReferencias(ctx, input);
    const sets: string[] = [];
    const vals: Record<string, unknown> = { id: input.id, ahora: ctx.ahora() };
    const cambios: Record<string, { antes: unknown; despues: unknown }> = {};
    for (const campo of CAMPOS_EDITABLES) {
      const nuevo = input[campo];
      if (nuevo === undefined) continue;
      const viejo = antes[campo];
      if (nuevo === viejo) continue;
      cambios[campo] = { antes: viejo, despues: nuevo };
      if (COLUMNA[campo]) {
        sets.push(`${COLUMNA[campo]} = @${campo}`);
        vals[campo] = nuevo;
      }
    }
    if (cambios.fechaRecepcion || cambios.horaRecepcion) {
      const recibido = instanteRecepcion(ctx, input.fechaRecepcion ?? antes.fechaRecepcion, input.horaRecepcion ?? antes.horaRecepcion);
      sets.push('recibido = @recibido', 'demora_turno = case when primer_turno is not null then primer_turno - @recibido end');
      vals.recibido = recibido;
      vals.fechaRecepcion = fechaEnZona(recibido, zona(ctx));
      if (!sets.includes('fecha_recepcion = @fechaRecepcion')) sets.push('fecha_recepcion = @fechaRecepcion');
    }
    if (input.oficioFecha && input.oficioFecha > fechaEnZona(ctx.ahora(), zona(ctx))) throw vErr('oficioFecha', 'La fecha del oficio no puede ser posterior a hoy.');
    if (!sets.length) return antes;
    ctx.sqlite.prepare(`update asuntos set ${sets.join(', ')}, version = version + 1, actualizado = @ahora where id = @id`).run(vals);
    actualizarFts(ctx, input.id);
    if (cambios.remitenteNombre || cambios.remitenteCargo || cambios.remitenteOrganizacion) {
      const n = asuntoSql(ctx, input.id);
      recordarRemitente(ctx, { remitenteNombre: n.remitente_nombre, remitenteCargo: n.remitente_cargo, remitenteOrganizacion: n.remitente_organizacion, municipioClave: n.municipio_clave });
    }
    evento(ctx, input.id, 'edicion', `Se editó: ${Object.keys(cambios).map((k) => CAMPO_EDITADO[k] ?? k).join(', ')}`, cambios);
    ctx.bitacora({ entidad: 'asuntos', entidadId: input.id, antes: Object.fromEntries(Object.entries(cambios).map(([k, v]) => [k, v.antes])), despues: Object.fromEntries(Object.entries(cambios).map(([k, v]) => [k, v.despues])) });
    return detalle(ctx, input.id);
  },

  'correspondencia.anular': (ctx, input) => {
    const a = asuntoSql(ctx, input.id);
    if (a.version !== input.version) throw conflicto('el asunto');
    if (a.anulado) throw new AppError('VALIDACION', `El asunto ${a.folio} ya está anulado.`);
    st(ctx, "update asuntos set anulado = 1, motivo_anulacion = ?, estatus = 'anulado', plazo_proximo = null, version = version + 1, actualizado = ? where id = ?").run(input.motivo, ctx.ahora(), input.id);
    evento(ctx, input.id, 'anulacion', `Anulado: ${input.motivo}`, { motivo: input.motivo });
    ctx.bitacora({ entidad: 'asuntos', entidadId: input.id, antes: { estatus: a.estatus }, despues: { estatus: 'anulado', motivo: input.motivo } });
    return detalle(ctx, input.id);
  },

  'correspondencia.archivar': (ctx, input) => {
    const a = asuntoSql(ctx, input.id);
    if (a.version !== input.version) throw conflicto('el asunto');
    abierto(a, 'archivar');
    if (a.estatus !== 'por_turnar') {
      throw new AppError('VALIDACION', `El asunto ${a.folio} ya fue turnado; solo se archiva un asunto que concluye sin turno.`);
    }
    st(ctx, "update asuntos set archivado = 1, motivo_archivo = ?, estatus = 'archivado', version = version + 1, actualizado = ? where id = ?").run(input.motivo, ctx.ahora(), input.id);
    evento(ctx, input.id, 'archivo', `Archivado sin turno: ${input.motivo}`, { motivo: input.motivo });
    ctx.bitacora({ entidad: 'asuntos', entidadId: input.id, antes: { estatus: a.estatus }, despues: { estatus: 'archivado', motivo: input.motivo } });
    return detalle(ctx, input.id);
  },

  'correspondencia.remitentes.buscar': (ctx, input) => {
    const q = normalizar(input.texto).replace(/[\\%_]/g, (c) => `\\${c}`);
    if (!q) return [];
    return (
      st(
        ctx,
        `select nombre, cargo, organizacion, municipio_clave from remitentes where clave like ? escape '\\'
         order by (clave like ? escape '\\') desc, usos desc, ultimo_uso desc limit 10`,
      ).all(`%${q}%`, `${q}%`) as { nombre: string; cargo: string; organizacion: string; municipio_clave: string | null }[]
    ).map((r) => ({ nombre: r.nombre, cargo: r.cargo, organizacion: r.organizacion, municipioClave: r.municipio_clave }));
  },
} satisfies Partial<Handlers>;
