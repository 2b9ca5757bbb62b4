/**
 * Informe semanal (DOMAIN §6), its figures: a week beside the previous week's, stored as a snapshot when
 * generated so the informe of a past week is reproduced exactly later.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Informe } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { actorDe } from '../../contexto';
import { AppError } from '../../errors';
import { fechaCorta, fechaEnZona } from '../../tiempo';
import { listarAcuerdos } from '../gabinete/service';
import type { Acuerdo } from '../../../contract/gabinete';
import { semanaAcuerdos } from './acuerdos';
import { comparar } from './comparacion';
import { semanaCompromisos } from './compromisos';
import { enlacesCorrespondencia, semanaCorrespondencia } from './correspondencia';
import { limites, nombresAl } from './corte';
import { semanaPoa } from './poa';
import { tendencia48h } from './tendencia';
import { semanaAnterior, semanaDe, ultimaCompleta, type Semana } from './semanas';

export const FORMATO_INSTANTANEA = 1;

/** The week asked for (any of its dates), the last complete week by default; a week that has not begun is refused. */
export function semanaPedida(ctx: Contexto, fecha: string | undefined): Semana {
  const hoy = fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
  if (!fecha) return ultimaCompleta(hoy);
  const s = semanaDe(fecha);
  if (s.desde > hoy) {
    throw new AppError(
      'VALIDACION',
      `La semana del ${fechaCorta(s.desde)} al ${fechaCorta(s.hasta)} aún no comienza: elija una semana que ya haya comenzado (hoy es ${fechaCorta(hoy)}).`,
      [{ campo: 'semana', mensaje: 'Semana futura.' }],
    );
  }
  return s;
}

interface FilaInstantanea {
  id: string;
  datos: string;
  formato: number;
  creado: number;
  generado_por: string | null;
  version: number;
}

export function leerInstantanea(ctx: Contexto, desde: string): (Informe & { _id: string; _version: number }) | null {
  const f = ctx.sqlite
    .prepare('select i.id, i.datos, i.formato, i.creado, i.version, u.nombre as generado_por from tablero_instantaneas i left join usuarios u on u.id = i.generado_por where i.semana = ?')
    .get(desde) as FilaInstantanea | undefined;
  if (!f) return null;
  const datos = JSON.parse(f.datos) as Informe;
  return { ...datos, instantanea: { generado: datos.generado, generadoPor: f.generado_por }, _id: f.id, _version: f.version };
}

function porDependencia(ctx: Contexto, s: Semana): { filas: Informe['correspondencia']['porDependencia']; turnosAtendidos: number; pendientes: number; vencidos: number } {
  const { a, t, corte } = limites(ctx, s);
  // One pass over the table: through the (dependencia_id, …) index, which spares SQLite the grouping,
  // every turno costs a random read (6× the CPU at 250k turnos).
  const filas = ctx.sqlite
    .prepare(
      `select t.dependencia_id as id,
         count(case when t.turnado >= @a then 1 end) as turnados,
         count(case when t.atendido >= @a and t.atendido < @t then 1 end) as atendidos,
         count(case when t.atendido is null or t.atendido >= @t then 1 end) as pendientes,
         count(case when (t.atendido is null or t.atendido >= @t) and t.fecha_limite < @corte then 1 end) as vencidos
       from turnos t not indexed
       where t.requiere_atencion = 1 and t.turnado < @t and (t.atendido is null or t.atendido >= @a)
         and t.asunto_id not in (select id from asuntos where estatus in ('anulado','archivado'))
       group by t.dependencia_id`,
    )
    .all({ a, t, corte }) as { id: string; turnados: number; atendidos: number; pendientes: number; vencidos: number }[];
  const nombres = nombresAl(ctx, t);
  let turnosAtendidos = 0;
  let pendientes = 0;
  let vencidos = 0;
  const resultado = filas.map((f) => {
    turnosAtendidos += f.atendidos;
    pendientes += f.pendientes;
    vencidos += f.vencidos;
    const d = nombres.get(f.id) ?? { nombre: '—', siglas: '' };
    return { dependenciaId: f.id, dependencia: d.nombre, siglas: d.siglas, turnadosSemana: f.turnados, atendidosSemana: f.atendidos, pendientes: f.pendientes, vencidos: f.vencidos };
  });
  resultado.sort((p, q) => q.vencidos - p.vencidos || q.pendientes - p.pendientes || p.dependencia.localeCompare(q.dependencia, 'es'));
  return { filas: resultado, turnosAtendidos, pendientes, vencidos };
}

