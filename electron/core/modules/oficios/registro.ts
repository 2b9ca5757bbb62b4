/**
 * Oficios › writing one oficio: draft from a plantilla, save, emit (the número is taken here, in the
 * emitting transaction), deliver with the scanned acuse, anular with a reason.
 */
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { CamposOficio, Oficio, TablaOficio } from '../../../contract/oficios';
import { CAMPOS_TEXTO } from '../../../contract/oficios';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { actorDe, type Contexto, type Handlers, escrituraAsincrona } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import { anioEnZona, fechaEnZona, fechaLarga } from '../../tiempo';
import { detalleAsunto, eventoAsunto, formatearFolio, tomarNumero, verificarArchivos, type SerieFila } from '../correspondencia/exports';
import { combinar, tablasEn, type ValoresCampos } from './combinar';
import { indexar, indexarFila, nombreOficio, noAnulado, oficioSql, referenciasDe, siguienteFtsId, st, vista, type OficioSql } from './datos';
import { plantillaSql } from './plantillas';

const vErr = (campo: string, mensaje: string) => new AppError('VALIDACION', mensaje, [{ campo, mensaje }]);

export function hoy(ctx: Contexto): string {
  return fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
}

/** The person an oficio to a dependencia goes to: its titular in the catalog, else the first of the directorio. */
export function titularDe(ctx: Contexto, dependenciaId: string): { nombre: string; cargo: string; dependencia: string; dependenciaId: string } {
  const d = st(ctx, 'select nombre, titular from dependencias where id = ?').get(dependenciaId) as { nombre: string; titular: string } | undefined;
  if (!d) throw noEncontrado('la dependencia');
  if (d.titular) return { nombre: d.titular, cargo: `Titular de ${d.nombre}`, dependencia: d.nombre, dependenciaId };
  const f = st(ctx, 'select nombre, cargo from gab_funcionarios where dependencia_id = ? and activo = 1 order by creado limit 1').get(dependenciaId) as
    | { nombre: string; cargo: string }
    | undefined;
  return { nombre: f?.nombre ?? `Titular de ${d.nombre}`, cargo: f?.cargo ?? '', dependencia: d.nombre, dependenciaId };
}

/** Label kept with each reference: the folio, the acuerdo or compromiso number. */
function etiquetaReferencia(ctx: Contexto, tipo: Oficio['referencias'][number]['tipo'], id: string): { etiqueta: string; asuntoId: string | null } {
  if (tipo === 'asunto') {
    const a = st(ctx, 'select folio from asuntos where id = ?').get(id) as { folio: string } | undefined;
    if (!a) throw noEncontrado('el asunto referido');
    return { etiqueta: a.folio, asuntoId: id };
  }
  if (tipo === 'turno') {
    const t = st(ctx, 'select a.id, a.folio, d.siglas, d.nombre from turnos t join asuntos a on a.id = t.asunto_id join dependencias d on d.id = t.dependencia_id where t.id = ?').get(id) as
      | { id: string; folio: string; siglas: string; nombre: string }
      | undefined;
    if (!t) throw noEncontrado('el turno referido');
    return { etiqueta: `${t.folio} (${t.siglas || t.nombre})`, asuntoId: t.id };
  }
  if (tipo === 'acuerdo') {
    const x = st(ctx, 'select a.numero, r.nombre from gab_acuerdos a join gab_reuniones r on r.id = a.reunion_id where a.id = ?').get(id) as { numero: number; nombre: string } | undefined;
    if (!x) throw noEncontrado('el acuerdo referido');
    return { etiqueta: `Acuerdo ${x.numero} de la ${x.nombre}`, asuntoId: null };
  }
  const c = st(ctx, 'select numero from compromisos where id = ?').get(id) as { numero: number } | undefined;
  if (!c) throw noEncontrado('el compromiso referido');
  return { etiqueta: `Compromiso ${c.numero}`, asuntoId: null };
}

