/** Reads of compromisos (hand SQL): the filtered list and the detail, with both semáforos computed. */
import { noEncontrado } from '../../errors';
import type { Contexto } from '../../contexto';
import { estadoAntes } from '../../historialSeguimientos';
import type { ParsedInput } from '../../../contract';
import {
  ETIQUETA_ESTATUS_COMPROMISO,
  type CompromisoDetalle,
  type CompromisoResumen,
  type EstatusCompromiso,
} from '../../../contract/compromisos';
import { semaforoPlazo } from '../../semaforo';
import { fechaEnZona, inicioDeFecha, sumarDias } from '../../tiempo';
import { patronesBusqueda, semaforoCompromiso } from './reglas';
import { normalizar } from '../../texto';

export type Filtros = ParsedInput<'compromisos.listar'>;

interface FilaCompromiso {
  id: string;
  numero: number;
  descripcion: string;
  fecha_compromiso: string;
  municipio_clave: string | null;
  municipio: string | null;
  dependencia_id: string;
  dependencia: string;
  dependencia_siglas: string;
  estrategia_id: string | null;
  estrategia_clave: string | null;
  estrategia_texto: string | null;
  objetivo_id: string | null;
  objetivo_clave: string | null;
  eje_id: string | null;
  eje_clave: string | null;
  eje_texto: string | null;
  estatus: EstatusCompromiso;
  motivo_no_procedente: string | null;
  avance: number;
  fecha_estimada: string | null;
  version: number;
}

const SELECT = `
  select c.id, c.numero, c.descripcion, c.fecha_compromiso, c.municipio_clave, m.nombre as municipio,
         c.dependencia_id, d.nombre as dependencia, d.siglas as dependencia_siglas,
         es.id as estrategia_id, es.clave as estrategia_clave, es.texto as estrategia_texto,
         ob.id as objetivo_id, ob.clave as objetivo_clave, ej.id as eje_id, ej.clave as eje_clave, ej.texto as eje_texto,
         c.estatus, c.motivo_no_procedente, c.avance, c.fecha_estimada, c.version
    from compromisos c
    join dependencias d on d.id = c.dependencia_id
    left join municipios m on m.clave = c.municipio_clave
    left join ped es on es.id = c.estrategia_id
    left join ped ob on ob.id = es.padre_id
    left join ped ej on ej.id = ob.padre_id`;

const conSinAcentos = new WeakSet<object>();
/** `compromisos_sin_acentos(texto)`: the same normalization as the search column, for live names. */
function registrarSinAcentos(ctx: Contexto) {
  if (conSinAcentos.has(ctx.sqlite)) return;
  ctx.sqlite.function('compromisos_sin_acentos', { deterministic: true }, (t: unknown) => normalizar(String(t ?? '')));
  conSinAcentos.add(ctx.sqlite);
}

export function hoy(ctx: Contexto): string {
  return fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
}

function corresponsablesDe(ctx: Contexto, ids: string[]): Map<string, { id: string; nombre: string; siglas: string }[]> {
  const mapa = new Map<string, { id: string; nombre: string; siglas: string }[]>();
  if (ids.length === 0) return mapa;
  const filas = ctx.sqlite
    .prepare(
      `select cc.compromiso_id as cid, d.id, d.nombre, d.siglas from compromiso_corresponsables cc
         join dependencias d on d.id = cc.dependencia_id
        where cc.compromiso_id in (select value from json_each(?)) order by d.nombre`,
    )
    .all(JSON.stringify(ids)) as { cid: string; id: string; nombre: string; siglas: string }[];
  for (const { cid, ...d } of filas) mapa.set(cid, [...(mapa.get(cid) ?? []), d]);
  return mapa;
}

function aResumen(ctx: Contexto, f: FilaCompromiso, corr: { id: string; nombre: string; siglas: string }[], dia: string, calendario = ctx.calendario()): CompromisoResumen {
  const aj = ctx.ajustes();
  return {
    id: f.id,
    numero: f.numero,
    descripcion: f.descripcion,
    fechaCompromiso: f.fecha_compromiso,
    municipioClave: f.municipio_clave,
    municipio: f.municipio ?? 'Estatal',
    dependenciaId: f.dependencia_id,
    dependencia: f.dependencia,
    dependenciaSiglas: f.dependencia_siglas,
    corresponsables: corr,
    alineacion: {
      ejeId: f.eje_id,
      ejeClave: f.eje_clave,
      ejeTexto: f.eje_texto,
      objetivoId: f.objetivo_id,
      objetivoClave: f.objetivo_clave,
      estrategiaId: f.estrategia_id,
      estrategiaClave: f.estrategia_clave,
      estrategiaTexto: f.estrategia_texto,
    },
    estatus: f.estatus,
    estatusEtiqueta: ETIQUETA_ESTATUS_COMPROMISO[f.estatus],
    motivoNoProcedente: f.motivo_no_procedente,
    avance: f.avance,
    fechaEstimada: f.fecha_estimada,
    semaforo: semaforoCompromiso(f.estatus, f.motivo_no_procedente),
    plazo: semaforoPlazo({
      concluido: f.estatus === 'cumplido',
      excluido: f.estatus === 'no_procedente',
      inicio: f.fecha_compromiso,
      fechaLimite: f.fecha_estimada,
      avance: f.avance,
      hoy: dia,
      calendario,
      diasEnRiesgo: aj.diasEnRiesgo,
    }),
    version: f.version,
  };
}