/** The figures of one week computed from the data now (no indicadores/tendencia yet). */
function calcularSemana(
  ctx: Contexto,
  s: Semana,
  avisar: (f: number, texto: string) => void,
  acuerdos: Acuerdo[] = listarAcuerdos(ctx, {}),
): Omit<Informe, 'indicadores' | 'tendencia48h' | 'instantanea' | 'anterior'> {
  const l = limites(ctx, s);
  avisar(0.1, 'Correspondencia: asuntos y meta de 48 horas');
  const c = semanaCorrespondencia(ctx, s);
  avisar(0.25, 'Correspondencia: turnos por dependencia');
  const d = porDependencia(ctx, s);
  avisar(0.4, 'Gabinete: reuniones y acuerdos');
  const nombres = nombresAl(ctx, l.t);
  const g = semanaAcuerdos(ctx, s, acuerdos, nombres);
  avisar(0.5, 'Compromisos de campaña');
  const k = semanaCompromisos(ctx, s, nombres);
  avisar(0.6, 'POA: metas del trimestre');
  const p = semanaPoa(ctx, s);
  return {
    semana: s,
    corte: l.corte,
    enCurso: l.enCurso,
    generado: ctx.ahora(),
    correspondencia: { ...c, turnosAtendidos: d.turnosAtendidos, pendientes: d.pendientes, vencidos: d.vencidos, porDependencia: d.filas },
    gabinete: g,
    compromisos: k,
    poa: p,
  };
}

export type Cifras = ReturnType<typeof calcularSemana>;

function indicadores(s: Semana, x: Cifras, y: Cifras, ant: Semana): Informe['indicadores'] {
  const c = x.correspondencia;
  const cp = y.correspondencia;
  return [
    comparar('recibidos', 'Correspondencia recibida', 'cantidad', c.recibidos, cp.recibidos, enlacesCorrespondencia.recibidos(s), enlacesCorrespondencia.recibidos(ant)),
    comparar('turnados', 'Asuntos turnados', 'cantidad', c.turnados, cp.turnados, enlacesCorrespondencia.turnados(s), enlacesCorrespondencia.turnados(ant)),
    comparar('en48h', '% turnado en 48 horas', 'porcentaje', c.porcentajeEn48h, cp.porcentajeEn48h, enlacesCorrespondencia.en48h(s), enlacesCorrespondencia.en48h(ant)),
    comparar('horas', 'Promedio de horas para turnar', 'horas', c.promedioHorasParaTurnar, cp.promedioHorasParaTurnar),
    comparar('atendidos', 'Turnos atendidos', 'cantidad', c.turnosAtendidos, cp.turnosAtendidos),
    comparar('vencidosTurnos', 'Turnos vencidos al corte', 'cantidad', c.vencidos, cp.vencidos),
    comparar('reuniones', 'Reuniones de gabinete', 'cantidad', x.gabinete.reuniones.length, y.gabinete.reuniones.length),
    comparar('acuerdosNuevos', 'Acuerdos nuevos', 'cantidad', x.gabinete.nuevos, y.gabinete.nuevos, `/gabinete/acuerdos?desde=${s.desde}&hasta=${s.hasta}`, `/gabinete/acuerdos?desde=${ant.desde}&hasta=${ant.hasta}`),
    comparar('acuerdosConcluidos', 'Acuerdos concluidos', 'cantidad', x.gabinete.concluidos, y.gabinete.concluidos),
    comparar('acuerdosVencidos', 'Acuerdos vencidos al corte', 'cantidad', x.gabinete.vencidos, y.gabinete.vencidos),
    comparar('compromisosCumplidos', 'Compromisos cumplidos', 'cantidad', x.compromisos.cumplidosSemana, y.compromisos.cumplidosSemana),
    comparar('compromisosAvance', 'Avance promedio de compromisos', 'porcentaje', x.compromisos.avancePromedio, y.compromisos.avancePromedio),
  ];
}

