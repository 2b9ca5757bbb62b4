/**
 * Correspondencia's SQL: hand-written over ctx.sqlite with cached prepared statements (the bandeja,
 * the FTS index and the folio counter need SQL that drizzle does not express well).
 */
import type Database from 'better-sqlite3';
import type { Semaforo } from '../../../contract/comun';
import type { FiltrosAsuntos, FilaAsunto } from '../../../contract/correspondencia';
import type { Contexto } from '../../contexto';
import { fechaEnZona, inicioDeFecha, sumarDias } from '../../tiempo';
import { semaforoPlazo } from '../../semaforo';
import { expresionFts } from './busqueda';
import { normalizar } from '../../texto';
import {
  HORAS_META_TURNO,
  MS_HORA,
  horasParaTurnar,
  semaforoEstatusAsunto,
  semaforoPlazoAsunto,
  semaforosTurno,
  type EstatusAsunto,
  type EstatusTurno,
  type Hoy,
} from './reglas';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement cached per connection. */
export function st(ctx: Pick<Contexto, 'sqlite'>, sql: string): Database.Statement {
  let m = cache.get(ctx.sqlite);
  if (!m) cache.set(ctx.sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = ctx.sqlite.prepare(sql)));
  return s;
}

export function hoyDe(ctx: Contexto): Hoy {
  const a = ctx.ajustes();
  return { hoy: fechaEnZona(ctx.ahora(), a.zonaHoraria), calendario: ctx.calendario(), diasEnRiesgo: a.diasEnRiesgo };
}

/** The last fecha límite that is «en riesgo» today (the plazo semáforo only grows with the date). */
export function ultimoDiaEnRiesgo(ctx: Contexto): string {
  const { hoy, calendario, diasEnRiesgo } = hoyDe(ctx);
  let d = hoy;
  for (let i = 0; i < 400; i++) {
    const siguiente = sumarDias(d, 1);
    if (semaforoPlazo({ concluido: false, inicio: hoy, fechaLimite: siguiente, hoy, calendario, diasEnRiesgo }).clave !== 'en_riesgo') return d;
    d = siguiente;
  }
  return d;
}

// ───────────── Bandeja / listados: one WHERE builder for screen and export ─────────────

export interface Consulta {
  /** WHERE driven by the filters' own indexes (short lists, counts). */
  where: string;
  /** Same conditions, membership tests not driving (`+x in (…)`): walk the folio order instead of sorting. */
  whereRecorrido: string;
  /** For counting: disjoint alternatives whose counts add up (an OR SQLite would answer by scanning). */
  alternativas: string[] | null;
  /** Only the dependencia filter: counted on turnos' own index. */
  soloDependencia: boolean;
  /**
   * Dependencia with other filters: the other filters' asuntos (FROM + WHERE), counted as the
   * intersection with the dependencia's sorted list — a merge of two index ranges instead of one
   * B-tree probe per asunto of the dependencia.
   */
  interseccion: string | null;
  /** FROM for `where` (with both full text and dependencia, the text match drives and the dependencia is a membership test). */
  desde: string;
  params: Record<string, unknown>;
}

const VENCIDOS = '@@vencidos@@';
const DEPENDENCIA = '@@dependencia@@';
/** Not turned within 48 h: turned late, or still not turned after 48 h. */
const NO_48H = "(a.demora_turno > @meta48 or (a.estatus = 'por_turnar' and a.recibido < @limite48b))";
/** The same, with its indexes disabled so that the page walks the folio order (many matches). */
const NO_48H_RECORRIDO = "(+a.demora_turno > @meta48 or (+a.estatus = 'por_turnar' and +a.recibido < @limite48b))";
/** Driving by the dependencia's list of asuntos (counts, few matches). */
const DEP_LISTA = 'a.id in (select t.asunto_id from turnos t indexed by turnos_dependencia where t.dependencia_id = @dependenciaId)';
/** Walking the folio order: one index probe per row (turnos_dependencia covers it). */
const DEP_EXISTE = 'exists (select 1 from turnos t where t.asunto_id = a.id and t.dependencia_id = @dependenciaId)';
const ALT_VENCIDOS = ['a.plazo_proximo < @hoy', "(a.estatus = 'por_turnar' and a.recibido < @limite48)"];