/** A reference whose label the caller already knows (recordatorios list thousands: no lookup per row). */
export type ReferenciaConEtiqueta = CamposOficio['referencias'][number] & { etiqueta?: string };

/** Replaces the references of an oficio; returns the labels kept (for the full-text row). */
function guardarReferencias(ctx: Contexto, oficioId: string, refs: ReferenciaConEtiqueta[]): string[] {
  st(ctx, 'delete from oficios_referencias where oficio_id = ?').run(oficioId);
  const conEtiqueta = refs.map((r) => [r.tipo, r.id, r.etiqueta ?? etiquetaReferencia(ctx, r.tipo, r.id).etiqueta] as const);
  // One statement for the whole list: a recordatorio refers to thousands of turnos.
  st(ctx, 'insert or ignore into oficios_referencias (oficio_id, tipo, ref_id, etiqueta) select ?, value ->> 0, value ->> 1, value ->> 2 from json_each(?) order by key').run(
    oficioId,
    JSON.stringify(conEtiqueta),
  );
  const vistas = new Set<string>();
  return conEtiqueta.filter(([t, id]) => !vistas.has(`${t}:${id}`) && vistas.add(`${t}:${id}`)).map(([, , e]) => e);
}

/** Tables must match the markers of the body; the rest is free text until emission. */
function revisarTablas(cuerpo: string, tablas: Record<string, TablaOficio>) {
  for (const t of tablasEn(cuerpo)) {
    if (!tablas[t]) throw vErr('cuerpo', `El cuerpo incluye {${t}}, pero este oficio no tiene esa tabla: genérelo como recordatorio o quite el renglón.`);
  }
}

export interface NuevoOficio extends Omit<CamposOficio, 'referencias'> {
  referencias: ReferenciaConEtiqueta[];
  estatus?: 'borrador';
  lote?: string | null;
  fechaCorte?: string | null;
}

/** A número taken from the series in the emitting transaction. */
interface Numero {
  serie_id: string;
  anio: number;
  numero: number;
  numero_texto: string;
  fecha: string;
  emitido: number;
}

type Emitible = Pick<OficioSql, 'destinatario_nombre' | 'asunto' | 'cuerpo' | 'firmante_nombre'>;

/** What every emission checks (one oficio or a batch of recordatorios), then the next número of the series. */
function numerar(ctx: Contexto, o: Emitible, serie: SerieFila): Numero {
  if (!o.destinatario_nombre.trim()) throw vErr('destinatario.nombre', 'Falta el destinatario: escriba su nombre o elíjalo del directorio.');
  if (!o.asunto.trim()) throw vErr('asunto', 'Falta el asunto del oficio.');
  if (!o.cuerpo.trim()) throw vErr('cuerpo', 'El cuerpo del oficio está vacío: escriba el texto antes de emitirlo.');
  if (!o.firmante_nombre.trim()) throw vErr('firmante.nombre', 'Falta el nombre del firmante (el administrador lo fija en Ajustes › General).');
  const pendientes = [...new Set([...`${o.asunto}\n${o.cuerpo}`.matchAll(/\{([^{}\n]*)\}/g)].map((m) => m[1]).filter((c) => Object.hasOwn(CAMPOS_TEXTO, c)))];
  if (pendientes.length) throw vErr('cuerpo', `El oficio tiene campos sin llenar: ${pendientes.map((c) => `{${c}}`).join(', ')}. Escriba el texto que corresponde.`);
  const ahora = ctx.ahora();
  const tz = ctx.ajustes().zonaHoraria;
  const anio = anioEnZona(ahora, tz);
  const numero = tomarNumero(ctx, serie.id, anio);
  return { serie_id: serie.id, anio, numero, numero_texto: formatearFolio(serie.plantilla, anio, numero), fecha: fechaEnZona(ahora, tz), emitido: ahora };
}

