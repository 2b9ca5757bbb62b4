/**
 * Correspondencia's figures: the card (status and plazo semáforos over the asuntos now), a week's asuntos
 * with the Reporte de Estatus' own 48-hour measure, and overdue turnos by dependencia. Counts go through the
 * bandeja's own counter so each figure matches the list it links to.
 */
import type { FiltrosAsuntos } from '../../../contract/correspondencia';
import type { Segmento, Tarjeta } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { semaforoPlazo } from '../../semaforo';
import { medida48hEntre } from '../correspondencia/estatus';
import { contar as contarAsuntos, hoyDe } from '../correspondencia/datos';
import { HORAS_META_TURNO, MS_HORA } from '../correspondencia/reglas';
import { comparar } from './comparacion';
import { enlace, type Semana } from './semanas';

const ABIERTOS: FiltrosAsuntos['estatus'] = ['por_turnar', 'pendiente', 'en_proceso', 'atendido'];
const TURNADOS: FiltrosAsuntos['estatus'] = ['pendiente', 'en_proceso', 'atendido'];
const lista = (xs: readonly string[] | undefined) => (xs ?? []).join(',');

function contar(ctx: Contexto, f: Partial<FiltrosAsuntos>): number {
  return contarAsuntos(ctx, { orden: 'folio_desc', ...f } as FiltrosAsuntos);
}

export interface SemanaCorrespondencia {
  recibidos: number;
  turnados: number;
  turnadosEn48h: number;
  medibles48h: number;
  porcentajeEn48h: number | null;
  promedioHorasParaTurnar: number | null;
}

/** Asuntos of a week with the Reporte de Estatus' own 48-hour measure (anulados and archivados left out). */
export function semanaCorrespondencia(ctx: Contexto, s: Semana): SemanaCorrespondencia {
  const r = medida48hEntre(ctx, s.desde, s.hasta);
  return {
    recibidos: r.asuntos,
    turnados: contar(ctx, { desde: s.desde, hasta: s.hasta, estatus: TURNADOS }),
    turnadosEn48h: r.turnadosEn48h,
    medibles48h: r.medibles48h,
    porcentajeEn48h: r.porcentajeEn48h,
    promedioHorasParaTurnar: r.promedioHorasParaTurnar,
  };
}

export const enlacesCorrespondencia = {
  recibidos: (s: Semana) => enlace('/correspondencia', { desde: s.desde, hasta: s.hasta, 'f.estatus': lista(ABIERTOS) }),
  turnados: (s: Semana) => enlace('/correspondencia', { desde: s.desde, hasta: s.hasta, 'f.estatus': lista(TURNADOS) }),
  en48h: (s: Semana) => enlace('/correspondencia', { desde: s.desde, hasta: s.hasta, en48h: 'si', 'f.estatus': lista(TURNADOS) }),
};

