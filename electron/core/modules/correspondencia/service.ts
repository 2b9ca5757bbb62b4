/** Correspondencia handlers (DOMAIN §1): folios, registro, turnos, anexos, bandeja. Reports in reportes.ts. */
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { Asunto, FilaAsunto, SerieFolio } from '../../../contract/correspondencia';
import { ETIQUETAS } from '../../../contract/correspondencia';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { actorDe, type Contexto, type Handlers } from '../../contexto';
import { TIPOS_DOCUMENTO, type ArchivoGuardado } from '../../archivos';
import { anioEnZona, fechaEnZona, inicioDeFecha } from '../../tiempo';
import { formatearFolio, validarPlantilla } from './folio';
import { normalizar } from './busqueda';
import {
  estatusAsunto,
  horasParaTurnar,
  nombreSeguro,
  plazoPorDefecto,
  semaforoEstatusAsunto,
  semaforoPlazoAsunto,
  semaforosTurno,
  type EstatusAsunto,
  type EstatusTurno,
} from './reglas';
import { aFila, bandeja, hoyDe, st, turnosDe, COLUMNAS_FILA, type FilaSql } from './datos';
import { reportesHandlers } from './reportes';

// ───────────── helpers ─────────────

function vErr(campo: string, mensaje: string): AppError {
  return new AppError('VALIDACION', mensaje, [{ campo, mensaje }]);
}

function evento(ctx: Contexto, asuntoId: string, tipo: string, descripcion: string, detalle?: unknown) {
  st(ctx, 'insert into asuntos_eventos (asunto_id, momento, usuario_id, usuario, tipo, descripcion, detalle) values (?, ?, ?, ?, ?, ?, ?)').run(
    asuntoId,
    ctx.ahora(),
    ctx.actor?.id ?? null,
    ctx.actor?.nombre ?? null,
    tipo,
    descripcion,
    detalle === undefined ? null : JSON.stringify(detalle),
  );
}

function zona(ctx: Contexto) {
  return ctx.ajustes().zonaHoraria;
}

/** Instant of a reception date + time in office time; never in the future. */
function instanteRecepcion(ctx: Contexto, fechaR: string, hora: string): number {
  const [h, m] = hora.split(':').map(Number);
  const t = inicioDeFecha(fechaR, zona(ctx)) + h * 3_600_000 + m * 60_000;
  if (t > ctx.ahora() + 60_000) throw vErr('fechaRecepcion', 'La fecha y hora de recepción no pueden estar en el futuro.');
  return t;
}

interface SerieFila {
  id: string;
  clave: string;
  nombre: string;
  plantilla: string;
  destinatario: 'titular' | 'jefe_oficina' | null;
  activa: number;
  version: number;
}

function serieVista(ctx: Contexto, s: SerieFila): SerieFolio {
  const anio = anioEnZona(ctx.ahora(), zona(ctx));
  const c = st(ctx, 'select siguiente from contadores_folio where serie_id = ? and anio = ?').get(s.id, anio) as { siguiente: number } | undefined;
  const usados = (st(ctx, 'select count(*) as n from asuntos where serie_id = ? and anio = ?').get(s.id, anio) as { n: number }).n;
  const siguiente = c?.siguiente ?? 1;
  return {
    id: s.id,
    clave: s.clave,
    nombre: s.nombre,
    plantilla: s.plantilla,
    destinatario: s.destinatario,
    activa: !!s.activa,
    version: s.version,
    anio,
    siguiente,
    ejemplo: formatearFolio(s.plantilla, anio, siguiente),
    usados,
  };
}

function serie(ctx: Contexto, id: string): SerieFila {
  const s = st(ctx, 'select * from series_folios where id = ?').get(id) as SerieFila | undefined;
  if (!s) throw noEncontrado('la serie de folios');
  return s;
}

/**
 * Takes the next number of (serie, año) inside the caller's IMMEDIATE transaction: gapless (a rollback
 * returns it), unique (the write lock serializes processes; the unique index guards anyway), never reused.
 */
