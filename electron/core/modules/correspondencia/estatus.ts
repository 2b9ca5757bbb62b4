/** Reporte de Estatus por Dependencia (DOMAIN §1): turnos of a period per dependencia, totals and the 48-hour target. */
import type { ReporteEstatus } from '../../../contract/correspondencia';
import type { Contexto } from '../../contexto';
import { inicioDeFecha, sumarDias } from '../../tiempo';
import { st, hoyDe } from './datos';
import { HORAS_META_TURNO, MS_HORA, porcentaje, semaforoPorcentaje } from './reglas';

interface Agregado {
  dependencia_id: string;
  nombre: string;
  siglas: string;
  informativos: number;
  turnos: number;
  atendidos: number;
  en_proceso: number;
  no_atendidos: number;
  vencidos: number;
  prorrogados: number;
  devueltos: number;
}

export function reporteEstatus(ctx: Contexto, desde: string, hasta: string): ReporteEstatus {
  const tz = ctx.ajustes().zonaHoraria;
  const a = inicioDeFecha(desde, tz);
  const b = inicioDeFecha(sumarDias(hasta, 1), tz);
  const { hoy } = hoyDe(ctx);
  // Per dependencia, one index range per (requiere atención, estatus): counting follows the index order;
  // turnos of anulado asuntos (few) are subtracted after.
  const deps = st(ctx, 'select id, nombre, siglas from dependencias order by nombre').all() as { id: string; nombre: string; siglas: string }[];
  const grupos = st(
    ctx,
    `select requiere_atencion as r, estatus as e, count(*) as n, sum(prorrogas > 0) as p, sum(fecha_limite < @hoy) as v
     from turnos indexed by turnos_reporte_estatus
     where dependencia_id = @d and requiere_atencion in (0, 1) and estatus in ('pendiente', 'en_proceso', 'atendido', 'devuelto') and turnado >= @a and turnado < @b
     group by 1, 2`,
  );
  const porDep = new Map<string, Agregado>();
  for (const d of deps) {
    const f: Agregado = { dependencia_id: d.id, nombre: d.nombre, siglas: d.siglas, informativos: 0, turnos: 0, atendidos: 0, en_proceso: 0, no_atendidos: 0, vencidos: 0, prorrogados: 0, devueltos: 0 };
    for (const g of grupos.all({ d: d.id, a, b, hoy }) as { r: number; e: string; n: number; p: number; v: number | null }[]) {
      // Returned turnos (devueltos) are counted apart and left out of every other figure.
      if (g.e === 'devuelto') {
        f.devueltos += g.n;
        continue;
      }
      if (!g.r) {
        f.informativos += g.n;
        continue;
      }
      f.turnos += g.n;
      f.prorrogados += g.p;
      if (g.e === 'atendido') f.atendidos += g.n;
      else {
        f.vencidos += g.v ?? 0;
        if (g.e === 'en_proceso') f.en_proceso += g.n;
        else f.no_atendidos += g.n;
      }
    }
    porDep.set(d.id, f);
  }
  const anulados = st(
    ctx,
    `select t.dependencia_id, t.requiere_atencion, t.estatus, t.fecha_limite, t.prorrogas from asuntos x join turnos t on t.asunto_id = x.id
     where x.estatus = 'anulado' and t.turnado >= @a and t.turnado < @b`,
  ).all({ a, b }) as { dependencia_id: string; requiere_atencion: number; estatus: string; fecha_limite: string | null; prorrogas: number }[];
  for (const t of anulados) {
    const f = porDep.get(t.dependencia_id);
    if (!f) continue;
    if (t.estatus === 'devuelto') {
      f.devueltos--;
      continue;
    }
    if (!t.requiere_atencion) {
      f.informativos--;
      continue;
    }
    f.turnos--;
    if (t.estatus === 'atendido') f.atendidos--;
    if (t.estatus === 'en_proceso') f.en_proceso--;
    if (t.estatus === 'pendiente') f.no_atendidos--;
    if (t.estatus !== 'atendido' && t.fecha_limite !== null && t.fecha_limite < hoy) f.vencidos--;
    if (t.prorrogas > 0) f.prorrogados--;
  }
  const filas = [...porDep.values()].filter((f) => f.turnos + f.informativos + f.devueltos > 0);
  const bandas = ctx.ajustes().bandas;
  const cero = { turnos: 0, atendidos: 0, enProceso: 0, noAtendidos: 0, vencidos: 0, prorrogados: 0, informativos: 0, devueltos: 0 };
  const tot = { ...cero };
  const resultado = filas.map((f) => {
    const p = porcentaje(f.atendidos, f.turnos);
    tot.turnos += f.turnos;
    tot.atendidos += f.atendidos;
    tot.enProceso += f.en_proceso;
    tot.noAtendidos += f.no_atendidos;
    tot.vencidos += f.vencidos;
    tot.prorrogados += f.prorrogados;
    tot.informativos += f.informativos;
    tot.devueltos += f.devueltos;
    return {
      dependenciaId: f.dependencia_id,
      dependencia: f.nombre,
      siglas: f.siglas,
      turnos: f.turnos,
      atendidos: f.atendidos,
      enProceso: f.en_proceso,
      noAtendidos: f.no_atendidos,
      vencidos: f.vencidos,
      prorrogados: f.prorrogados,
      informativos: f.informativos,
      devueltos: f.devueltos,
      porcentajeAtendido: p,
      semaforo: semaforoPorcentaje(p, bandas),
    };
  });
  const pTot = porcentaje(tot.atendidos, tot.turnos);

  return {
    desde,
    hasta,
    filas: resultado,
    totales: { ...tot, porcentajeAtendido: pTot, semaforo: semaforoPorcentaje(pTot, bandas) },
    ...medida48h(ctx, a, b),
  };
}