/** Inserts the row (a borrador, or already emitido when `n` is given); returns its id. */
function insertarFila(ctx: Contexto, c: NuevoOficio, n: Numero | null): string {
  revisarTablas(c.cuerpo, c.tablas);
  if (c.plantillaId) plantillaSql(ctx, c.plantillaId);
  if (c.destinatario.dependenciaId && !st(ctx, 'select 1 from dependencias where id = ?').get(c.destinatario.dependenciaId)) throw noEncontrado('la dependencia');
  const id = uuidv7();
  const ahora = ctx.ahora();
  const fila = {
    id,
    fts_id: siguienteFtsId(ctx),
    tipo: c.tipo,
    plantilla: c.plantillaId,
    lugar: ctx.ajustes().lugar,
    destinatario_nombre: c.destinatario.nombre,
    destinatario_cargo: c.destinatario.cargo,
    destinatario_dependencia: c.destinatario.dependencia,
    dep: c.destinatario.dependenciaId,
    asunto: c.asunto,
    cuerpo: c.cuerpo,
    tablas: JSON.stringify(c.tablas),
    fn: c.firmante.nombre,
    fc: c.firmante.cargo,
    ccp: JSON.stringify(c.ccp),
    estatus: n ? 'emitido' : 'borrador',
    serie_id: n?.serie_id ?? null,
    anio: n?.anio ?? null,
    numero: n?.numero ?? null,
    numero_texto: n?.numero_texto ?? null,
    fecha: n?.fecha ?? null,
    emitido: n?.emitido ?? null,
    lote: c.lote ?? null,
    corte: c.fechaCorte ?? null,
    actor: ctx.actor?.id ?? null,
    version: n ? 1 : 0,
    ahora,
  };
  st(
    ctx,
    `insert into oficios (id, fts_id, tipo, plantilla_id, lugar, destinatario_nombre, destinatario_cargo, destinatario_dependencia, dependencia_id,
       asunto, cuerpo, tablas, firmante_nombre, firmante_cargo, ccp, estatus, serie_id, anio, numero, numero_texto, fecha, emitido,
       lote, fecha_corte, creado_por, version, creado, actualizado)
     values (@id, @fts_id, @tipo, @plantilla, @lugar, @destinatario_nombre, @destinatario_cargo, @destinatario_dependencia, @dep, @asunto, @cuerpo,
       @tablas, @fn, @fc, @ccp, @estatus, @serie_id, @anio, @numero, @numero_texto, @fecha, @emitido, @lote, @corte, @actor, @version, @ahora, @ahora)`,
  ).run(fila);
  const etiquetas = guardarReferencias(ctx, id, c.referencias);
  indexarFila(ctx, { ...fila, cuerpo: c.cuerpo }, etiquetas.join(' '));
  return id;
}

/** Inserts a borrador (no número yet); returns its id. */
export function insertarBorrador(ctx: Contexto, c: NuevoOficio): string {
  return insertarFila(ctx, c, null);
}

/** The active outgoing series (DOMAIN §1b); the administrator edits it in Correspondencia › Series. */
export function serieDeOficios(ctx: Contexto): SerieFila {
  const s = st(ctx, "select * from series_folios where uso = 'oficios' and activa = 1 order by clave limit 1").get() as SerieFila | undefined;
  if (!s) throw new AppError('VALIDACION', 'No hay una serie activa de oficios de salida; pida al administrador que la configure en Correspondencia › Series.');
  return s;
}

/** A reference together with the asunto whose timeline shows the oficio (null for acuerdos and compromisos). */
interface RefConAsunto {
  tipo: Oficio['referencias'][number]['tipo'];
  id: string;
  asuntoId: string | null;
}

type DeEmision = Pick<OficioSql, 'id' | 'tipo' | 'destinatario_nombre' | 'destinatario_dependencia' | 'asunto'>;

