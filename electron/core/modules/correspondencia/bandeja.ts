/**
 * Correspondencia › reading one asunto: the detail screen (with semáforos) and its bandeja row.
 * The bandeja query itself (filters, paging, FTS) lives in datos.ts.
 */
import type { Asunto, FilaAsunto } from '../../../contract/correspondencia';
import type { Contexto, Handlers } from '../../contexto';
import { horasParaTurnar, semaforoEstatusAsunto, semaforoPlazoAsunto, semaforosTurno } from './reglas';
import { aFila, bandeja, hoyDe, st, turnosDe, COLUMNAS_FILA, type FilaSql } from './datos';
import { asuntoSql, zona } from './comun';
import { serie } from './series';

/** The bandeja row of one asunto, as registrar returns it. */
export function fila(ctx: Contexto, id: string): FilaAsunto {
  const r = st(ctx, `select ${COLUMNAS_FILA} from asuntos a join series_folios s on s.id = a.serie_id where a.id = ?`).get(id) as FilaSql;
  return aFila(ctx, r, turnosDe(ctx, [id]).get(id) ?? [], hoyDe(ctx), ctx.ahora());
}

type Evento = Asunto['eventos'][number];

/**
 * The asunto's timeline: its own events, plus one entry per turno reminded by a batch of recordatorios. A
 * batch reminds tens of thousands of turnos at once, so those entries are not copied here: the oficio's
 * reference to each turno (oficios_referencias, written in the emitting transaction) is the record, and it
 * is read back as "Recordatorio: oficio N a …" at the moment of emission, by the user who emitted it.
 */
function lineaDeTiempo(ctx: Contexto, id: string): Evento[] {
  const propios = (st(ctx, 'select * from asuntos_eventos where asunto_id = ? order by id').all(id) as Record<string, any>[]).map((e) => ({
    id: e.id as number,
    momento: e.momento as number,
    usuario: e.usuario as string | null,
    tipo: e.tipo as string,
    descripcion: e.descripcion as string,
    detalle: e.detalle ? JSON.parse(e.detalle) : null,
    ocurrio: (e.ocurrio as string | null) ?? null,
  }));
  const recordados = st(
    ctx,
    `select r.rowid as ref, o.id as oficioId, o.numero_texto as numero, o.emitido as momento, u.nombre as usuario, t.id as turnoId,
       case when o.destinatario_dependencia <> '' then o.destinatario_dependencia else o.destinatario_nombre end as destino
     from turnos t join oficios_referencias r on r.tipo = 'turno' and r.ref_id = t.id join oficios o on o.id = r.oficio_id
       left join usuarios u on u.id = o.creado_por
     where t.asunto_id = ? and o.tipo = 'recordatorio' and o.lote is not null and o.emitido is not null
     order by o.emitido, r.rowid`,
  ).all(id) as { ref: number; oficioId: string; numero: string; momento: number; usuario: string | null; turnoId: string; destino: string }[];
  if (!recordados.length) return propios;
  // Batches emitted before references served as the record also wrote the event: shown once.
  const escritos = new Set(propios.filter((e) => e.tipo === 'recordatorio').map((e) => `${(e.detalle as { oficioId?: string })?.oficioId}:${(e.detalle as { turnoId?: string })?.turnoId}`));
  const derivados: Evento[] = recordados
    .filter((r) => !escritos.has(`${r.oficioId}:${r.turnoId}`))
    .map((r) => ({
      // Negative: never the id of an event of the table.
      id: -r.ref,
      momento: r.momento,
      usuario: r.usuario,
      tipo: 'recordatorio',
      descripcion: `Recordatorio: oficio ${r.numero} a ${r.destino}`,
      detalle: { oficioId: r.oficioId, numero: r.numero, turnoId: r.turnoId },
      ocurrio: null,
    }));
  // Merged by moment without reordering the asunto's own events; a reminder goes after those of its instant.
  const linea: Evento[] = [];
  let i = 0;
  for (const e of propios) {
    while (i < derivados.length && derivados[i].momento < e.momento) linea.push(derivados[i++]);
    linea.push(e);
  }
  return linea.concat(derivados.slice(i));
}

/** Everything the detail screen shows, semáforos included. */
export function detalle(ctx: Contexto, id: string): Asunto {
  const a = asuntoSql(ctx, id);
  const s = serie(ctx, a.serie_id);
  const h = hoyDe(ctx);
  const anulado = !!a.anulado;
  const nombreDe = (uid: string | null) =>
    uid ? ((st(ctx, 'select nombre from usuarios where id = ?').get(uid) as { nombre: string } | undefined)?.nombre ?? null) : null;

  const turnosSql = (
    st(
      ctx,
      `select t.*, d.nombre as dependencia, d.siglas, i.nombre as instruccion from turnos t
       join dependencias d on d.id = t.dependencia_id join instrucciones_turno i on i.id = t.instruccion_id
       where t.asunto_id = ? order by t.turnado, t.id`,
    ).all(id) as Record<string, never>[]
  );
  const porId = new Map(turnosSql.map((t: Record<string, any>) => [t.id as string, t]));
  const reasignado = new Map(turnosSql.filter((t: Record<string, any>) => t.reasignado_de).map((t: Record<string, any>) => [t.reasignado_de as string, t]));
  const enlaceTurno = (x: Record<string, any> | undefined) => (x ? { turnoId: x.id as string, dependencia: x.dependencia as string } : null);
  const turnos = turnosSql.map((t: Record<string, any>) => {
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
      devolucion: t.estatus === 'devuelto' ? { fecha: t.devolucion_fecha, motivo: t.devolucion_motivo } : null,
      reasignadoA: enlaceTurno(reasignado.get(t.id)),
      reasignadoDe: t.reasignado_de ? enlaceTurno(porId.get(t.reasignado_de)) : null,
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
  const eventos = lineaDeTiempo(ctx, id);
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

export const bandejaHandlers = {
  'correspondencia.obtener': (ctx, input) => detalle(ctx, input.id),

  'correspondencia.bandeja': (ctx, input) => bandeja(ctx, input),
} satisfies Partial<Handlers>;
