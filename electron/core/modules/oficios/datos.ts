/** Oficios › reading and writing rows: the oficio as the screen sees it, its list row, the full-text index. */
import type Database from 'better-sqlite3';
import type { FilaOficio, Oficio, TablaOficio } from '../../../contract/oficios';
import { AppError, noEncontrado } from '../../errors';
import type { Contexto } from '../../contexto';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement cached per connection. */
export function st(ctx: Pick<Contexto, 'sqlite'>, sql: string): Database.Statement {
  let m = cache.get(ctx.sqlite);
  if (!m) cache.set(ctx.sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = ctx.sqlite.prepare(sql)));
  return s;
}

export interface OficioSql {
  id: string;
  fts_id: number;
  serie_id: string | null;
  anio: number | null;
  numero: number | null;
  numero_texto: string | null;
  tipo: Oficio['tipo'];
  plantilla_id: string | null;
  fecha: string | null;
  lugar: string;
  destinatario_nombre: string;
  destinatario_cargo: string;
  destinatario_dependencia: string;
  dependencia_id: string | null;
  asunto: string;
  cuerpo: string;
  tablas: string;
  firmante_nombre: string;
  firmante_cargo: string;
  ccp: string;
  estatus: Oficio['estatus'];
  emitido: number | null;
  entrega_fecha: string | null;
  acuse_sha: string | null;
  acuse_nombre: string | null;
  motivo_anulacion: string | null;
  lote: string | null;
  fecha_corte: string | null;
  creado_por: string | null;
  version: number;
  creado: number;
}

export function oficioSql(ctx: Contexto, id: string): OficioSql {
  const o = st(ctx, 'select * from oficios where id = ?').get(id) as OficioSql | undefined;
  if (!o) throw noEncontrado('el oficio');
  return o;
}

/** Human name of an oficio in messages: its número, or "el borrador «asunto»". */
export function nombreOficio(o: Pick<OficioSql, 'numero_texto' | 'asunto'>): string {
  return o.numero_texto ? `El oficio ${o.numero_texto}` : `El borrador «${o.asunto.slice(0, 60) || 'sin asunto'}»`;
}

export function noAnulado(o: OficioSql, accion: string) {
  if (o.estatus === 'anulado') throw new AppError('VALIDACION', `${nombreOficio(o)} está anulado: no se puede ${accion}.`);
}

export function referenciasDe(ctx: Contexto, id: string): Oficio['referencias'] {
  return (st(ctx, 'select tipo, ref_id as id, etiqueta from oficios_referencias where oficio_id = ? order by rowid').all(id) as Oficio['referencias']);
}

export function vista(ctx: Contexto, id: string): Oficio {
  const o = oficioSql(ctx, id);
  const creador = o.creado_por ? (st(ctx, 'select nombre from usuarios where id = ?').get(o.creado_por) as { nombre: string } | undefined)?.nombre ?? null : null;
  return {
    id: o.id,
    numero: o.numero_texto,
    anio: o.anio,
    fecha: o.fecha,
    lugar: o.lugar,
    tipo: o.tipo,
    plantillaId: o.plantilla_id,
    destinatario: { nombre: o.destinatario_nombre, cargo: o.destinatario_cargo, dependencia: o.destinatario_dependencia, dependenciaId: o.dependencia_id },
    asunto: o.asunto,
    cuerpo: o.cuerpo,
    tablas: JSON.parse(o.tablas) as Record<string, TablaOficio>,
    firmante: { nombre: o.firmante_nombre, cargo: o.firmante_cargo },
    ccp: JSON.parse(o.ccp) as string[],
    referencias: referenciasDe(ctx, o.id),
    anexos: st(ctx, 'select archivo_sha as sha256, nombre, tipo, tamano from oficios_anexos where oficio_id = ? order by agregado, id').all(o.id) as Oficio['anexos'],
    estatus: o.estatus,
    emitido: o.emitido,
    entrega: o.entrega_fecha ? { fecha: o.entrega_fecha, acuse: o.acuse_sha ? { sha256: o.acuse_sha, nombre: o.acuse_nombre ?? 'acuse' } : null } : null,
    motivoAnulacion: o.motivo_anulacion,
    lote: o.lote,
    fechaCorte: o.fecha_corte,
    creadoPor: creador,
    creado: o.creado,
    version: o.version,
  };
}

export const COLUMNAS_FILA = `o.id, o.numero_texto, o.anio, o.fecha, o.tipo, o.destinatario_nombre, o.destinatario_dependencia, o.asunto, o.estatus,
  o.entrega_fecha, o.creado, (select group_concat(etiqueta, ', ') from oficios_referencias r where r.oficio_id = o.id and r.tipo = 'asunto') as refs`;

export interface FilaSql {
  id: string;
  numero_texto: string | null;
  anio: number | null;
  fecha: string | null;
  tipo: FilaOficio['tipo'];
  destinatario_nombre: string;
  destinatario_dependencia: string;
  asunto: string;
  estatus: FilaOficio['estatus'];
  entrega_fecha: string | null;
  creado: number;
  refs: string | null;
}

export function aFila(r: FilaSql): FilaOficio {
  return {
    id: r.id,
    numero: r.numero_texto,
    anio: r.anio,
    fecha: r.fecha,
    tipo: r.tipo,
    destinatario: r.destinatario_nombre,
    dependencia: r.destinatario_dependencia,
    asunto: r.asunto,
    estatus: r.estatus,
    referencias: r.refs ?? '',
    entregaFecha: r.entrega_fecha,
    creado: r.creado,
  };
}

export function fila(ctx: Contexto, id: string): FilaOficio {
  return aFila(st(ctx, `select ${COLUMNAS_FILA} from oficios o where o.id = ?`).get(id) as FilaSql);
}

/** Keeps the full-text row of an oficio in step with it (same transaction as the write). */
export function indexar(ctx: Contexto, id: string): void {
  indexarFila(ctx, oficioSql(ctx, id), referenciasDe(ctx, id).map((r) => r.etiqueta).join(' '));
}

type Indexable = Pick<OficioSql, 'fts_id' | 'numero_texto' | 'destinatario_nombre' | 'destinatario_cargo' | 'destinatario_dependencia' | 'asunto' | 'cuerpo'>;

/** The full-text row from what the caller already holds (a batch of recordatorios reads nothing back). */
export function indexarFila(ctx: Contexto, o: Indexable, referencias: string): void {
  st(ctx, 'delete from oficios_fts where rowid = ?').run(o.fts_id);
  st(ctx, 'insert into oficios_fts (rowid, numero, destinatario, asunto, cuerpo, referencias) values (?, ?, ?, ?, ?, ?)').run(
    o.fts_id,
    o.numero_texto ?? '',
    [o.destinatario_nombre, o.destinatario_cargo, o.destinatario_dependencia].join(' '),
    o.asunto,
    o.cuerpo,
    referencias,
  );
}

export function siguienteFtsId(ctx: Contexto): number {
  return ((st(ctx, 'select max(fts_id) as m from oficios').get() as { m: number | null }).m ?? 0) + 1;
}
