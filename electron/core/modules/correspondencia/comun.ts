/** Correspondencia › what every write shares: validation error, timeline event, the asunto row and its derived estatus. */
import type { Asunto } from '../../../contract/correspondencia';
import { AppError, noEncontrado } from '../../errors';
import type { Contexto } from '../../contexto';
import { estatusAsunto, type EstatusAsunto, type EstatusTurno } from './reglas';
import { st } from './datos';

export function vErr(campo: string, mensaje: string): AppError {
  return new AppError('VALIDACION', mensaje, [{ campo, mensaje }]);
}

/** Appends to the timeline; `ocurrio` is the real date of something captured late (null when it is the capture day). */
export function evento(ctx: Contexto, asuntoId: string, tipo: string, descripcion: string, detalle?: unknown, ocurrio: string | null = null) {
  st(ctx, 'insert into asuntos_eventos (asunto_id, momento, usuario_id, usuario, tipo, descripcion, detalle, ocurrio) values (?, ?, ?, ?, ?, ?, ?, ?)').run(
    asuntoId,
    ctx.ahora(),
    ctx.actor?.id ?? null,
    ctx.actor?.nombre ?? null,
    tipo,
    descripcion,
    detalle === undefined ? null : JSON.stringify(detalle),
    ocurrio,
  );
}

export function zona(ctx: Contexto) {
  return ctx.ajustes().zonaHoraria;
}

export interface AsuntoSql {
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

export function asuntoSql(ctx: Contexto, id: string): AsuntoSql {
  const a = st(ctx, 'select * from asuntos where id = ?').get(id) as AsuntoSql | undefined;
  if (!a) throw noEncontrado('el asunto');
  return a;
}

/** Recomputes the derived estatus after any change to the asunto or its turnos (same transaction). */
export function recalcular(ctx: Contexto, id: string): EstatusAsunto {
  const a = asuntoSql(ctx, id);
  const ts = st(ctx, 'select requiere_atencion, estatus, fecha_limite from turnos where asunto_id = ?').all(id) as { requiere_atencion: number; estatus: EstatusTurno; fecha_limite: string | null }[];
  const e = estatusAsunto({
    anulado: !!a.anulado,
    archivado: !!a.archivado,
    turnos: ts.map((t) => ({ requiereAtencion: !!t.requiere_atencion, estatus: t.estatus })),
  });
  // From the same rows, not a second query: on a database without statistics SQLite answered
  // `min(fecha_limite) … estatus in (…)` by scanning every open turno (seconds when importing thousands).
  const abiertos = ts.filter((t) => t.requiere_atencion && (t.estatus === 'pendiente' || t.estatus === 'en_proceso') && t.fecha_limite !== null).map((t) => t.fecha_limite!);
  const plazo = a.anulado || !abiertos.length ? null : abiertos.reduce((m, f) => (f < m ? f : m));
  if (e !== a.estatus || plazo !== a.plazo_proximo) st(ctx, 'update asuntos set estatus = ?, plazo_proximo = ? where id = ?').run(e, plazo, id);
  return e;
}

export function abierto(a: AsuntoSql, accion: string) {
  if (a.anulado) throw new AppError('VALIDACION', `El asunto ${a.folio} está anulado: no se puede ${accion}.`);
}