/**
 * The informe of a week: reproduced from its snapshot when it was generated before (unless `recalcular`),
 * computed from the data otherwise. `guardar` stores the snapshot (complete weeks only).
 */
export function informe(ctx: Contexto, s: Semana, o: { recalcular: boolean; guardar: boolean; tarea?: string }): Informe {
  const avisar = (fraccion: number, texto: string) => o.tarea && ctx.progreso({ tarea: o.tarea, fraccion, texto });
  const previa = leerInstantanea(ctx, s.desde);
  if (previa && !o.recalcular) {
    avisar(0.6, 'Informe ya generado: se reproducen las cifras guardadas');
    const { _id, _version, ...datos } = previa;
    return datos;
  }
  const acuerdos = listarAcuerdos(ctx, {});
  const x = calcularSemana(ctx, s, avisar, acuerdos);
  const ant = semanaAnterior(s);
  avisar(0.65, 'Semana anterior');
  const guardadaAnt = leerInstantanea(ctx, ant.desde);
  const y: Cifras = guardadaAnt ?? calcularSemana(ctx, ant, () => undefined, acuerdos);
  avisar(0.75, 'Tendencia de 12 semanas');
  const resultado: Informe = { ...x, anterior: ant, indicadores: indicadores(s, x, y, ant), tendencia48h: tendencia48h(ctx, s, x), instantanea: null };
  if (o.guardar && !x.enCurso) guardarInstantanea(ctx, s, resultado, o.recalcular);
  return resultado;
}

/**
 * Stores the snapshot of a complete week (the first one stays unless `recalcular`). Apart from `informe`
 * because a background job computes the informe on its read-only connection and the request thread saves it.
 */
export function guardarInstantanea(ctx: Contexto, s: Semana, resultado: Informe, recalcular: boolean): void {
  const ahora = ctx.ahora();
  const p48 = resultado.correspondencia.porcentajeEn48h;
  const porcentaje = p48 === null ? null : Math.round(p48 * 10);
  const json = JSON.stringify({ ...resultado, instantanea: null });
  const actor = actorDe(ctx);
  ctx.transaccion(() => {
    const antes = ctx.sqlite.prepare('select id, version, datos from tablero_instantaneas where semana = ?').get(s.desde) as { id: string; version: number; datos: string } | undefined;
    if (antes && !recalcular) return; // generated meanwhile by someone else: the first one stays
    if (antes) {
      ctx.sqlite
        .prepare('update tablero_instantaneas set datos = ?, formato = ?, porcentaje_en_48h_x10 = ?, generado_por = ?, version = version + 1, actualizado = ? where id = ?')
        .run(json, FORMATO_INSTANTANEA, porcentaje, actor.id, ahora, antes.id);
      ctx.bitacora({ entidad: 'tablero_instantaneas', entidadId: antes.id, antes: { semana: s.desde, version: antes.version }, despues: { semana: s.desde, recalculado: true } });
    } else {
      const id = uuidv7();
      ctx.sqlite
        .prepare('insert into tablero_instantaneas (id, semana, formato, datos, porcentaje_en_48h_x10, generado_por, version, creado, actualizado) values (?, ?, ?, ?, ?, ?, 0, ?, ?)')
        .run(id, s.desde, FORMATO_INSTANTANEA, json, porcentaje, actor.id, ahora, ahora);
      ctx.bitacora({ entidad: 'tablero_instantaneas', entidadId: id, despues: { semana: s.desde } });
    }
  });
}