function tomarNumero(ctx: Contexto, serieId: string, anio: number): number {
  if (!ctx.sqlite.inTransaction) throw new Error('El folio solo se toma dentro de la transacción del registro.');
  const r = st(
    ctx,
    `insert into contadores_folio (serie_id, anio, siguiente, actualizado) values (?, ?, 2, ?)
     on conflict (serie_id, anio) do update set siguiente = siguiente + 1, actualizado = excluded.actualizado
     returning siguiente - 1 as n`,
  ).get(serieId, anio, ctx.ahora()) as { n: number };
  return r.n;
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

interface ArchivoListo {
  nombre: string;
  bytes: Buffer;
  tipo: string;
}

/** Type by content and size limit, before any transaction (async). */
async function verificarArchivos(ctx: Contexto, archivos: { nombre: string; contenidoBase64: string }[]): Promise<ArchivoListo[]> {
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

function guardarAnexos(ctx: Contexto, asuntoId: string, listos: ArchivoListo[]): number {
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

interface AsuntoSql {
  id: string;
  fts_id: number;
  serie_id: string;
  anio: number;
  numero: number;
  folio: string;
  recibido: number;
  fecha_recepcion: string;
  medio: Asunto['medio'];
  destinatario: Asunto['destinatario'];
  tipo: Asunto['tipo'];
  prioridad: Asunto['prioridad'];
  remitente_nombre: string;
  remitente_cargo: string;
  remitente_organizacion: string;
  municipio_clave: string | null;
  oficio_numero: string;
  oficio_fecha: string | null;
  asunto: string;
  serie_documental_id: string | null;
  observaciones: string;
  estatus: EstatusAsunto;
  primer_turno: number | null;
  plazo_proximo: string | null;
  anulado: number;
  motivo_anulacion: string | null;
  archivado: number;
  motivo_archivo: string | null;
  registrado_por: string | null;
  version: number;
  creado: number;
}

function asuntoSql(ctx: Contexto, id: string): AsuntoSql {
  const a = st(ctx, 'select * from asuntos where id = ?').get(id) as AsuntoSql | undefined;
  if (!a) throw noEncontrado('el asunto');
  return a;
}

/** Recomputes the derived estatus after any change to the asunto or its turnos (same transaction). */
function recalcular(ctx: Contexto, id: string): EstatusAsunto {
  const a = asuntoSql(ctx, id);
  const ts = st(ctx, 'select requiere_atencion, estatus from turnos where asunto_id = ?').all(id) as { requiere_atencion: number; estatus: EstatusTurno }[];
  const e = estatusAsunto({
    anulado: !!a.anulado,
    archivado: !!a.archivado,
    turnos: ts.map((t) => ({ requiereAtencion: !!t.requiere_atencion, estatus: t.estatus })),
  });
  const plazo = a.anulado
    ? null
    : ((st(ctx, "select min(fecha_limite) as m from turnos where asunto_id = ? and requiere_atencion = 1 and estatus <> 'atendido'").get(id) as { m: string | null }).m);
  if (e !== a.estatus || plazo !== a.plazo_proximo) st(ctx, 'update asuntos set estatus = ?, plazo_proximo = ? where id = ?').run(e, plazo, id);
  return e;
}

function fila(ctx: Contexto, id: string): FilaAsunto {
  const r = st(ctx, `select ${COLUMNAS_FILA} from asuntos a join series_folios s on s.id = a.serie_id where a.id = ?`).get(id) as FilaSql;
  return aFila(ctx, r, turnosDe(ctx, [id]).get(id) ?? [], hoyDe(ctx), ctx.ahora());
}

/** Everything the detail screen shows, semáforos included. */
export function detalle(ctx: Contexto, id: string): Asunto {
  const a = asuntoSql(ctx, id);
  const s = serie(ctx, a.serie_id);
  const h = hoyDe(ctx);
  const anulado = !!a.anulado;
  const nombreDe = (uid: string | null) =>
    uid ? ((st(ctx, 'select nombre from usuarios where id = ?').get(uid) as { nombre: string } | undefined)?.nombre ?? null) : null;

  const turnos = (
    st(
      ctx,
      `select t.*, d.nombre as dependencia, d.siglas, i.nombre as instruccion from turnos t
       join dependencias d on d.id = t.dependencia_id join instrucciones_turno i on i.id = t.instruccion_id
       where t.asunto_id = ? order by t.turnado, t.id`,
    ).all(id) as Record<string, never>[]
  ).map((t: Record<string, any>) => {
    const sem = semaforosTurno(
      { requiereAtencion: !!t.requiere_atencion, estatus: t.estatus, fechaTurno: t.fecha_turno, fechaLimite: t.fecha_limite, prorrogas: t.prorrogas },
      anulado,
      h,
    );
    const respuestas = (st(ctx, 'select r.*, u.nombre as usuario from respuestas r left join usuarios u on u.id = r.usuario_id where r.turno_id = ? order by r.registrado').all(t.id) as Record<string, any>[]).map((r) => ({
      id: r.id,
      numeroOficio: r.numero_oficio,
      fecha: r.fecha,
      resumen: r.resumen,
      archivo: r.archivo_sha ? { sha256: r.archivo_sha, nombre: r.archivo_nombre ?? 'respuesta' } : null,
      registrado: r.registrado,
      usuario: r.usuario ?? null,
    }));
    const historial = (st(ctx, 'select h.*, u.nombre as usuario from turnos_historial h left join usuarios u on u.id = h.usuario_id where h.turno_id = ? order by h.momento').all(t.id) as Record<string, any>[]).map((x) => ({
      tipo: x.tipo,
      motivo: x.motivo,
      plazoAnterior: x.plazo_anterior,
      plazoNuevo: x.plazo_nuevo,
      estatusAnterior: x.estatus_anterior,
      momento: x.momento,
      usuario: x.usuario ?? null,
    }));
    return {
      id: t.id,
      asuntoId: t.asunto_id,
      dependenciaId: t.dependencia_id,
      dependencia: t.dependencia,
      dependenciaSiglas: t.siglas,
      instruccionId: t.instruccion_id,
      instruccion: t.instruccion,
      requiereAtencion: !!t.requiere_atencion,
      turnado: t.turnado,
      fechaTurno: t.fecha_turno,
      plazoOriginal: t.plazo_original,
      fechaLimite: t.fecha_limite,
      prorrogas: t.prorrogas,
      reaperturas: t.reaperturas,
      estatus: t.estatus,
      atendido: t.atendido,
      notas: t.notas,
      version: t.version,
      semaforoEstatus: sem.estatus,
      semaforoPlazo: sem.plazo,
      respuestas,
      historial,
    };
  });

  const anexos = (st(ctx, 'select x.*, u.nombre as usuario from anexos x left join usuarios u on u.id = x.usuario_id where x.asunto_id = ? order by x.agregado, x.id').all(id) as Record<string, any>[]).map((x) => ({
    id: x.id,
    nombre: x.nombre,
    tipo: x.tipo,
    tamano: x.tamano,
    sha256: x.archivo_sha,
    agregado: x.agregado,
    usuario: x.usuario ?? null,
  }));
  const eventos = (st(ctx, 'select * from asuntos_eventos where asunto_id = ? order by id').all(id) as Record<string, any>[]).map((e) => ({
    id: e.id,
    momento: e.momento,
    usuario: e.usuario,
    tipo: e.tipo,
    descripcion: e.descripcion,
    detalle: e.detalle ? JSON.parse(e.detalle) : null,
  }));
  const municipio = a.municipio_clave
    ? ((st(ctx, 'select nombre from municipios where clave = ?').get(a.municipio_clave) as { nombre: string } | undefined)?.nombre ?? null)
    : null;
  const serieDoc = a.serie_documental_id
    ? ((st(ctx, 'select clave, nombre from series_documentales where id = ?').get(a.serie_documental_id) as { clave: string; nombre: string } | undefined) ?? null)
    : null;
  const hora = fechaHora(a.recibido, zona(ctx));
  return {
    id: a.id,
    folio: a.folio,
    anio: a.anio,
    numero: a.numero,
    serieId: a.serie_id,
    serieClave: s.clave,
    serieNombre: s.nombre,
    recibido: a.recibido,
    fechaRecepcion: a.fecha_recepcion,
    horaRecepcion: hora,
    medio: a.medio,
    destinatario: a.destinatario,
    tipo: a.tipo,
    prioridad: a.prioridad,
    remitenteNombre: a.remitente_nombre,
    remitenteCargo: a.remitente_cargo,
    remitenteOrganizacion: a.remitente_organizacion,
    municipioClave: a.municipio_clave,
    municipio,
    oficioNumero: a.oficio_numero,
    oficioFecha: a.oficio_fecha,
    asunto: a.asunto,
    serieDocumentalId: a.serie_documental_id,
    serieDocumental: serieDoc ? `${serieDoc.clave} ${serieDoc.nombre}` : null,
    observaciones: a.observaciones,
    estatus: a.estatus,
    anulado,
    motivoAnulacion: a.motivo_anulacion,
    archivado: !!a.archivado,
    motivoArchivo: a.motivo_archivo,
    primerTurno: a.primer_turno,
    horasParaTurnar: horasParaTurnar(a.recibido, a.primer_turno),
    registradoPor: nombreDe(a.registrado_por),
    creado: a.creado,
    version: a.version,
    semaforoEstatus: semaforoEstatusAsunto(a.estatus),
    semaforoPlazo: semaforoPlazoAsunto(a.estatus, turnos.map((t) => t.semaforoPlazo), a.recibido, ctx.ahora()),
    anexos,
    turnos,
    eventos,
  };
}

/** "HH:MM" of an instant in office time. */
function fechaHora(instante: number, tz: string): string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return f.format(new Date(instante));
}

function abierto(a: AsuntoSql, accion: string) {
  if (a.anulado) throw new AppError('VALIDACION', `El asunto ${a.folio} está anulado: no se puede ${accion}.`);
}

interface TurnoFila {
  id: string;
  asunto_id: string;
  dependencia_id: string;
  requiere_atencion: number;
  estatus: EstatusTurno;
  fecha_turno: string;
  fecha_limite: string | null;
  plazo_original: string | null;
  prorrogas: number;
  reaperturas: number;
  notas: string;
  atendido: number | null;
  version: number;
}

function turnoSql(ctx: Contexto, id: string): TurnoFila {
  const t = st(ctx, 'select * from turnos where id = ?').get(id) as TurnoFila | undefined;
  if (!t) throw noEncontrado('el turno');
  return t;
}

function nombreDependencia(ctx: Contexto, id: string): string {
  const d = st(ctx, 'select nombre, siglas from dependencias where id = ?').get(id) as { nombre: string; siglas: string } | undefined;
  return d ? d.siglas || d.nombre : '';
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

// ───────────── handlers ─────────────

export const correspondenciaHandlers = {
  'correspondencia.series.listar': (ctx) =>
    (st(ctx, 'select * from series_folios order by clave').all() as SerieFila[]).map((s) => serieVista(ctx, s)),

  'correspondencia.series.guardar': (ctx, input) => {
    const v = validarPlantilla(input.plantilla);
    if (!v.ok) throw vErr('plantilla', v.mensaje);
    const otra = st(ctx, 'select id from series_folios where clave = ?').get(input.clave) as { id: string } | undefined;
    if (otra && otra.id !== input.id) throw new AppError('DUPLICADO', `Ya existe una serie con la clave «${input.clave}».`, [{ campo: 'clave', mensaje: 'Clave repetida.' }]);
    const ahora = ctx.ahora();
    if (!input.id) {
      const id = uuidv7();
      st(ctx, 'insert into series_folios (id, clave, nombre, plantilla, destinatario, activa, version, creado, actualizado) values (?, ?, ?, ?, ?, ?, 0, ?, ?)').run(
        id, input.clave, input.nombre, input.plantilla, input.destinatario, input.activa ? 1 : 0, ahora, ahora,
      );
      if (input.destinatario) st(ctx, 'update series_folios set destinatario = null where destinatario = ? and id <> ?').run(input.destinatario, id);
      const s = serie(ctx, id);
      ctx.bitacora({ entidad: 'series_folios', entidadId: id, despues: s });
      return serieVista(ctx, s);
    }
    const antes = serie(ctx, input.id);
    if (input.version === undefined || antes.version !== input.version) throw conflicto('la serie de folios');
    st(ctx, 'update series_folios set clave = ?, nombre = ?, plantilla = ?, destinatario = ?, activa = ?, version = version + 1, actualizado = ? where id = ?').run(
      input.clave, input.nombre, input.plantilla, input.destinatario, input.activa ? 1 : 0, ahora, input.id,
    );
    // One default series per destinatario: the new default takes over.
    if (input.destinatario) st(ctx, 'update series_folios set destinatario = null where destinatario = ? and id <> ?').run(input.destinatario, input.id);
    const s = serie(ctx, input.id);
    ctx.bitacora({ entidad: 'series_folios', entidadId: input.id, antes, despues: s });
    return serieVista(ctx, s);
  },

  'correspondencia.series.vistaPrevia': (_ctx, input) => {
    const v = validarPlantilla(input.plantilla);
    if (!v.ok) throw vErr('plantilla', v.mensaje);
    return { folio: formatearFolio(input.plantilla, input.anio, input.numero) };
  },

  'correspondencia.series.fijarSiguiente': (ctx, input) => {
    const s = serie(ctx, input.serieId);
    const max = (st(ctx, 'select max(numero) as m from asuntos where serie_id = ? and anio = ?').get(s.id, input.anio) as { m: number | null }).m ?? 0;
    if (input.siguiente <= max) {
      throw vErr(
        'siguiente',
        `El folio ${formatearFolio(s.plantilla, input.anio, max)} ya se usó en ${input.anio}: el siguiente número debe ser mayor que ${max.toLocaleString('es-MX')} (los folios nunca se reutilizan).`,
      );
    }
    const antes = st(ctx, 'select siguiente from contadores_folio where serie_id = ? and anio = ?').get(s.id, input.anio) as { siguiente: number } | undefined;
    st(
      ctx,
      `insert into contadores_folio (serie_id, anio, siguiente, actualizado) values (?, ?, ?, ?)
       on conflict (serie_id, anio) do update set siguiente = excluded.siguiente, actualizado = excluded.actualizado`,
    ).run(s.id, input.anio, input.siguiente, ctx.ahora());
    ctx.bitacora({
      entidad: 'contadores_folio',
      entidadId: `${s.id}:${input.anio}`,
      antes: { siguiente: antes?.siguiente ?? 1 },
      despues: { siguiente: input.siguiente },
    });
    return { serieId: s.id, anio: input.anio, siguiente: input.siguiente, folio: formatearFolio(s.plantilla, input.anio, input.siguiente) };
  },

  /** Files are checked first (async, outside the transaction); then one IMMEDIATE transaction takes the folio. */
  'correspondencia.registrar': async (ctx, input) => {
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
        : (st(ctx, 'select * from series_folios where destinatario = ? and activa = 1').get(input.destinatario) as SerieFila | undefined);
      if (!s) throw vErr('serieId', `No hay una serie de folios activa para ${ETIQUETAS.destinatario[input.destinatario]}; pida al administrador que la configure.`);
      if (!s.activa) throw vErr('serieId', `La serie de folios «${s.nombre}» está inactiva.`);
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
  },

  'correspondencia.obtener': (ctx, input) => detalle(ctx, input.id),

  'correspondencia.bandeja': (ctx, input) => bandeja(ctx, input),

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
    evento(ctx, input.id, 'edicion', `Se editaron: ${Object.keys(cambios).join(', ')}`, cambios);
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

  'correspondencia.plazo': (ctx, input) => {
    const i = st(ctx, 'select requiere_atencion, dias_habiles from instrucciones_turno where id = ?').get(input.instruccionId) as
      | { requiere_atencion: number; dias_habiles: number }
      | undefined;
    if (!i) throw noEncontrado('la instrucción de turno');
    const fechaTurno = input.fechaTurno ?? fechaEnZona(ctx.ahora(), zona(ctx));
    return {
      fechaTurno,
      fechaLimite: plazoPorDefecto(ctx.calendario(), fechaTurno, { requiereAtencion: !!i.requiere_atencion, diasHabiles: i.dias_habiles }),
      diasHabiles: i.dias_habiles,
      requiereAtencion: !!i.requiere_atencion,
    };
  },

  'correspondencia.turnar': (ctx, input) => {
    const actor = actorDe(ctx);
    const a = asuntoSql(ctx, input.asuntoId);
    abierto(a, 'turnar');
    if (a.archivado) throw new AppError('VALIDACION', `El asunto ${a.folio} está archivado: no se puede turnar.`);
    const instr = st(ctx, 'select * from instrucciones_turno where id = ?').get(input.instruccionId) as
      | { nombre: string; requiere_atencion: number; dias_habiles: number; activa: number }
      | undefined;
    if (!instr) throw noEncontrado('la instrucción de turno');
    if (!instr.activa) throw vErr('instruccionId', `La instrucción «${instr.nombre}» está inactiva.`);
    const ahora = ctx.ahora();
    const fechaTurno = fechaEnZona(ahora, zona(ctx));
    const requiere = !!instr.requiere_atencion;
    const limite =
      input.fechaLimite === undefined || input.fechaLimite === null
        ? plazoPorDefecto(ctx.calendario(), fechaTurno, { requiereAtencion: requiere, diasHabiles: instr.dias_habiles })
        : input.fechaLimite;
    if (limite && limite < fechaTurno) throw vErr('fechaLimite', 'La fecha límite no puede ser anterior a la fecha de turno.');
    const ids = [...new Set(input.dependencias)];
    const nombres: string[] = [];
    for (const depId of ids) {
      const d = st(ctx, 'select nombre, siglas, activa from dependencias where id = ?').get(depId) as { nombre: string; siglas: string; activa: number } | undefined;
      if (!d) throw noEncontrado('la dependencia');
      if (!d.activa) throw vErr('dependencias', `La dependencia «${d.nombre}» está inactiva: no se le pueden turnar asuntos.`);
      const previo = st(ctx, "select 1 from turnos where asunto_id = ? and dependencia_id = ? and estatus <> 'atendido'").get(a.id, depId);
      if (previo) throw new AppError('DUPLICADO', `El asunto ${a.folio} ya está turnado a ${d.siglas || d.nombre} y ese turno sigue abierto.`);
      const id = uuidv7();
      st(
        ctx,
        `insert into turnos (id, asunto_id, dependencia_id, instruccion_id, requiere_atencion, turnado, fecha_turno, plazo_original, fecha_limite,
           estatus, notas, turnado_por, version, creado, actualizado)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pendiente', ?, ?, 0, ?, ?)`,
      ).run(id, a.id, depId, input.instruccionId, requiere ? 1 : 0, ahora, fechaTurno, limite, limite, input.notas, actor.id, ahora, ahora);
      nombres.push(d.siglas || d.nombre);
      ctx.bitacora({ entidad: 'turnos', entidadId: id, despues: { asunto: a.folio, dependencia: d.nombre, instruccion: instr.nombre, fechaLimite: limite } });
    }
    if (a.primer_turno === null) st(ctx, 'update asuntos set primer_turno = ?, demora_turno = ? where id = ?').run(ahora, ahora - a.recibido, a.id);
    recalcular(ctx, a.id);
    evento(ctx, a.id, 'turno', `Turnado a ${nombres.join(', ')} — ${instr.nombre}${limite ? `, plazo ${limite}` : ''}`, {
      dependencias: nombres,
      instruccion: instr.nombre,
      fechaLimite: limite,
    });
    return detalle(ctx, a.id);
  },

  'correspondencia.turnos.actualizar': async (ctx, input) => {
    const listo = input.respuesta?.anexo ? (await verificarArchivos(ctx, [input.respuesta.anexo]))[0] : null;
    return ctx.transaccion(() => {
      const t = turnoSql(ctx, input.id);
      if (t.version !== input.version) throw conflicto('el turno');
      const a = asuntoSql(ctx, t.asunto_id);
      abierto(a, 'actualizar sus turnos');
      if (t.estatus === 'atendido' && input.estatus !== 'atendido') {
        throw vErr('estatus', 'El turno está atendido: para reabrirlo use «Reabrir» e indique el motivo.');
      }
      if (input.respuesta && input.respuesta.fecha > fechaEnZona(ctx.ahora(), zona(ctx))) {
        throw vErr('respuesta.fecha', 'La fecha de la respuesta no puede ser posterior a hoy.');
      }
      const ahora = ctx.ahora();
      const atendido = input.estatus === 'atendido' ? (t.estatus === 'atendido' ? t.atendido : ahora) : null;
      st(ctx, 'update turnos set estatus = ?, notas = ?, atendido = ?, version = version + 1, actualizado = ? where id = ?').run(
        input.estatus, input.notas ?? t.notas, atendido, ahora, t.id,
      );
      const dep = nombreDependencia(ctx, t.dependencia_id);
      const partes: string[] = [];
      if (input.estatus !== t.estatus) partes.push(`estatus ${ETIQUETAS.estatusTurno[t.estatus]} → ${ETIQUETAS.estatusTurno[input.estatus]}`);
      let archivo: ArchivoGuardado | null = null;
      if (input.respuesta) {
        if (listo) archivo = ctx.archivos.guardar(listo.bytes, listo.tipo);
        st(ctx, 'insert into respuestas (id, turno_id, numero_oficio, fecha, resumen, archivo_sha, archivo_nombre, registrado, usuario_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          uuidv7(), t.id, input.respuesta.numeroOficio, input.respuesta.fecha, input.respuesta.resumen, archivo?.sha256 ?? null, listo?.nombre ?? null, ahora, ctx.actor?.id ?? null,
        );
        partes.push(`respuesta${input.respuesta.numeroOficio ? ` oficio ${input.respuesta.numeroOficio}` : ''}`);
      }
      if (input.notas !== undefined && input.notas !== t.notas) partes.push('notas');
      recalcular(ctx, a.id);
      evento(ctx, a.id, input.respuesta ? 'respuesta' : 'turno_actualizado', `Turno a ${dep}: ${partes.join('; ') || 'sin cambios'}`, {
        turnoId: t.id,
        estatus: { antes: t.estatus, despues: input.estatus },
        respuesta: input.respuesta ? { ...input.respuesta, anexo: listo?.nombre ?? null } : null,
      });
      ctx.bitacora({
        entidad: 'turnos',
        entidadId: t.id,
        antes: { estatus: t.estatus, notas: t.notas },
        despues: { estatus: input.estatus, notas: input.notas ?? t.notas, respuesta: input.respuesta ? { ...input.respuesta, anexo: archivo?.sha256 ?? null } : null },
      });
      return detalle(ctx, a.id);
    });
  },

  'correspondencia.turnos.prorrogar': (ctx, input) => {
    const t = turnoSql(ctx, input.id);
    if (t.version !== input.version) throw conflicto('el turno');
    const a = asuntoSql(ctx, t.asunto_id);
    abierto(a, 'prorrogar sus turnos');
    if (!t.requiere_atencion) throw new AppError('VALIDACION', 'Un turno para conocimiento no tiene plazo que prorrogar.');
    if (t.estatus === 'atendido') throw new AppError('VALIDACION', 'El turno ya está atendido: no necesita prórroga.');
    if (t.fecha_limite && input.fechaLimite <= t.fecha_limite) {
      throw vErr('fechaLimite', `La nueva fecha límite debe ser posterior a la actual (${t.fecha_limite}).`);
    }
    const ahora = ctx.ahora();
    st(ctx, 'update turnos set fecha_limite = ?, prorrogas = prorrogas + 1, version = version + 1, actualizado = ? where id = ?').run(input.fechaLimite, ahora, t.id);
    st(ctx, 'insert into turnos_historial (id, turno_id, tipo, motivo, plazo_anterior, plazo_nuevo, estatus_anterior, momento, usuario_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      uuidv7(), t.id, 'prorroga', input.motivo, t.fecha_limite, input.fechaLimite, t.estatus, ahora, ctx.actor?.id ?? null,
    );
    recalcular(ctx, a.id);
    evento(ctx, a.id, 'prorroga', `Prórroga del turno a ${nombreDependencia(ctx, t.dependencia_id)}: ${t.fecha_limite ?? 'sin plazo'} → ${input.fechaLimite}. Motivo: ${input.motivo}`, {
      turnoId: t.id, plazoAnterior: t.fecha_limite, plazoNuevo: input.fechaLimite, motivo: input.motivo,
    });
    ctx.bitacora({ entidad: 'turnos', entidadId: t.id, antes: { fechaLimite: t.fecha_limite }, despues: { fechaLimite: input.fechaLimite, motivo: input.motivo } });
    return detalle(ctx, a.id);
  },

  'correspondencia.turnos.reabrir': (ctx, input) => {
    const t = turnoSql(ctx, input.id);
    if (t.version !== input.version) throw conflicto('el turno');
    const a = asuntoSql(ctx, t.asunto_id);
    abierto(a, 'reabrir sus turnos');
    if (t.estatus !== 'atendido') throw new AppError('VALIDACION', 'Solo se reabre un turno atendido.');
    const ahora = ctx.ahora();
    st(ctx, "update turnos set estatus = 'en_proceso', atendido = null, reaperturas = reaperturas + 1, version = version + 1, actualizado = ? where id = ?").run(ahora, t.id);
    st(ctx, 'insert into turnos_historial (id, turno_id, tipo, motivo, plazo_anterior, plazo_nuevo, estatus_anterior, momento, usuario_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      uuidv7(), t.id, 'reapertura', input.motivo, t.fecha_limite, t.fecha_limite, t.estatus, ahora, ctx.actor?.id ?? null,
    );
    recalcular(ctx, a.id);
    evento(ctx, a.id, 'reapertura', `Se reabrió el turno a ${nombreDependencia(ctx, t.dependencia_id)}. Motivo: ${input.motivo}`, { turnoId: t.id, motivo: input.motivo });
    ctx.bitacora({ entidad: 'turnos', entidadId: t.id, antes: { estatus: t.estatus }, despues: { estatus: 'en_proceso', motivo: input.motivo } });
    return detalle(ctx, a.id);
  },

  'correspondencia.anexos.agregar': async (ctx, input) => {
    const listos = await verificarArchivos(ctx, [input.archivo]);
    return ctx.transaccion(() => {
      const a = asuntoSql(ctx, input.asuntoId);
      abierto(a, 'adjuntar anexos');
      const n = guardarAnexos(ctx, a.id, listos);
      if (n) ctx.bitacora({ entidad: 'anexos', entidadId: a.id, despues: { asunto: a.folio, anexo: listos[0].nombre } });
      return detalle(ctx, a.id);
    });
  },

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

  ...reportesHandlers,
} satisfies Partial<Handlers>;