/** The asuntos an emitted oficio answers or reminds show it on their timeline (one event per asunto or turno). */
function eventosDeEmision(ctx: Contexto, o: DeEmision, texto: string, refs: RefConAsunto[]) {
  const descripcion =
    o.tipo === 'recordatorio'
      ? `Recordatorio: oficio ${texto} a ${o.destinatario_dependencia || o.destinatario_nombre}`
      : `Oficio de salida ${texto} a ${o.destinatario_nombre}: ${o.asunto}`;
  const tipo = o.tipo === 'recordatorio' ? 'recordatorio' : 'oficio';
  const vistos = new Set<string>();
  for (const r of refs) {
    if ((r.tipo !== 'asunto' && r.tipo !== 'turno') || !r.asuntoId) continue;
    const clave = `${r.asuntoId}:${r.tipo === 'turno' ? r.id : ''}`;
    if (vistos.has(clave)) continue;
    vistos.add(clave);
    eventoAsunto(ctx, r.asuntoId, tipo, descripcion, { oficioId: o.id, numero: texto, turnoId: r.tipo === 'turno' ? r.id : null });
  }
}

/** Emits a borrador inside the caller's transaction: checks, takes the next número, writes the timelines. */
export function emitirEn(ctx: Contexto, o: OficioSql, serie: SerieFila = serieDeOficios(ctx)): string {
  noAnulado(o, 'emitir');
  if (o.estatus !== 'borrador') throw new AppError('VALIDACION', `${nombreOficio(o)} ya fue emitido.`);
  const n = numerar(ctx, o, serie);
  st(ctx, "update oficios set estatus = 'emitido', serie_id = ?, anio = ?, numero = ?, numero_texto = ?, fecha = ?, emitido = ?, version = version + 1, actualizado = ? where id = ?").run(
    n.serie_id, n.anio, n.numero, n.numero_texto, n.fecha, n.emitido, n.emitido, o.id,
  );
  indexar(ctx, o.id);
  const asuntoDeTurno = new Map(
    (st(ctx, "select r.ref_id as turno, t.asunto_id as asunto from oficios_referencias r join turnos t on t.id = r.ref_id where r.oficio_id = ? and r.tipo = 'turno'").all(o.id) as { turno: string; asunto: string }[]).map((x) => [x.turno, x.asunto]),
  );
  const refs = referenciasDe(ctx, o.id).map((r) => ({ ...r, asuntoId: r.tipo === 'asunto' ? r.id : r.tipo === 'turno' ? asuntoDeTurno.get(r.id) ?? null : null }));
  eventosDeEmision(ctx, o, n.numero_texto, refs);
  ctx.bitacora({ entidad: 'oficios', entidadId: o.id, antes: { estatus: 'borrador' }, despues: { estatus: 'emitido', numero: n.numero_texto } });
  return n.numero_texto;
}

/**
 * Writes an oficio already emitido (a recordatorio of a batch): the same checks and número as `emitirEn`, with
 * the row, references and full-text row written once from what the caller holds. No timeline events: a batch
 * reminds tens of thousands of turnos, and each asunto's timeline reads its reminders from the references.
 */
export function emitirNuevo(ctx: Contexto, c: NuevoOficio, serie: SerieFila): { id: string; numero: string } {
  const n = numerar(ctx, { destinatario_nombre: c.destinatario.nombre, asunto: c.asunto, cuerpo: c.cuerpo, firmante_nombre: c.firmante.nombre }, serie);
  const id = insertarFila(ctx, c, n);
  ctx.bitacora({ entidad: 'oficios', entidadId: id, despues: { estatus: 'emitido', numero: n.numero_texto, tipo: c.tipo, destinatario: c.destinatario.dependencia, referencias: c.referencias.length } });
  return { id, numero: n.numero_texto };
}