export function tarjetaCorrespondencia(ctx: Contexto, semana: Semana, anterior: Semana, calculadas: Map<string, SemanaCorrespondencia>): Tarjeta {
  const por = (estatus: NonNullable<FiltrosAsuntos['estatus']>) => contar(ctx, { estatus });
  const atendido = por(['atendido']);
  const enProceso = por(['en_proceso']);
  const sinAtender = por(['pendiente', 'por_turnar']);
  const vencidos = contar(ctx, { vencidos: true });
  const estatus: Segmento[] = [
    { clave: 'atendido', etiqueta: 'Atendidos', color: 'verde', valor: atendido, enlace: enlace('/correspondencia', { 'f.estatus': 'atendido' }) },
    { clave: 'en_proceso', etiqueta: 'En proceso', color: 'amarillo', valor: enProceso, enlace: enlace('/correspondencia', { 'f.estatus': 'en_proceso' }) },
    { clave: 'pendiente', etiqueta: 'Pendientes y por turnar', color: 'rojo', valor: sinAtender, enlace: enlace('/correspondencia', { 'f.estatus': 'pendiente,por_turnar' }) },
  ];
  // En riesgo / a tiempo: the plazo semáforo rule applied to each distinct earliest open fecha límite
  // (a handful of dates, read from the plazo_proximo index), plus por turnar inside the 48 hours.
  const { hoy, calendario, diasEnRiesgo } = hoyDe(ctx);
  const fechas = ctx.sqlite
    .prepare("select plazo_proximo as d, count(*) as n from asuntos where plazo_proximo >= ? and estatus in ('pendiente','en_proceso') group by plazo_proximo")
    .all(hoy) as { d: string; n: number }[];
  let riesgo = 0;
  let aTiempo = 0;
  for (const f of fechas) {
    const s = semaforoPlazo({ concluido: false, inicio: hoy, fechaLimite: f.d, hoy, calendario, diasEnRiesgo });
    if (s.clave === 'en_riesgo') riesgo += f.n;
    else aTiempo += f.n;
  }
  const ahora = ctx.ahora();
  const porTurnar = ctx.sqlite
    .prepare("select sum(recibido < @mitad) as riesgo, count(*) as n from asuntos where estatus = 'por_turnar' and recibido >= @limite")
    .get({ limite: ahora - HORAS_META_TURNO * MS_HORA, mitad: ahora - (HORAS_META_TURNO / 2) * MS_HORA }) as { riesgo: number | null; n: number };
  riesgo += porTurnar.riesgo ?? 0;
  aTiempo += porTurnar.n - (porTurnar.riesgo ?? 0);
  const plazo: Segmento[] = [
    { clave: 'vencido', etiqueta: 'Vencidos', color: 'rojo', valor: vencidos, enlace: enlace('/correspondencia', { vencidos: 1 }) },
    { clave: 'en_riesgo', etiqueta: 'En riesgo', color: 'amarillo', valor: riesgo, enlace: enlace('/correspondencia', { plazo: 'en_riesgo' }) },
    { clave: 'a_tiempo', etiqueta: 'A tiempo', color: 'verde', valor: aTiempo, enlace: enlace('/correspondencia', { plazo: 'a_tiempo' }) },
  ];
  const esta = semanaCorrespondencia(ctx, semana);
  const previa = semanaCorrespondencia(ctx, anterior);
  calculadas.set(semana.desde, esta).set(anterior.desde, previa);
  return {
    modulo: 'correspondencia',
    titulo: 'Correspondencia',
    unidad: 'asuntos',
    total: atendido + enProceso + sinAtender,
    enlace: '/correspondencia',
    estatus,
    plazo,
    nota: 'Asuntos vigentes (sin anulados ni archivados). Vencido: algún turno con plazo vencido, o sin turnar después de 48 horas.',
    semana: [
      comparar('recibidos', 'Recibidos', 'cantidad', esta.recibidos, previa.recibidos, enlacesCorrespondencia.recibidos(semana), enlacesCorrespondencia.recibidos(anterior)),
      comparar('turnados', 'Turnados', 'cantidad', esta.turnados, previa.turnados, enlacesCorrespondencia.turnados(semana), enlacesCorrespondencia.turnados(anterior)),
      comparar('en48h', 'Turnados en 48 h', 'porcentaje', esta.porcentajeEn48h, previa.porcentajeEn48h, enlacesCorrespondencia.en48h(semana), enlacesCorrespondencia.en48h(anterior)),
    ],
  };
}

/** Overdue turnos by dependencia now (distinct asuntos, so the figure matches the bandeja it links to). */
export function turnosVencidosPorDependencia(ctx: Contexto): Map<string, number> {
  const { hoy } = hoyDe(ctx);
  const filas = ctx.sqlite
    .prepare(
      // One turno per (asunto, dependencia): counting turnos counts distinct asuntos. The covering index
      // reads only the open, overdue range (~25 ms at 250k turnos); SQLite's own pick, the per-dependencia
      // index of the Reporte de Estatus, walks every dependencia's turnos (~145 ms).
      `select t.dependencia_id as id, count(*) as n from turnos t indexed by tablero_turnos_vencidos
       where t.estatus in ('pendiente','en_proceso') and t.fecha_limite < ? and t.requiere_atencion = 1
         and t.asunto_id not in (select id from asuntos where estatus in ('anulado','archivado'))
       group by t.dependencia_id`,
    )
    .all(hoy) as { id: string; n: number }[];
  return new Map(filas.map((f) => [f.id, f.n]));
}
