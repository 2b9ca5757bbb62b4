/**
 * Correspondencia › asuntos of past years entering through import (DOMAIN §1 «Importing what exists»): they
 * keep their original folio, recognized against the series templates; the series-year counter moves past
 * the highest imported number; gaps are reported by the importer, never filled.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Asunto } from '../../../contract/correspondencia';
import { MARCA } from '../../../contract/marcadores';
import type { EstatusTurno } from './reglas';
import type { Contexto } from '../../contexto';
import { fechaCorta, inicioDeFecha } from '../../tiempo';
import { st } from './datos';
import { evento, recalcular, zona } from './comun';

export interface FolioReconocido {
  serieId: string;
  serieClave: string;
  anio: number;
  numero: number;
  /** The folio as the series formats it (the imported text, normalized). */
  folio: string;
}

interface SerieMolde {
  id: string;
  clave: string;
  plantilla: string;
  patron: RegExp;
  grupos: ('n' | 'yy' | 'yyyy')[];
}

function escapar(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
}

/** Turns each series template into a pattern: `03.01-{n}/{yy}` → /^03\.01-(\d+)\/(\d{2})$/. */
export function moldesDeSeries(ctx: Pick<Contexto, 'sqlite'>): SerieMolde[] {
  const series = st(ctx, 'select id, clave, plantilla from series_folios order by clave').all() as { id: string; clave: string; plantilla: string }[];
  return series.map((s) => {
    const grupos: SerieMolde['grupos'] = [];
    let fuente = '';
    let resto = s.plantilla;
    for (const m of s.plantilla.matchAll(MARCA)) {
      const i = resto.indexOf(m[0]);
      fuente += escapar(resto.slice(0, i));
      resto = resto.slice(i + m[0].length);
      const p = m[1];
      if (p === 'yy') (grupos.push('yy'), (fuente += '(\\d{2})'));
      else if (p === 'yyyy') (grupos.push('yyyy'), (fuente += '(\\d{4})'));
      else (grupos.push('n'), (fuente += '0*(\\d{1,9})'));
    }
    fuente += escapar(resto);
    return { ...s, patron: new RegExp(`^${fuente}$`, 'i'), grupos };
  });
}

/**
 * Recognizes a folio against the series templates. A template without a year (`NJ 03.01-{n}`) takes the
 * year of the reception date. Longest template first, so `NJ 03.01-…` is not read as the main series.
 */
export function reconocerFolio(moldes: SerieMolde[], texto: string, anioRecepcion: number): FolioReconocido | null {
  const t = texto.trim().replace(/\s+/g, ' ');
  const orden = [...moldes].sort((a, b) => b.plantilla.length - a.plantilla.length);
  for (const m of orden) {
    const r = m.patron.exec(t);
    if (!r) continue;
    let numero = 0;
    let anio = anioRecepcion;
    m.grupos.forEach((g, i) => {
      const v = Number(r[i + 1]);
      if (g === 'n') numero = v;
      else if (g === 'yyyy') anio = v;
      else anio = 2000 + v;
    });
    if (numero < 1) return null;
    return { serieId: m.id, serieClave: m.clave, anio, numero, folio: t };
  }
  return null;
}

export interface TurnoHistorico {
  dependenciaId: string;
  instruccionId: string;
  requiereAtencion: boolean;
  fechaTurno: string;
  fechaLimite: string | null;
  estatus: EstatusTurno;
  respuesta: { fecha: string; numeroOficio: string; resumen: string } | null;
}

export interface AsuntoHistorico {
  folio: FolioReconocido;
  recibido: number;
  fechaRecepcion: string;
  medio: Asunto['medio'];
  destinatario: Asunto['destinatario'];
  tipo: Asunto['tipo'];
  prioridad: Asunto['prioridad'];
  remitenteNombre: string;
  remitenteCargo: string;
  remitenteOrganizacion: string;
  municipioClave: string | null;
  oficioNumero: string;
  oficioFecha: string | null;
  asunto: string;
  observaciones: string;
  turnos: TurnoHistorico[];
}

/** What an existing folio holds, to tell «same asunto» from «another asunto with that folio». */
export function asuntoPorFolio(ctx: Pick<Contexto, 'sqlite'>, serieId: string, anio: number, numero: number) {
  const a = st(ctx, 'select id, folio, fecha_recepcion, remitente_nombre, asunto from asuntos where serie_id = ? and anio = ? and numero = ?').get(serieId, anio, numero) as
    | { id: string; folio: string; fecha_recepcion: string; remitente_nombre: string; asunto: string }
    | undefined;
  if (!a) return null;
  const turnos = st(ctx, 'select dependencia_id, fecha_turno from turnos where asunto_id = ?').all(a.id) as { dependencia_id: string; fecha_turno: string }[];
  return { ...a, turnos };
}