function valoresDe(ctx: Contexto, destinatario: CamposOficio['destinatario'], asuntoId: string | null): ValoresCampos {
  const a = ctx.ajustes();
  const v: ValoresCampos = {
    'destinatario.nombre': destinatario.nombre,
    'destinatario.cargo': destinatario.cargo,
    'destinatario.dependencia': destinatario.dependencia,
    fecha_larga: fechaLarga(hoy(ctx)),
    'firmante.nombre': a.firmanteNombre || undefined,
    'firmante.cargo': a.firmanteCargo || undefined,
    institucion: a.institucion,
  };
  if (asuntoId) {
    const x = detalleAsunto(ctx, asuntoId);
    v['asunto.folio'] = x.folio;
    v['asunto.resumen'] = x.asunto;
    v['asunto.remitente'] = [x.remitenteNombre, x.remitenteCargo, x.remitenteOrganizacion].filter(Boolean).join(', ');
    v['asunto.fecha_recepcion'] = fechaLarga(x.fechaRecepcion);
    if (x.oficioNumero) v['asunto.numero_oficio'] = x.oficioNumero;
  }
  return v;
}

/** Merges a plantilla with its values (shared with the recordatorios). */
export function desdePlantilla(ctx: Contexto, plantillaId: string, destinatario: CamposOficio['destinatario'], asuntoId: string | null, extra: ValoresCampos = {}) {
  const p = plantillaSql(ctx, plantillaId);
  const valores = { ...valoresDe(ctx, destinatario, asuntoId), ...extra };
  return { tipo: p.tipo, asunto: combinar(p.asunto, valores), cuerpo: combinar(p.cuerpo, valores) };
}

function firmante(ctx: Contexto) {
  const a = ctx.ajustes();
  return { nombre: a.firmanteNombre, cargo: a.firmanteCargo };
}

async function conArchivos(ctx: Contexto, archivos: { nombre: string; contenidoBase64: string }[]) {
  return archivos.length ? verificarArchivos(ctx, archivos) : [];
}