/** A range of days (inclusive, in the office's zone) as epoch ms [from, to), open where a day is missing. */
function ventana(ctx: Contexto, desde: string | undefined, hasta: string | undefined): [number, number] {
  const tz = ctx.ajustes().zonaHoraria;
  return [desde ? inicioDeFecha(desde, tz) : 0, hasta ? inicioDeFecha(sumarDias(hasta, 1), tz) : Number.MAX_SAFE_INTEGER];
}

/** Seguimientos recorded (creado) in [a, b), per compromiso. */
export function seguimientosEntre(ctx: Contexto, a: number, b: number): Map<string, number> {
  const filas = ctx.sqlite
    .prepare('select compromiso_id as id, count(*) as n from compromiso_seguimientos where creado >= ? and creado < ? group by compromiso_id')
    .all(a, b) as { id: string; n: number }[];
  return new Map(filas.map((f) => [f.id, f.n]));
}

/** Each compromiso's estatus and avance at instant `t`, for those changed since (the others stand as they are now). */
export function estadoAl(ctx: Contexto, t: number) {
  return estadoAntes<EstatusCompromiso>(ctx, t, { tabla: 'compromiso_seguimientos', registro: 'compromiso_id', estatusAntes: 'estatus_anterior', avanceAntes: 'avance_anterior' });
}