export type Medida48h = Pick<ReporteEstatus, 'asuntos' | 'turnadosEn48h' | 'medibles48h' | 'porcentajeEn48h' | 'promedioHorasParaTurnar'>;

/**
 * The 48-hour target over the asuntos received in [a, b) (instants), not anulado nor archivado: measurable
 * when already turned, or older than 48 h without turno (those count as late). One covering-index range:
 * the tablero's 12-week trend needs only this, not the per-dependencia turnos.
 */
export function medida48h(ctx: Contexto, a: number, b: number): Medida48h {
  const meta = HORAS_META_TURNO * MS_HORA;
  const m = st(
    ctx,
    `select count(*) as asuntos,
       sum(primer_turno is not null or recibido < @limite) as medibles,
       sum(primer_turno is not null and primer_turno - recibido <= @meta) as en48,
       avg(case when primer_turno is not null then primer_turno - recibido end) as promedio
     from asuntos where recibido >= @a and recibido < @b and anulado = 0 and archivado = 0`,
  ).get({ a, b, meta, limite: ctx.ahora() - meta }) as { asuntos: number; medibles: number | null; en48: number | null; promedio: number | null };
  return {
    asuntos: m.asuntos,
    turnadosEn48h: m.en48 ?? 0,
    medibles48h: m.medibles ?? 0,
    porcentajeEn48h: porcentaje(m.en48 ?? 0, m.medibles ?? 0),
    promedioHorasParaTurnar: m.promedio === null ? null : Math.round((m.promedio / MS_HORA) * 10) / 10,
  };
}

/** `medida48h` of the asuntos received between two dates (inclusive, in the office's time zone). */
export function medida48hEntre(ctx: Contexto, desde: string, hasta: string): Medida48h {
  const tz = ctx.ajustes().zonaHoraria;
  return medida48h(ctx, inicioDeFecha(desde, tz), inicioDeFecha(sumarDias(hasta, 1), tz));
}