function insertarTurno(ctx: Contexto, asuntoId: string, t: TurnoHistorico) {
  const ahora = ctx.ahora();
  // Date-only history: turned at 09:00 office time of its day; attended on the response day.
  const turnado = inicioDeFecha(t.fechaTurno, zona(ctx)) + 9 * 3_600_000;
  const atendido = t.estatus === 'atendido' ? (t.respuesta ? inicioDeFecha(t.respuesta.fecha, zona(ctx)) + 9 * 3_600_000 : turnado) : null;
  const id = uuidv7();
  st(
    ctx,
    `insert into turnos (id, asunto_id, dependencia_id, instruccion_id, requiere_atencion, turnado, fecha_turno, plazo_original, fecha_limite,
       estatus, atendido, notas, turnado_por, version, creado, actualizado)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, 0, ?, ?)`,
  ).run(id, asuntoId, t.dependenciaId, t.instruccionId, t.requiereAtencion ? 1 : 0, turnado, t.fechaTurno, t.fechaLimite, t.fechaLimite, t.estatus, atendido, ctx.actor?.id ?? null, ahora, ahora);
  if (t.respuesta) {
    st(ctx, 'insert into respuestas (id, turno_id, numero_oficio, fecha, resumen, archivo_sha, archivo_nombre, registrado, usuario_id) values (?, ?, ?, ?, ?, null, null, ?, ?)').run(
      uuidv7(), id, t.respuesta.numeroOficio, t.respuesta.fecha, t.respuesta.resumen, ahora, ctx.actor?.id ?? null,
    );
  }
  const primer = st(ctx, 'select recibido, primer_turno from asuntos where id = ?').get(asuntoId) as { recibido: number; primer_turno: number | null };
  if (primer.primer_turno === null || turnado < primer.primer_turno) {
    st(ctx, 'update asuntos set primer_turno = ?, demora_turno = ? where id = ?').run(turnado, Math.max(0, turnado - primer.recibido), asuntoId);
  }
  evento(ctx, asuntoId, 'turno', `Turno importado (fecha ${fechaCorta(t.fechaTurno)})`, { dependenciaId: t.dependenciaId, estatus: t.estatus, fechaLimite: t.fechaLimite }, t.fechaTurno);
}

/** Inside the import transaction: the asunto with its original folio, its turnos, timeline and bitácora. */
export function registrarHistorico(ctx: Contexto, a: AsuntoHistorico, archivo: string): string {
  const ahora = ctx.ahora();
  const id = uuidv7();
  const ftsId = ((st(ctx, 'select max(fts_id) as m from asuntos').get() as { m: number | null }).m ?? 0) + 1;
  st(
    ctx,
    `insert into asuntos (id, fts_id, serie_id, anio, numero, folio, recibido, fecha_recepcion, medio, destinatario, tipo, prioridad,
      remitente_nombre, remitente_cargo, remitente_organizacion, municipio_clave, oficio_numero, oficio_fecha, asunto, serie_documental_id,
      observaciones, estatus, registrado_por, version, creado, actualizado)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, 'por_turnar', ?, 0, ?, ?)`,
  ).run(
    id, ftsId, a.folio.serieId, a.folio.anio, a.folio.numero, a.folio.folio, a.recibido, a.fechaRecepcion, a.medio, a.destinatario, a.tipo, a.prioridad,
    a.remitenteNombre, a.remitenteCargo, a.remitenteOrganizacion, a.municipioClave, a.oficioNumero, a.oficioFecha, a.asunto,
    a.observaciones, ctx.actor?.id ?? null, ahora, ahora,
  );
  const remitente = [a.remitenteNombre, a.remitenteCargo, a.remitenteOrganizacion].filter(Boolean).join(' ');
  st(ctx, 'insert into asuntos_fts (rowid, folio, asunto, remitente, oficio, observaciones) values (?, ?, ?, ?, ?, ?)').run(
    ftsId, a.folio.folio, a.asunto, remitente, a.oficioNumero, a.observaciones,
  );
  evento(ctx, id, 'registro', `Importado con su folio original ${a.folio.folio} (archivo «${archivo}»)`, { serie: a.folio.serieClave, anio: a.folio.anio, numero: a.folio.numero }, a.fechaRecepcion);
  for (const t of a.turnos) insertarTurno(ctx, id, t);
  recalcular(ctx, id);
  ctx.bitacora({ entidad: 'asuntos', entidadId: id, despues: { ...a, folio: a.folio.folio, importado: archivo } });
  return id;
}

/** Adds turnos found in a re-imported file to an asunto already imported (same folio, same content). */
export function agregarTurnosHistoricos(ctx: Contexto, asuntoId: string, turnos: TurnoHistorico[], archivo: string) {
  for (const t of turnos) insertarTurno(ctx, asuntoId, t);
  recalcular(ctx, asuntoId);
  ctx.bitacora({ entidad: 'asuntos', entidadId: asuntoId, despues: { turnosImportados: turnos, importado: archivo } });
}

/** Moves the (serie, año) counter past `numero`; never moves it back. */
export function avanzarContador(ctx: Contexto, serieId: string, anio: number, numero: number) {
  st(
    ctx,
    `insert into contadores_folio (serie_id, anio, siguiente, actualizado) values (?, ?, ?, ?)
     on conflict (serie_id, anio) do update set siguiente = max(siguiente, excluded.siguiente), actualizado = excluded.actualizado`,
  ).run(serieId, anio, numero + 1, ctx.ahora());
}

/** Numbers already used in a series-year (to report gaps across what exists and what is imported). */
export function numerosUsados(ctx: Pick<Contexto, 'sqlite'>, serieId: string, anio: number): number[] {
  return (st(ctx, 'select numero from asuntos where serie_id = ? and anio = ? order by numero').all(serieId, anio) as { numero: number }[]).map((r) => r.numero);
}