/** SQL lower-case without Spanish accents (SQLite's lower() only knows ASCII). */
const SIN_ACENTOS = (col: string) =>
  [['Á', 'a'], ['É', 'e'], ['Í', 'i'], ['Ó', 'o'], ['Ú', 'u'], ['Ü', 'u'], ['Ñ', 'n'], ['á', 'a'], ['é', 'e'], ['í', 'i'], ['ó', 'o'], ['ú', 'u'], ['ü', 'u'], ['ñ', 'n']]
    .reduce((e, [a, b]) => `replace(${e}, '${a}', '${b}')`, `lower(${col})`);

/** One LIKE pattern per word, normalized like the column, with `%`, `_` and `\` escaped. */
function patronesRemitente(texto: string): string[] {
  return normalizar(texto)
    .split(' ')
    .filter(Boolean)
    .slice(0, 6)
    .map((w) => `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
}

export function condiciones(ctx: Contexto, f: Partial<FiltrosAsuntos>): Consulta {
  const c: string[] = [];
  const p: Record<string, unknown> = {};
  const tz = ctx.ajustes().zonaHoraria;
  if (f.anio) (c.push('a.anio = @anio'), (p.anio = f.anio));
  if (f.serieId) (c.push('a.serie_id = @serieId'), (p.serieId = f.serieId));
  if (f.estatus && f.estatus.length) {
    c.push(`a.estatus in (${f.estatus.map((_, i) => `@e${i}`).join(', ')})`);
    f.estatus.forEach((e, i) => (p[`e${i}`] = e));
  }
  if (f.destinatario) (c.push('a.destinatario = @destinatario'), (p.destinatario = f.destinatario));
  if (f.tipo) (c.push('a.tipo = @tipo'), (p.tipo = f.tipo));
  if (f.prioridad) (c.push('a.prioridad = @prioridad'), (p.prioridad = f.prioridad));
  if (f.municipioClave) (c.push('a.municipio_clave = @municipioClave'), (p.municipioClave = f.municipioClave));
  if (f.serieDocumentalId) (c.push('a.serie_documental_id = @serieDocumentalId'), (p.serieDocumentalId = f.serieDocumentalId));
  if (f.remitente) {
    // Every word must appear in the remitente's name or organización, without accents.
    patronesRemitente(f.remitente).forEach((patron, i) => {
      c.push(`(${SIN_ACENTOS('a.remitente_nombre')} like @rem${i} escape '\\' or ${SIN_ACENTOS('a.remitente_organizacion')} like @rem${i} escape '\\')`);
      p[`rem${i}`] = patron;
    });
  }
  if (f.dependenciaId) {
    c.push(DEPENDENCIA);
    p.dependenciaId = f.dependenciaId;
  }
  // Reception dates as instants of office time: the range uses the index on `recibido`.
  if (f.desde) (c.push('a.recibido >= @desde'), (p.desde = inicioDeFecha(f.desde, tz)));
  if (f.hasta) (c.push('a.recibido < @hasta'), (p.hasta = inicioDeFecha(sumarDias(f.hasta, 1), tz)));
  const ahora = ctx.ahora();
  const limite48 = ahora - HORAS_META_TURNO * MS_HORA;
  if (f.vencidos) {
    // plazo_proximo (earliest open fecha límite) is kept by the core; por turnar past 48 h is overdue too.
    c.push(VENCIDOS);
    p.hoy = fechaEnZona(ahora, tz);
    p.limite48 = limite48;
  }
  if (f.plazo) {
    // The same rule as the tablero's figures: open asuntos by their earliest fecha límite, and por
    // turnar within the 48 hours (en riesgo after the first 24).
    const { hoy } = hoyDe(ctx);
    p.hoy = hoy;
    p.corteRiesgo = ultimoDiaEnRiesgo(ctx);
    p.limite48 = limite48;
    p.mitad48 = ahora - (HORAS_META_TURNO / 2) * MS_HORA;
    c.push(
      f.plazo === 'en_riesgo'
        ? "((a.estatus in ('pendiente','en_proceso') and a.plazo_proximo >= @hoy and a.plazo_proximo <= @corteRiesgo) or (a.estatus = 'por_turnar' and a.recibido >= @limite48 and a.recibido < @mitad48))"
        : "((a.estatus in ('pendiente','en_proceso') and a.plazo_proximo > @corteRiesgo) or (a.estatus = 'por_turnar' and a.recibido >= @mitad48))",
    );
  }
  const meta = HORAS_META_TURNO * MS_HORA;
  if (f.en48h === 'si') c.push(`a.demora_turno <= ${meta}`);
  if (f.en48h === 'no') {
    c.push(NO_48H);
    p.limite48b = limite48;
    p.meta48 = meta;
  }
  const fts = expresionFts(f.texto);
  if (f.texto && !fts) c.push('0'); // only punctuation: nothing matches, no error
  // Also the text read from the asunto's scans (ocr_fts, one row per page, keyed by the asunto's fts_id).
  if (fts) (c.push('a.fts_id in (select rowid from asuntos_fts where asuntos_fts match @fts union select asunto_fts from ocr_fts where ocr_fts match @fts)'), (p.fts = fts));
  const armar = (partes: string[]) => (partes.length ? `where ${partes.join(' and ')}` : '');
  const ftsYDep = c.includes(DEPENDENCIA) && c.some((x) => x.startsWith('a.fts_id in ('));
  const base = c.map((x) => (x === VENCIDOS ? `(${ALT_VENCIDOS.join(' or ')})` : x));
  return {
    where: armar(base.map((x) => (x === DEPENDENCIA ? (ftsYDep ? `+${DEP_LISTA}` : DEP_LISTA) : x))),
    whereRecorrido: armar(base.map((x) => (x === DEPENDENCIA ? DEP_EXISTE : x === NO_48H ? NO_48H_RECORRIDO : x.replace(/^a\.fts_id in \(/, '+a.fts_id in (')))),
    alternativas: c.includes(VENCIDOS)
      ? ALT_VENCIDOS.map((alt) => armar(c.map((x) => (x === VENCIDOS ? alt : x === DEPENDENCIA ? (ftsYDep ? `+${DEP_LISTA}` : DEP_LISTA) : x))))
      : null,
    soloDependencia: c.length === 1 && c[0] === DEPENDENCIA,
    interseccion:
      c.includes(DEPENDENCIA) && c.length > 1 && !c.includes(VENCIDOS)
        ? `${ftsYDep ? 'asuntos a indexed by asuntos_fts_id_id' : 'asuntos a'} ${armar(base.filter((x) => x !== DEPENDENCIA))}`
        : null,
    // Without this, SQLite may probe (fts_id, id) for every pair of both lists (millions of probes).
    desde: ftsYDep ? 'asuntos a indexed by asuntos_fts_id_id' : 'asuntos a',
    params: p,
  };
}

export const ORDEN: Record<FiltrosAsuntos['orden'], string> = {
  // rowid breaks ties (two series share a number) and lives in every index: no temp B-tree sort.
  folio_desc: 'a.anio desc, a.numero desc, a.rowid desc',
  folio_asc: 'a.anio asc, a.numero asc, a.rowid asc',
  recepcion_desc: 'a.recibido desc, a.rowid desc',
  recepcion_asc: 'a.recibido asc, a.rowid asc',
};

export const COLUMNAS_FILA = `a.id, a.folio, a.anio, a.numero, s.clave as serie_clave, a.recibido, a.fecha_recepcion,
  a.remitente_nombre, a.remitente_organizacion, a.asunto, a.tipo, a.prioridad, a.destinatario, a.estatus, a.primer_turno,
  a.remitente_cargo, a.oficio_numero, a.oficio_fecha, a.medio, a.observaciones, a.motivo_anulacion, a.motivo_archivo`;

export interface FilaSql {
  id: string;
  folio: string;
  anio: number;
  numero: number;
  serie_clave: string;
  recibido: number;
  fecha_recepcion: string;
  remitente_nombre: string;
  remitente_organizacion: string;
  remitente_cargo: string;
  asunto: string;
  tipo: FilaAsunto['tipo'];
  prioridad: FilaAsunto['prioridad'];
  destinatario: FilaAsunto['destinatario'];
  estatus: EstatusAsunto;
  primer_turno: number | null;
  oficio_numero: string;
  oficio_fecha: string | null;
  medio: string;
  observaciones: string;
  motivo_anulacion: string | null;
  motivo_archivo: string | null;
}

export interface TurnoSql {
  id: string;
  asunto_id: string;
  estatus: EstatusTurno;
  requiere_atencion: number;
  fecha_turno: string;
  fecha_limite: string | null;
  plazo_original: string | null;
  prorrogas: number;
  reaperturas: number;
  turnado: number;
  atendido: number | null;
  siglas: string;
  dependencia: string;
  instruccion: string;
}

const SQL_TURNOS_DE = `select t.id, t.asunto_id, t.estatus, t.requiere_atencion, t.fecha_turno, t.fecha_limite, t.plazo_original, t.prorrogas,
  t.reaperturas, t.turnado, t.atendido, t.dependencia_id, t.instruccion_id
  from turnos t where t.asunto_id in (select value from json_each(?)) order by t.turnado, t.id`;

/** Names of dependencias and instrucciones (a few dozen rows), read once per call instead of joined per turno. */
function nombres(ctx: Contexto) {
  const deps = new Map<string, { siglas: string; nombre: string }>();
  for (const d of st(ctx, 'select id, siglas, nombre from dependencias').all() as { id: string; siglas: string; nombre: string }[]) deps.set(d.id, d);
  const instr = new Map<string, string>();
  for (const i of st(ctx, 'select id, nombre from instrucciones_turno').all() as { id: string; nombre: string }[]) instr.set(i.id, i.nombre);
  return { deps, instr };
}

export function turnosDe(ctx: Contexto, ids: string[], n = nombres(ctx)): Map<string, TurnoSql[]> {
  const m = new Map<string, TurnoSql[]>();
  if (!ids.length) return m;
  for (const t of st(ctx, SQL_TURNOS_DE).all(JSON.stringify(ids)) as (TurnoSql & { dependencia_id: string; instruccion_id: string })[]) {
    const d = n.deps.get(t.dependencia_id);
    t.siglas = d?.siglas ?? '';
    t.dependencia = d?.nombre ?? '';
    t.instruccion = n.instr.get(t.instruccion_id) ?? '';
    const l = m.get(t.asunto_id);
    if (l) l.push(t);
    else m.set(t.asunto_id, [t]);
  }
  return m;
}

/** A bandeja row with both semáforos computed by the core. */
export function aFila(_ctx: Contexto, r: FilaSql, turnos: readonly TurnoListado[], h: Hoy, ahora: number): FilaAsunto {
  const anulado = r.estatus === 'anulado';
  const plazos: Semaforo[] = [];
  let fechaLimite: string | null = null;
  for (const t of turnos) {
    const s = semaforosTurno(
      { requiereAtencion: !!t.requiere_atencion, estatus: t.estatus, fechaTurno: t.fecha_turno, fechaLimite: t.fecha_limite, prorrogas: t.prorrogas },
      anulado,
      h,
    );
    plazos.push(s.plazo);
    if (t.requiere_atencion && (t.estatus === 'pendiente' || t.estatus === 'en_proceso') && t.fecha_limite && (!fechaLimite || t.fecha_limite < fechaLimite)) fechaLimite = t.fecha_limite;
  }
  const siglas = [...new Set(turnos.map((t) => t.siglas || t.dependencia))];
  return {
    id: r.id,
    folio: r.folio,
    anio: r.anio,
    numero: r.numero,
    serieClave: r.serie_clave,
    recibido: r.recibido,
    fechaRecepcion: r.fecha_recepcion,
    remitente: r.remitente_nombre,
    remitenteOrganizacion: r.remitente_organizacion,
    asunto: r.asunto.length > 300 ? `${r.asunto.slice(0, 299)}…` : r.asunto,
    tipo: r.tipo,
    prioridad: r.prioridad,
    destinatario: r.destinatario,
    estatus: r.estatus,
    turnadoA: siglas.join(', '),
    fechaLimite,
    semaforoEstatus: semaforoEstatusAsunto(r.estatus),
    semaforoPlazo: semaforoPlazoAsunto(r.estatus, plazos, r.recibido, ahora),
    horasParaTurnar: horasParaTurnar(r.recibido, r.primer_turno),
  };
}

/** The asuntos of a dependencia that match the other filters: two sorted lists of ids, merged. */
const interseccion = (desdeDonde: string) =>
  `select a.id from ${desdeDonde} intersect select t.asunto_id from turnos t indexed by turnos_dependencia where t.dependencia_id = @dependenciaId`;

/** Rows matching the filters (sum of disjoint alternatives when an OR would force a scan). */
function total(ctx: Contexto, q: Consulta): number {
  if (q.soloDependencia) {
    return (st(ctx, 'select count(distinct asunto_id) as n from turnos indexed by turnos_dependencia where dependencia_id = @dependenciaId').get(q.params) as { n: number }).n;
  }
  if (q.interseccion) return (st(ctx, `select count(*) as n from (${interseccion(q.interseccion)})`).get(q.params) as { n: number }).n;
  const contar1 = (where: string) => (st(ctx, `select count(*) as n from ${q.desde} ${where}`).get(q.params) as { n: number }).n;
  return q.alternativas ? q.alternativas.reduce((n, w) => n + contar1(w), 0) : contar1(q.where);
}

/**
 * With many matches, walking the folio order finds a page at once; with few, drive by them and sort.
 * Walking reads about (offset + limit) × asuntos / matches rows, driving reads the matches: the walk
 * wins when matches² > (offset + limit) × asuntos.
 */
function convieneRecorrer(ctx: Contexto, n: number, filas: number): boolean {
  if (UMBRAL_FORZADO !== null) return n >= UMBRAL_FORZADO;
  const asuntos = (st(ctx, 'select max(rowid) as n from asuntos').get() as { n: number | null }).n ?? 0;
  return n * n >= filas * asuntos;
}
let UMBRAL_FORZADO: number | null = null;
/** For tests: force one plan or the other (both must return the same rows); null: by the numbers. */
export function fijarUmbralRecorrido(n: number | null): void {
  UMBRAL_FORZADO = n;
}

export function bandeja(ctx: Contexto, f: FiltrosAsuntos & { limite: number; desplazamiento: number }): { filas: FilaAsunto[]; total: number } {
  const q = condiciones(ctx, f);
  // A dependencia with other filters: the matching ids once. Their number is the total and, when they are
  // few, the page sorts just them (FTS + dependencia at 100k: 18 → 12 ms, the two lists built once, not twice).
  const ids = q.interseccion ? (st(ctx, interseccion(q.interseccion)).pluck().all(q.params) as string[]) : null;
  const n = ids ? ids.length : total(ctx, q);
  // Walking the folio order within an estatus: its (estatus, año, número) index, not (estatus, id), which
  // SQLite would otherwise pick and then sort every asunto of that estatus.
  const recorrido = f.estatus?.length && f.orden.startsWith('folio') ? 'asuntos a indexed by asuntos_estatus' : 'asuntos a';
  const [desde, where, params] = convieneRecorrer(ctx, n, f.limite + f.desplazamiento)
    ? [recorrido, q.whereRecorrido, q.params]
    : ids
      ? ['asuntos a', 'where a.id in (select value from json_each(@ids))', { ids: JSON.stringify(ids) }]
      : [q.desde, q.where, q.params];
  const rows = st(
    ctx,
    `select ${COLUMNAS_FILA} from ${desde} join series_folios s on s.id = a.serie_id ${where} order by ${ORDEN[f.orden]} limit @limite offset @desplazamiento`,
  ).all({ ...params, limite: f.limite, desplazamiento: f.desplazamiento }) as FilaSql[];
  const h = hoyDe(ctx);
  const ahora = ctx.ahora();
  const turnos = turnosDe(ctx, rows.map((r) => r.id));
  return { filas: rows.map((r) => aFila(ctx, r, turnos.get(r.id) ?? [], h, ahora)), total: n };
}

/**
 * A statement's rows as plain objects built here from its raw arrays: better-sqlite3 names each column of
 * each row from C++, which over a whole listado costs more than the reading itself.
 */
function* objetos<T>(sentencia: Database.Statement, params: unknown): Generator<T> {
  const nombres = sentencia.columns().map((c) => c.name);
  const n = nombres.length;
  for (const valores of sentencia.raw(true).iterate(params) as IterableIterator<unknown[]>) {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) o[nombres[i]] = valores[i];
    yield o as T;
  }
}

/**
 * The turno columns recorrer reads, in the order of each JSON array: only what the listados use. Building
 * and parsing the JSON is a large part of the listado's reading, and the two UUIDs of each turno and the
 * columns no listado writes cost 5–20 % more of it (statement + JSON.parse over the 100k demo, paired runs).
 */
const CAMPOS_TURNO = ['estatus', 'requiere_atencion', 'fecha_turno', 'fecha_limite', 'plazo_original', 'prorrogas', 'atendido', 'dependencia_id', 'instruccion_id'] as const;
type TurnoJson = [EstatusTurno, number, string, string | null, string | null, number, number | null, string, string];

/** A turno as the listados read it (recorrer). */
export type TurnoListado = Omit<TurnoSql, 'id' | 'asunto_id' | 'reaperturas' | 'turnado'>;

/**
 * Streams every row of a filter in bandeja order (for the listados), each asunto with its turnos (by
 * turnado): one statement, the turnos of each asunto as a JSON array in its own row. One walk of the
 * asuntos in one snapshot (a second statement walking the same order read every asunto twice), and
 * nothing held in memory.
 */
export function* recorrer(ctx: Contexto, f: FiltrosAsuntos): Generator<{ fila: FilaAsunto; sql: FilaSql; turnos: TurnoListado[] }> {
  const { where, params, desde } = condiciones(ctx, f);
  const h = hoyDe(ctx);
  const ahora = ctx.ahora();
  const n = nombres(ctx);
  const turnosJson = `(select json_group_array(json_array(${CAMPOS_TURNO.map((c) => `t.${c}`).join(', ')}) order by t.turnado, t.id)
    from turnos t where t.asunto_id = a.id) as _turnos`;
  const filas = objetos<FilaSql & { _turnos: string }>(
    ctx.sqlite.prepare(`select ${COLUMNAS_FILA}, ${turnosJson} from ${desde} join series_folios s on s.id = a.serie_id ${where} order by ${ORDEN[f.orden]}`),
    params,
  );
  for (const r of filas) {
    const ts = (JSON.parse(r._turnos) as TurnoJson[]).map((v): TurnoListado => {
      const d = n.deps.get(v[7]);
      return {
        estatus: v[0], requiere_atencion: v[1], fecha_turno: v[2], fecha_limite: v[3], plazo_original: v[4], prorrogas: v[5], atendido: v[6],
        siglas: d?.siglas ?? '', dependencia: d?.nombre ?? '', instruccion: n.instr.get(v[8]) ?? '',
      };
    });
    yield { fila: aFila(ctx, r, ts, h, ahora), sql: r, turnos: ts };
  }
}

export function contar(ctx: Contexto, f: FiltrosAsuntos): number {
  return total(ctx, condiciones(ctx, f));
}