export const registroHandlers = {
  'oficios.destinatarios': (ctx) => {
    const deps = st(ctx, "select id, nombre, titular from dependencias where activa = 1 and titular <> '' order by nombre").all() as { id: string; nombre: string; titular: string }[];
    const dir = st(
      ctx,
      'select f.nombre, f.cargo, d.nombre as dependencia, d.id as dependenciaId from gab_funcionarios f join dependencias d on d.id = f.dependencia_id where f.activo = 1 order by f.nombre',
    ).all() as { nombre: string; cargo: string; dependencia: string; dependenciaId: string }[];
    return [...deps.map((d) => ({ nombre: d.titular, cargo: `Titular de ${d.nombre}`, dependencia: d.nombre, dependenciaId: d.id })), ...dir];
  },

  'oficios.redactar': (ctx, input) => {
    let destinatario = input.destinatario;
    const referencias: CamposOficio['referencias'] = [];
    let asuntoId = input.asuntoId;
    if (input.turnoId) {
      const t = st(ctx, 'select asunto_id, dependencia_id from turnos where id = ?').get(input.turnoId) as { asunto_id: string; dependencia_id: string } | undefined;
      if (!t) throw noEncontrado('el turno');
      asuntoId ??= t.asunto_id;
      destinatario ??= titularDe(ctx, t.dependencia_id);
      referencias.push({ tipo: 'turno', id: input.turnoId });
    }
    if (asuntoId) {
      const a = detalleAsunto(ctx, asuntoId);
      destinatario ??= { nombre: a.remitenteNombre, cargo: a.remitenteCargo, dependencia: a.remitenteOrganizacion, dependenciaId: null };
      referencias.unshift({ tipo: 'asunto', id: asuntoId });
    }
    destinatario ??= { nombre: '', cargo: '', dependencia: '', dependenciaId: null };
    const texto = input.plantillaId ? desdePlantilla(ctx, input.plantillaId, destinatario, asuntoId) : { tipo: 'otro' as const, asunto: '', cuerpo: '' };
    return { ...texto, plantillaId: input.plantillaId, destinatario, tablas: {}, firmante: firmante(ctx), ccp: [], referencias };
  },

  'oficios.crear': (ctx, input) => {
    actorDe(ctx);
    const id = insertarBorrador(ctx, input);
    const o = vista(ctx, id);
    ctx.bitacora({ entidad: 'oficios', entidadId: id, despues: { estatus: 'borrador', asunto: o.asunto, destinatario: o.destinatario } });
    return o;
  },

  'oficios.editar': (ctx, input) => {
    const o = oficioSql(ctx, input.id);
    if (o.version !== input.version) throw conflicto('el oficio');
    noAnulado(o, 'editar');
    if (o.estatus !== 'borrador') throw new AppError('VALIDACION', `${nombreOficio(o)} ya fue emitido: su texto no cambia. Si hay un error, anúlelo y redacte otro.`);
    revisarTablas(input.cuerpo, input.tablas);
    st(
      ctx,
      `update oficios set tipo = @tipo, plantilla_id = @plantilla, destinatario_nombre = @dn, destinatario_cargo = @dc, destinatario_dependencia = @dd,
         dependencia_id = @dep, asunto = @asunto, cuerpo = @cuerpo, tablas = @tablas, firmante_nombre = @fn, firmante_cargo = @fc, ccp = @ccp,
         version = version + 1, actualizado = @ahora where id = @id`,
    ).run({
      id: o.id,
      tipo: input.tipo,
      plantilla: input.plantillaId,
      dn: input.destinatario.nombre,
      dc: input.destinatario.cargo,
      dd: input.destinatario.dependencia,
      dep: input.destinatario.dependenciaId,
      asunto: input.asunto,
      cuerpo: input.cuerpo,
      tablas: JSON.stringify(input.tablas),
      fn: input.firmante.nombre,
      fc: input.firmante.cargo,
      ccp: JSON.stringify(input.ccp),
      ahora: ctx.ahora(),
    });
    guardarReferencias(ctx, o.id, input.referencias);
    indexar(ctx, o.id);
    ctx.bitacora({ entidad: 'oficios', entidadId: o.id, antes: { asunto: o.asunto, cuerpo: o.cuerpo }, despues: { asunto: input.asunto, cuerpo: input.cuerpo } });
    return vista(ctx, o.id);
  },

  'oficios.emitir': (ctx, input) => {
    const o = oficioSql(ctx, input.id);
    if (o.version !== input.version) throw conflicto('el oficio');
    emitirEn(ctx, o);
    return vista(ctx, o.id);
  },

  'oficios.entregar': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'oficios.entregar'>) => {
    const [acuse] = await conArchivos(ctx, input.acuse ? [input.acuse] : []);
    return ctx.transaccion(() => {
      const o = oficioSql(ctx, input.id);
      if (o.version !== input.version) throw conflicto('el oficio');
      noAnulado(o, 'marcar como entregado');
      if (o.estatus === 'borrador') throw new AppError('VALIDACION', `${nombreOficio(o)} aún no se emite: emítalo antes de registrar su entrega.`);
      if (o.estatus === 'entregado') throw new AppError('VALIDACION', `${nombreOficio(o)} ya está marcado como entregado (${o.entrega_fecha}).`);
      if (input.fecha > hoy(ctx)) throw vErr('fecha', 'La fecha de entrega no puede ser posterior a hoy.');
      if (o.fecha && input.fecha < o.fecha) throw vErr('fecha', `La fecha de entrega no puede ser anterior a la del oficio (${o.fecha}).`);
      const g = acuse ? ctx.archivos.guardar(acuse.bytes, acuse.tipo) : null;
      st(ctx, "update oficios set estatus = 'entregado', entrega_fecha = ?, acuse_sha = ?, acuse_nombre = ?, version = version + 1, actualizado = ? where id = ?").run(
        input.fecha, g?.sha256 ?? null, acuse?.nombre ?? null, ctx.ahora(), o.id,
      );
      ctx.bitacora({ entidad: 'oficios', entidadId: o.id, antes: { estatus: o.estatus }, despues: { estatus: 'entregado', fecha: input.fecha, acuse: g?.sha256 ?? null } });
      return vista(ctx, o.id);
    });
  }),

  'oficios.anular': (ctx, input) => {
    const o = oficioSql(ctx, input.id);
    if (o.version !== input.version) throw conflicto('el oficio');
    if (o.estatus === 'anulado') throw new AppError('VALIDACION', `${nombreOficio(o)} ya está anulado.`);
    // The número stays taken and visible as anulado: numbers are never reused.
    st(ctx, "update oficios set estatus = 'anulado', motivo_anulacion = ?, version = version + 1, actualizado = ? where id = ?").run(input.motivo, ctx.ahora(), o.id);
    ctx.bitacora({ entidad: 'oficios', entidadId: o.id, antes: { estatus: o.estatus }, despues: { estatus: 'anulado', motivo: input.motivo } });
    return vista(ctx, o.id);
  },

  'oficios.anexos.agregar': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'oficios.anexos.agregar'>) => {
    const listos = await conArchivos(ctx, input.archivos);
    return ctx.transaccion(() => {
      const o = oficioSql(ctx, input.id);
      if (o.version !== input.version) throw conflicto('el oficio');
      noAnulado(o, 'adjuntar anexos');
      for (const a of listos) {
        const g = ctx.archivos.guardar(a.bytes, a.tipo);
        st(ctx, 'insert or ignore into oficios_anexos (id, oficio_id, archivo_sha, nombre, tipo, tamano, agregado, usuario_id) values (?, ?, ?, ?, ?, ?, ?, ?)').run(
          uuidv7(), o.id, g.sha256, a.nombre, g.tipo, g.tamano, ctx.ahora(), ctx.actor?.id ?? null,
        );
      }
      st(ctx, 'update oficios set version = version + 1, actualizado = ? where id = ?').run(ctx.ahora(), o.id);
      ctx.bitacora({ entidad: 'oficios_anexos', entidadId: o.id, despues: { anexos: listos.map((a) => a.nombre) } });
      return vista(ctx, o.id);
    });
  }),

  'oficios.anexos.quitar': (ctx, input) => {
    const o = oficioSql(ctx, input.id);
    if (o.version !== input.version) throw conflicto('el oficio');
    if (o.estatus !== 'borrador') throw new AppError('VALIDACION', `${nombreOficio(o)} ya fue emitido: sus anexos forman parte de lo enviado y no se quitan.`);
    const x = st(ctx, 'select nombre from oficios_anexos where oficio_id = ? and archivo_sha = ?').get(o.id, input.sha256) as { nombre: string } | undefined;
    if (!x) throw noEncontrado('el anexo');
    st(ctx, 'delete from oficios_anexos where oficio_id = ? and archivo_sha = ?').run(o.id, input.sha256);
    st(ctx, 'update oficios set version = version + 1, actualizado = ? where id = ?').run(ctx.ahora(), o.id);
    ctx.bitacora({ entidad: 'oficios_anexos', entidadId: o.id, antes: { anexo: x.nombre, sha256: input.sha256 }, despues: null });
    return vista(ctx, o.id);
  },

  'oficios.archivo': (ctx, input) => {
    const o = oficioSql(ctx, input.id);
    const x =
      o.acuse_sha === input.sha256
        ? { nombre: o.acuse_nombre ?? 'acuse' }
        : (st(ctx, 'select nombre from oficios_anexos where oficio_id = ? and archivo_sha = ?').get(o.id, input.sha256) as { nombre: string } | undefined);
    const ruta = x ? ctx.archivos.rutaDe(input.sha256) : null;
    if (!x || !ruta) throw noEncontrado('el archivo');
    const g = ctx.generados.nuevo(x.nombre, ctx.sesion);
    fs.copyFileSync(ruta, g.ruta);
    return { archivoId: g.id, nombre: g.nombre };
  },

  'oficios.obtener': (ctx, input) => vista(ctx, input.id),
} satisfies Partial<Handlers>;
