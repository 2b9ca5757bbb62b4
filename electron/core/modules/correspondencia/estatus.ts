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
}

export function reporteEstatus(ctx: Contexto, desde: string, hasta: string): ReporteEstatus {
  const tz = ctx.ajustes().zonaHoraria;
  const a = inicioDeFecha(desde, tz);
  const b = inicioDeFecha(sumarDias(hasta, 1), tz);
  const { hoy } = hoyDe(ctx);
  const filas = st(
    ctx,
    `select t.dependencia_id, d.nombre, d.siglas,
       sum(1 - t.requiere_atencion) as informativos,
       sum(t.requiere_atencion) as turnos,
       sum(t.requiere_atencion and t.estatus = 'atendido') as atendidos,
       sum(t.requiere_atencion and t.estatus = 'en_proceso') as en_proceso,
       sum(t.requiere_atencion and t.estatus = 'pendiente') as no_atendidos,
       sum(t.requiere_atencion and t.estatus <> 'atendido' and t.fecha_limite < @hoy) as vencidos,
       sum(t.requiere_atencion and t.prorrogas > 0) as prorrogados
     from turnos t indexed by turnos_reporte
     join dependencias d on d.id = t.dependencia_id
     where t.turnado >= @a and t.turnado < @b
       and t.asunto_id not in (select id from asuntos where estatus = 'anulado')
     group by t.dependencia_id
     order by d.nombre`,
  ).all({ a, b, hoy }) as Agregado[];
  const bandas = ctx.ajustes().bandas;
  const cero = { turnos: 0, atendidos: 0, enProceso: 0, noAtendidos: 0, vencidos: 0, prorrogados: 0, informativos: 0 };
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
      porcentajeAtendido: p,
      semaforo: semaforoPorcentaje(p, bandas),
    };
  });
  const pTot = porcentaje(tot.atendidos, tot.turnos);

  // 48 h: asuntos received in the period (not anulado nor archivado) that are measurable: already
  // turned, or older than 48 h without turno (those count as late).
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
    desde,
    hasta,
    filas: resultado,
    totales: { ...tot, porcentajeAtendido: pTot, semaforo: semaforoPorcentaje(pTot, bandas) },
    asuntos: m.asuntos,
    turnadosEn48h: m.en48 ?? 0,
    medibles48h: m.medibles ?? 0,
    porcentajeEn48h: porcentaje(m.en48 ?? 0, m.medibles ?? 0),
    promedioHorasParaTurnar: m.promedio === null ? null : Math.round((m.promedio / MS_HORA) * 10) / 10,
  };
}