/** The compromisos matching the filters, ordered by número, with both semáforos computed. */
export function consultar(ctx: Contexto, filtros: Filtros): CompromisoResumen[] {
  const cond: string[] = [];
  const params: unknown[] = [];
  if (filtros.dependenciaId) {
    cond.push('(c.dependencia_id = ? or exists (select 1 from compromiso_corresponsables cc where cc.compromiso_id = c.id and cc.dependencia_id = ?))');
    params.push(filtros.dependenciaId, filtros.dependenciaId);
  }
  if (filtros.municipio) {
    if (filtros.municipio.toUpperCase() === 'ESTATAL') cond.push('c.municipio_clave is null');
    else {
      cond.push('c.municipio_clave = ?');
      params.push(filtros.municipio);
    }
  }
  if (filtros.estrategiaId) {
    cond.push('es.id = ?');
    params.push(filtros.estrategiaId);
  } else if (filtros.objetivoId) {
    cond.push('ob.id = ?');
    params.push(filtros.objetivoId);
  } else if (filtros.ejeId) {
    cond.push('ej.id = ?');
    params.push(filtros.ejeId);
  }
  if (filtros.estatus?.length && !filtros.alCierre) {
    cond.push(`c.estatus in (${filtros.estatus.map(() => '?').join(',')})`);
    params.push(...filtros.estatus);
  }
  if (filtros.avanceMin !== undefined) {
    cond.push('c.avance >= ?');
    params.push(filtros.avanceMin);
  }
  if (filtros.avanceMax !== undefined) {
    cond.push('c.avance <= ?');
    params.push(filtros.avanceMax);
  }
  if (filtros.fechaDesde) {
    cond.push('c.fecha_compromiso >= ?');
    params.push(filtros.fechaDesde);
  }
  if (filtros.alCierre) {
    // A compromiso exists from the date it was made (as the tablero's weekly figures count it).
    cond.push('c.fecha_compromiso <= ?');
    params.push(filtros.alCierre);
  }
  if (filtros.fechaHasta) {
    cond.push('c.fecha_compromiso <= ?');
    params.push(filtros.fechaHasta);
  }
  if (filtros.cumplidoDesde || filtros.cumplidoHasta) {
    // The tablero's «cumplidos en la semana»: a seguimiento that turned it cumplido, recorded in the range.
    cond.push(
      "exists (select 1 from compromiso_seguimientos s where s.compromiso_id = c.id and s.estatus = 'cumplido' and s.estatus_anterior <> 'cumplido' and s.creado >= ? and s.creado < ?)",
    );
    params.push(...ventana(ctx, filtros.cumplidoDesde, filtros.cumplidoHasta));
  }
  // The tablero's «seguimientos registrados»: recorded (creado) in the range, as that week's figure counts them.
  const conSeguimientos = filtros.seguimientoDesde || filtros.seguimientoHasta ? seguimientosEntre(ctx, ...ventana(ctx, filtros.seguimientoDesde, filtros.seguimientoHasta)) : null;
  if (conSeguimientos) {
    cond.push(`c.id in (select value from json_each(?))`);
    params.push(JSON.stringify([...conSeguimientos.keys()]));
  }
  const patrones = patronesBusqueda(filtros.texto ?? '');
  if (patrones.length) registrarSinAcentos(ctx);
  for (const p of patrones) {
    // The compromiso's own text is stored normalized; the names of municipio and dependencias are
    // normalized live, so a renamed dependencia is still found by its current name.
    cond.push(
      `(c.busqueda || ' ' || compromisos_sin_acentos(coalesce(m.nombre, 'Estatal') || ' ' || d.nombre || ' ' || d.siglas || ' ' ||
         coalesce((select group_concat(dc.nombre || ' ' || dc.siglas, ' ') from compromiso_corresponsables cc join dependencias dc on dc.id = cc.dependencia_id where cc.compromiso_id = c.id), ''))) like ? escape '\\'`,
    );
    params.push(p);
  }
  const sql = `${SELECT}${cond.length ? ` where ${cond.join(' and ')}` : ''} order by c.numero`;
  const filas = ctx.sqlite.prepare(sql).all(...params) as FilaCompromiso[];
  const corr = corresponsablesDe(ctx, filas.map((f) => f.id));
  const dia = hoy(ctx);
  const calendario = ctx.calendario();
  let items = filas.map((f) => aResumen(ctx, f, corr.get(f.id) ?? [], dia, calendario));
  if (conSeguimientos) items = items.map((i) => ({ ...i, seguimientosEnPeriodo: conSeguimientos.get(i.id) ?? 0 }));
  if (filtros.alCierre) {
    const antes = estadoAl(ctx, Math.min(ventana(ctx, filtros.alCierre, filtros.alCierre)[1], ctx.ahora()));
    items = items.map((i) => ({ ...i, alCierre: antes.get(i.id) ?? { estatus: i.estatus, avance: i.avance } }));
    if (filtros.estatus?.length) items = items.filter((i) => filtros.estatus!.includes(i.alCierre!.estatus));
  }
  if (filtros.semaforo?.length) items = items.filter((i) => filtros.semaforo!.includes(i.semaforo.color));
  if (filtros.plazo?.length) items = items.filter((i) => (filtros.plazo as string[]).includes(i.plazo.clave));
  return items;
}

export function detalle(ctx: Contexto, id: string): CompromisoDetalle {
  const f = ctx.sqlite.prepare(`${SELECT} where c.id = ?`).get(id) as FilaCompromiso | undefined;
  if (!f) throw noEncontrado('el compromiso');
  const corr = corresponsablesDe(ctx, [id]).get(id) ?? [];
  const seg = ctx.sqlite
    .prepare(
      `select id, fecha, nota, estatus_anterior, estatus, avance_anterior, avance, motivo, evidencia_sha, evidencia_nombre, autor_nombre, creado
         from compromiso_seguimientos where compromiso_id = ? order by fecha desc, creado desc, id desc`,
    )
    .all(id) as {
    id: string;
    fecha: string;
    nota: string;
    estatus_anterior: EstatusCompromiso;
    estatus: EstatusCompromiso;
    avance_anterior: number;
    avance: number;
    motivo: string | null;
    evidencia_sha: string | null;
    evidencia_nombre: string | null;
    autor_nombre: string;
    creado: number;
  }[];
  const dia = hoy(ctx);
  return {
    ...aResumen(ctx, f, corr, dia, ctx.calendario()),
    seguimientos: seg.map((s) => ({
      id: s.id,
      fecha: s.fecha,
      nota: s.nota,
      estatusAnterior: s.estatus_anterior,
      estatus: s.estatus,
      avanceAnterior: s.avance_anterior,
      avance: s.avance,
      motivo: s.motivo,
      evidencia: s.evidencia_sha ? { sha256: s.evidencia_sha, nombre: s.evidencia_nombre ?? 'evidencia' } : null,
      autor: s.autor_nombre,
      creado: s.creado,
    })),
  };
}
