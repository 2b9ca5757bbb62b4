/**
 * The figures of the tablero and the informe semanal. Domain rules are the modules' own: the Reporte de
 * Estatus (48 h target), the bandeja's counters (same WHERE as the list a figure links to), the acuerdos'
 * and compromisos' semáforo functions and the POA aggregation. Only what they don't expose is read here
 * with read-only, indexed SQL over their tables.
 */
import type { FiltrosAsuntos } from '../../../contract/correspondencia';
import type { Comparacion, PuntoTendencia, Segmento, Tarjeta, VencidosDependencia, Informe } from '../../../contract/tablero';
import type { ColorSemaforo } from '../../../contract/comun';
import { ETIQUETA_ESTATUS_COMPROMISO, type EstatusCompromiso } from '../../../contract/compromisos';
import { ETIQUETA_ESTATUS_REUNION, type Acuerdo } from '../../../contract/gabinete';
import type { Contexto } from '../../contexto';
import { semaforoPlazo } from '../../semaforo';
import { fechaEnZona, inicioDeFecha, sumarDias } from '../../tiempo';
import { reporteEstatus } from '../correspondencia/estatus';
import { contar as contarAsuntos, hoyDe } from '../correspondencia/datos';
import { HORAS_META_TURNO, MS_HORA } from '../correspondencia/reglas';
import { listarAcuerdos, listarReuniones, entorno } from '../gabinete/consultas';
import { semaforosAcuerdo, type EstatusAcuerdo } from '../gabinete/reglas';
import { contar as contarCompromisos } from '../compromisos/reglas';
import { consultar as consultarCompromisos } from '../compromisos/service';
import { tablero as tableroPoa, corteHoy } from '../poa/service';
import { cumplimiento as cumplimientoPoa } from '../poa/calculo';
import { cambio, enlace, etiquetaSemana, type Semana } from './semanas';

export type Rol = 'capturista' | 'coordinador' | 'jefe' | 'administrador';
export const LEE = {
  correspondencia: (r: Rol) => r === 'capturista' || r === 'jefe' || r === 'administrador',
  gabinete: (r: Rol) => r !== 'capturista',
};

const ABIERTOS: FiltrosAsuntos['estatus'] = ['por_turnar', 'pendiente', 'en_proceso', 'atendido'];
const TURNADOS: FiltrosAsuntos['estatus'] = ['pendiente', 'en_proceso', 'atendido'];
const lista = (xs: readonly string[] | undefined) => (xs ?? []).join(',');

function contar(ctx: Contexto, f: Partial<FiltrosAsuntos>): number {
  return contarAsuntos(ctx, { orden: 'folio_desc', ...f } as FiltrosAsuntos);
}

/** Epoch ms where a week's window ends (exclusive): Monday after, or now for the week in progress. */
export function limites(ctx: Contexto, s: Semana): { a: number; b: number; t: number; corte: string; enCurso: boolean } {
  const tz = ctx.ajustes().zonaHoraria;
  const a = inicioDeFecha(s.desde, tz);
  const b = inicioDeFecha(sumarDias(s.hasta, 1), tz);
  const ahora = ctx.ahora();
  const enCurso = ahora < b;
  const t = Math.min(b, ahora);
  return { a, b, t, corte: enCurso ? fechaEnZona(ahora, tz) : s.hasta, enCurso };
}

/** Dependencia names as they were at instant `t`: the "before" of each one's first catalog change after `t`. */
export function nombresAl(ctx: Contexto, t: number): Map<string, { nombre: string; siglas: string }> {
  const actuales = ctx.sqlite.prepare('select id, nombre, siglas from dependencias').all() as { id: string; nombre: string; siglas: string | null }[];
  const mapa = new Map(actuales.map((d) => [d.id, { nombre: d.nombre, siglas: d.siglas ?? '' }]));
  const cambios = ctx.sqlite
    .prepare("select entidad_id as id, antes from bitacora where entidad = 'dependencias' and momento >= ? and antes is not null order by id")
    .all(t) as { id: string; antes: string }[];
  const vistos = new Set<string>();
  for (const c of cambios) {
    if (vistos.has(c.id)) continue;
    vistos.add(c.id);
    try {
      const a = JSON.parse(c.antes) as { nombre?: string; siglas?: string | null };
      if (a.nombre) mapa.set(c.id, { nombre: a.nombre, siglas: a.siglas ?? '' });
    } catch {
      /* an unreadable entry keeps the current name */
    }
  }
  return mapa;
}


type Nombres = Map<string, { nombre: string; siglas: string }>;

// ───────────── Correspondencia ─────────────

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
  const r = reporteEstatus(ctx, s.desde, s.hasta);
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

function tarjetaCorrespondencia(ctx: Contexto, semana: Semana, anterior: Semana, calculadas: Map<string, SemanaCorrespondencia>): Tarjeta {
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
    { clave: 'en_riesgo', etiqueta: 'En riesgo', color: 'amarillo', valor: riesgo, enlace: null },
    { clave: 'a_tiempo', etiqueta: 'A tiempo', color: 'verde', valor: aTiempo, enlace: null },
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

export function comparar(
  clave: string,
  etiqueta: string,
  unidad: Comparacion['unidad'],
  actual: number | null,
  anterior: number | null,
  enlaceActual: string | null = null,
  enlaceAnterior: string | null = null,
): Comparacion {
  return { clave, etiqueta, unidad, actual, anterior, cambio: cambio(actual, anterior), enlace: enlaceActual, enlaceAnterior };
}

/** Overdue turnos by dependencia now (distinct asuntos, so the figure matches the bandeja it links to). */
function turnosVencidosPorDependencia(ctx: Contexto): Map<string, number> {
  const { hoy } = hoyDe(ctx);
  const filas = ctx.sqlite
    .prepare(
      // One turno per (asunto, dependencia): counting turnos counts distinct asuntos.
      `select t.dependencia_id as id, count(*) as n from turnos t
       where t.estatus in ('pendiente','en_proceso') and t.fecha_limite < ? and t.requiere_atencion = 1
         and t.asunto_id not in (select id from asuntos where estatus in ('anulado','archivado'))
       group by t.dependencia_id`,
    )
    .all(hoy) as { id: string; n: number }[];
  return new Map(filas.map((f) => [f.id, f.n]));
}

// ───────────── Gabinete: acuerdos at an instant, from their seguimientos ─────────────

interface EstadoAcuerdo {
  estatus: EstatusAcuerdo;
  avance: number;
}

/** Each acuerdo's estatus and avance at instant `t`: the "before" of its first seguimiento after `t`, else its current values. */
function estadosAcuerdosAl(ctx: Contexto, t: number): Map<string, EstadoAcuerdo> {
  const filas = ctx.sqlite
    .prepare(
      `select s.acuerdo_id as id, s.estatus_antes as estatus, s.avance_antes as avance from gab_seguimientos s
       where s.creado >= ? and not exists (select 1 from gab_seguimientos s2 where s2.acuerdo_id = s.acuerdo_id and s2.creado >= ? and (s2.creado < s.creado or (s2.creado = s.creado and s2.id < s.id)))`,
    )
    .all(t, t) as { id: string; estatus: EstatusAcuerdo; avance: number }[];
  return new Map(filas.map((f) => [f.id, { estatus: f.estatus, avance: f.avance }]));
}

export interface SemanaAcuerdos {
  reuniones: Informe['gabinete']['reuniones'];
  nuevos: number;
  concluidos: number;
  vencidos: number;
  porIniciar: number;
  enProceso: number;
  concluidosTotal: number;
  acuerdosVencidos: Informe['gabinete']['acuerdosVencidos'];
}

export function semanaAcuerdos(ctx: Contexto, s: Semana, todos: Acuerdo[] = listarAcuerdos(ctx, {}), nombres?: Nombres): SemanaAcuerdos {
  const { a, t, corte } = limites(ctx, s);
  const antes = estadosAcuerdosAl(ctx, t);
  const e = { ...entorno(ctx), calendario: ctx.calendario(), hoy: corte };
  let porIniciar = 0;
  let enProceso = 0;
  let concluidosTotal = 0;
  const vencidos: Informe['gabinete']['acuerdosVencidos'] = [];
  for (const x of todos) {
    // An acuerdo exists from its meeting's date on (even if captured later).
    if (x.reunionFecha > corte) continue;
    const est = antes.get(x.id) ?? { estatus: x.estatus, avance: x.avance };
    if (est.estatus === 'por_iniciar') porIniciar++;
    else if (est.estatus === 'en_proceso') enProceso++;
    else if (est.estatus === 'concluido') concluidosTotal++;
    const sem = semaforosAcuerdo({ estatus: est.estatus, avance: est.avance, inicio: x.reunionFecha, fechaCompromiso: x.fechaCompromiso }, e);
    if (sem.plazo.clave === 'vencido') {
      vencidos.push({ codigo: x.codigo, descripcion: x.descripcion, dependencia: (nombres?.get(x.dependenciaId)?.siglas || nombres?.get(x.dependenciaId)?.nombre) ?? (x.siglas || x.dependencia), fechaCompromiso: x.fechaCompromiso, motivo: sem.plazo.motivo ?? 'Vencido' });
    }
  }
  vencidos.sort((p, q) => (p.fechaCompromiso ?? '').localeCompare(q.fechaCompromiso ?? '') || p.codigo.localeCompare(q.codigo));
  const concluidos = (
    ctx.sqlite
      .prepare("select count(distinct acuerdo_id) as n from gab_seguimientos where creado >= ? and creado < ? and estatus_despues = 'concluido' and estatus_antes <> 'concluido'")
      .get(a, t) as { n: number }
  ).n;
  const reuniones = listarReuniones(ctx)
    .filter((r) => r.fecha >= s.desde && r.fecha <= s.hasta)
    .sort((p, q) => (p.fecha + p.hora).localeCompare(q.fecha + q.hora))
    .map((r) => ({ nombre: r.nombre, fecha: r.fecha, hora: r.hora, estatus: ETIQUETA_ESTATUS_REUNION[r.estatus], acuerdos: r.acuerdos }));
  // Every acuerdo of the week's meetings (the acuerdos list filtered by meeting date shows the same).
  const nuevos = todos.filter((x) => x.reunionFecha >= s.desde && x.reunionFecha <= s.hasta).length;
  return { reuniones, nuevos, concluidos, vencidos: vencidos.length, porIniciar, enProceso, concluidosTotal, acuerdosVencidos: vencidos };
}

const enlacesAcuerdos = {
  nuevos: (s: Semana) => enlace('/gabinete/acuerdos', { desde: s.desde, hasta: s.hasta }),
  concluidos: () => enlace('/gabinete/acuerdos', { estatus: 'concluido' }),
  vencidos: () => enlace('/gabinete/acuerdos', { vencidos: 1 }),
};

function tarjetaAcuerdos(ctx: Contexto, semana: Semana, anterior: Semana): { tarjeta: Tarjeta; vencidos: Map<string, number> } {
  const items = listarAcuerdos(ctx, {});
  const c: Record<ColorSemaforo, number> = { verde: 0, amarillo: 0, rojo: 0, gris: 0 };
  const p: Record<string, number> = { vencido: 0, en_riesgo: 0, a_tiempo: 0, sin_plazo: 0 };
  const vencidos = new Map<string, number>();
  for (const x of items) {
    c[x.semaforoEstatus.color]++;
    if (x.semaforoPlazo.clave in p) p[x.semaforoPlazo.clave]++;
    if (x.semaforoPlazo.clave === 'vencido') {
      // The acuerdos list filters a dependencia as responsable or corresponsable: count it the same way.
      for (const d of new Set([x.dependenciaId, ...x.corresponsables.map((y) => y.id)])) vencidos.set(d, (vencidos.get(d) ?? 0) + 1);
    }
  }
  const esta = semanaAcuerdos(ctx, semana, items);
  const previa = semanaAcuerdos(ctx, anterior, items);
  const ir = (semaforo: string) => enlace('/gabinete/acuerdos', { semaforo });
  return {
    vencidos,
    tarjeta: {
      modulo: 'acuerdos',
      titulo: 'Acuerdos de gabinete',
      unidad: 'acuerdos',
      total: c.verde + c.amarillo + c.rojo,
      enlace: '/gabinete/acuerdos',
      estatus: [
        { clave: 'concluido', etiqueta: 'Concluidos', color: 'verde', valor: c.verde, enlace: ir('verde') },
        { clave: 'en_proceso', etiqueta: 'En proceso', color: 'amarillo', valor: c.amarillo, enlace: ir('amarillo') },
        { clave: 'por_iniciar', etiqueta: 'Por iniciar', color: 'rojo', valor: c.rojo, enlace: ir('rojo') },
      ],
      plazo: [
        { clave: 'vencido', etiqueta: 'Vencidos', color: 'rojo', valor: p.vencido, enlace: enlacesAcuerdos.vencidos() },
        { clave: 'en_riesgo', etiqueta: 'En riesgo', color: 'amarillo', valor: p.en_riesgo, enlace: ir('en_riesgo') },
        { clave: 'a_tiempo', etiqueta: 'A tiempo', color: 'verde', valor: p.a_tiempo, enlace: ir('a_tiempo') },
        { clave: 'sin_plazo', etiqueta: 'Sin fecha compromiso', color: 'gris', valor: p.sin_plazo, enlace: ir('sin_plazo') },
      ],
      nota: c.gris ? `${c.gris.toLocaleString('es-MX')} cancelado(s) fuera de los conteos.` : null,
      semana: [
        comparar('nuevos', 'Nuevos', 'cantidad', esta.nuevos, previa.nuevos, enlacesAcuerdos.nuevos(semana), enlacesAcuerdos.nuevos(anterior)),
        comparar('concluidos', 'Concluidos', 'cantidad', esta.concluidos, previa.concluidos, enlacesAcuerdos.concluidos(), enlacesAcuerdos.concluidos()),
        comparar('vencidos', 'Vencidos', 'cantidad', esta.vencidos, previa.vencidos, enlacesAcuerdos.vencidos(), null),
      ],
    },
  };
}

// ───────────── Compromisos ─────────────

interface EstadoCompromiso {
  estatus: EstatusCompromiso;
  avance: number;
}

export interface SemanaCompromisos {
  total: number;
  cumplido: number;
  enProceso: number;
  sinAvance: number;
  noProcedente: number;
  avancePromedio: number;
  cumplidosSemana: number;
  cambios: Informe['compromisos']['cambios'];
}

export function semanaCompromisos(ctx: Contexto, s: Semana, nombres?: Nombres): SemanaCompromisos {
  const { a, t, corte } = limites(ctx, s);
  const items = ctx.sqlite.prepare('select id, estatus, avance, fecha_compromiso as fecha from compromisos').all() as { id: string; estatus: EstatusCompromiso; avance: number; fecha: string }[];
  // A compromiso exists from the date it was made (even if captured later).
  const existentes = new Set(items.filter((x) => x.fecha <= corte).map((x) => x.id));
  const antes = new Map(
    (
      ctx.sqlite
        .prepare(
          `select s.compromiso_id as id, s.estatus_anterior as estatus, s.avance_anterior as avance from compromiso_seguimientos s
           where s.creado >= ? and not exists (select 1 from compromiso_seguimientos s2 where s2.compromiso_id = s.compromiso_id and s2.creado >= ? and (s2.creado < s.creado or (s2.creado = s.creado and s2.id < s.id)))`,
        )
        .all(t, t) as { id: string; estatus: EstatusCompromiso; avance: number }[]
    ).map((x) => [x.id, { estatus: x.estatus, avance: x.avance } as EstadoCompromiso]),
  );
  const al = items.filter((x) => existentes.has(x.id)).map((x) => antes.get(x.id) ?? { estatus: x.estatus, avance: x.avance });
  const c = contarCompromisos('general', 'Todos', al);
  const cambios = (
    ctx.sqlite
      .prepare(
        `select c.numero, c.descripcion, coalesce(nullif(d.siglas, ''), d.nombre) as dependencia, c.dependencia_id as dependenciaId, s.fecha, s.estatus_anterior as estatusAnterior, s.estatus,
                s.avance_anterior as avanceAnterior, s.avance
         from compromiso_seguimientos s join compromisos c on c.id = s.compromiso_id join dependencias d on d.id = c.dependencia_id
         where s.creado >= ? and s.creado < ? order by s.creado, s.id`,
      )
      .all(a, t) as (Omit<Informe['compromisos']['cambios'][number], 'estatus' | 'estatusAnterior'> & { estatus: EstatusCompromiso; estatusAnterior: EstatusCompromiso; dependenciaId: string })[]
  ).map(({ dependenciaId, ...x }) => ({
    ...x,
    dependencia: (nombres?.get(dependenciaId)?.siglas || nombres?.get(dependenciaId)?.nombre) ?? x.dependencia ?? '',
    estatus: ETIQUETA_ESTATUS_COMPROMISO[x.estatus], estatusAnterior: ETIQUETA_ESTATUS_COMPROMISO[x.estatusAnterior] }));
  const cumplidosSemana = (
    ctx.sqlite
      .prepare("select count(distinct compromiso_id) as n from compromiso_seguimientos where creado >= ? and creado < ? and estatus = 'cumplido' and estatus_anterior <> 'cumplido'")
      .get(a, t) as { n: number }
  ).n;
  return {
    total: c.total,
    cumplido: c.cumplido,
    enProceso: c.en_proceso,
    sinAvance: c.sin_avance,
    noProcedente: c.no_procedente,
    avancePromedio: c.avancePromedio,
    cumplidosSemana,
    cambios,
  };
}

function tarjetaCompromisos(ctx: Contexto, semana: Semana, anterior: Semana): { tarjeta: Tarjeta; vencidos: Map<string, number> } {
  const items = consultarCompromisos(ctx, { texto: '' });
  const c: Record<ColorSemaforo, number> = { verde: 0, amarillo: 0, rojo: 0, gris: 0 };
  const p: Record<string, number> = { vencido: 0, en_riesgo: 0, a_tiempo: 0, sin_plazo: 0 };
  const vencidos = new Map<string, number>();
  for (const x of items) {
    c[x.semaforo.color]++;
    if (x.plazo.clave in p) p[x.plazo.clave]++;
    if (x.plazo.clave === 'vencido') {
      for (const d of new Set([x.dependenciaId, ...x.corresponsables.map((y) => y.id)])) vencidos.set(d, (vencidos.get(d) ?? 0) + 1);
    }
  }
  const esta = semanaCompromisos(ctx, semana);
  const previa = semanaCompromisos(ctx, anterior);
  const ir = (semaforo: string) => enlace('/compromisos', { semaforo });
  const abiertos = enlace('/compromisos', { estatus: 'sin_avance,en_proceso' });
  return {
    vencidos,
    tarjeta: {
      modulo: 'compromisos',
      titulo: 'Compromisos de campaña',
      unidad: 'compromisos',
      total: c.verde + c.amarillo + c.rojo,
      enlace: '/compromisos',
      estatus: [
        { clave: 'cumplido', etiqueta: 'Cumplidos', color: 'verde', valor: c.verde, enlace: ir('verde') },
        { clave: 'en_proceso', etiqueta: 'En proceso', color: 'amarillo', valor: c.amarillo, enlace: ir('amarillo') },
        { clave: 'sin_avance', etiqueta: 'Sin avance', color: 'rojo', valor: c.rojo, enlace: ir('rojo') },
      ],
      plazo: [
        // The compromisos list has no plazo filter: these lead to the open compromisos.
        { clave: 'vencido', etiqueta: 'Vencidos', color: 'rojo', valor: p.vencido, enlace: abiertos },
        { clave: 'en_riesgo', etiqueta: 'En riesgo', color: 'amarillo', valor: p.en_riesgo, enlace: abiertos },
        { clave: 'a_tiempo', etiqueta: 'A tiempo', color: 'verde', valor: p.a_tiempo, enlace: abiertos },
        { clave: 'sin_plazo', etiqueta: 'Sin fecha estimada', color: 'gris', valor: p.sin_plazo, enlace: abiertos },
      ],
      nota: c.gris ? `${c.gris.toLocaleString('es-MX')} no procedente(s) fuera de los conteos.` : null,
      semana: [
        comparar('cumplidos', 'Cumplidos en la semana', 'cantidad', esta.cumplidosSemana, previa.cumplidosSemana, ir('verde'), ir('verde')),
        comparar('seguimientos', 'Seguimientos registrados', 'cantidad', esta.cambios.length, previa.cambios.length),
        comparar('avance', 'Avance promedio', 'porcentaje', esta.avancePromedio, previa.avancePromedio),
      ],
    },
  };
}

// ───────────── POA ─────────────

export function semanaPoa(ctx: Contexto, s: Semana): Informe['poa'] {
  const { corte } = limites(ctx, s);
  const anio = Number(corte.slice(0, 4));
  const trimestre = Math.ceil(Number(corte.slice(5, 7)) / 3);
  const t = tableroPoa(ctx, anio, trimestre);
  const c: Record<ColorSemaforo, number> = { verde: 0, amarillo: 0, rojo: 0, gris: 0 };
  for (const m of t.vigentes) c[m.calculada.semaforo.color]++;
  const criticas = t.vigentes
    .filter((m) => m.calculada.semaforo.color === 'rojo')
    .sort((p, q) => (p.calculada.cumplimiento ?? 0) - (q.calculada.cumplimiento ?? 0))
    .slice(0, 10)
    .map((m) => ({
      numero: m.fila.numero,
      descripcion: m.fila.descripcion,
      unidad: m.fila.unidad_clave,
      cumplimiento: m.calculada.cumplimiento,
      color: m.calculada.semaforo.color,
      semaforo: m.calculada.semaforo.etiqueta,
    }));
  return { anio, trimestre, metas: t.vigentes.length, ...c, cumplimiento: t.totales.cumplimiento ?? cumplimientoPoa(t.totales.alCorte), criticas };
}

function tarjetaPoa(ctx: Contexto): Tarjeta {
  const { hoy } = hoyDe(ctx);
  const anio = Number(hoy.slice(0, 4));
  const corte = corteHoy(ctx, anio);
  const t = tableroPoa(ctx, anio, corte);
  const c: Record<ColorSemaforo, number> = { verde: 0, amarillo: 0, rojo: 0, gris: 0 };
  for (const m of t.vigentes) c[m.calculada.semaforo.color]++;
  const ir = `/poa/${anio}`;
  const romano = ['', 'I', 'II', 'III', 'IV'][corte] ?? '';
  const cump = t.totales.cumplimiento;
  return {
    modulo: 'poa',
    titulo: `POA ${anio}`,
    unidad: 'metas',
    total: t.vigentes.length,
    enlace: ir,
    estatus: [
      { clave: 'verde', etiqueta: 'Aceptable (≥ 90 %)', color: 'verde', valor: c.verde, enlace: ir },
      { clave: 'amarillo', etiqueta: 'En riesgo', color: 'amarillo', valor: c.amarillo, enlace: ir },
      { clave: 'rojo', etiqueta: 'Crítico', color: 'rojo', valor: c.rojo, enlace: ir },
      { clave: 'gris', etiqueta: 'Sin meta en el periodo', color: 'gris', valor: c.gris, enlace: ir },
    ],
    plazo: [],
    nota: `Cumplimiento acumulado al trimestre ${romano}${t.cerrados.includes(corte) ? ' (cerrado)' : ''}: ${cump === null ? 'sin metas programadas' : `${cump.toLocaleString('es-MX')} %`} (metas acumulables).`,
    semana: [],
  };
}

// ───────────── Tablero ─────────────

export function tarjetasYVencidos(
  ctx: Contexto,
  rol: Rol,
  semana: Semana,
  anterior: Semana,
): { tarjetas: Tarjeta[]; vencidos: VencidosDependencia[]; calculadas: Map<string, SemanaCorrespondencia> } {
  const tarjetas: Tarjeta[] = [];
  const calculadas = new Map<string, SemanaCorrespondencia>();
  let turnos = new Map<string, number>();
  let acuerdos = new Map<string, number>();
  let compromisos = new Map<string, number>();
  if (LEE.correspondencia(rol)) {
    tarjetas.push(tarjetaCorrespondencia(ctx, semana, anterior, calculadas));
    turnos = turnosVencidosPorDependencia(ctx);
  }
  if (LEE.gabinete(rol)) {
    const a = tarjetaAcuerdos(ctx, semana, anterior);
    const c = tarjetaCompromisos(ctx, semana, anterior);
    tarjetas.push(a.tarjeta, c.tarjeta, tarjetaPoa(ctx));
    acuerdos = a.vencidos;
    compromisos = c.vencidos;
  }
  const ids = new Set([...turnos.keys(), ...acuerdos.keys(), ...compromisos.keys()]);
  const nombres = new Map(
    (ctx.sqlite.prepare('select id, nombre, siglas from dependencias').all() as { id: string; nombre: string; siglas: string | null }[]).map((d) => [d.id, d]),
  );
  const vencidos = [...ids]
    .map((id) => {
      const t = turnos.get(id) ?? 0;
      const a = acuerdos.get(id) ?? 0;
      const c = compromisos.get(id) ?? 0;
      const d = nombres.get(id);
      return {
        dependenciaId: id,
        nombre: d?.nombre ?? '—',
        siglas: d?.siglas ?? '',
        turnos: t,
        acuerdos: a,
        compromisos: c,
        total: t + a + c,
        enlaces: {
          turnos: t ? enlace('/correspondencia', { vencidos: 1, 'f.turnadoA': id }) : null,
          acuerdos: a ? enlace('/gabinete/acuerdos', { dependencia: id, vencidos: 1 }) : null,
          compromisos: c ? enlace('/compromisos', { dependencia: id, estatus: 'sin_avance,en_proceso' }) : null,
        },
      };
    })
    .sort((p, q) => q.total - p.total || p.nombre.localeCompare(q.nombre, 'es'))
    .slice(0, 10);
  return { tarjetas, vencidos, calculadas };
}

export function puntoTendencia(s: Semana, c: Pick<SemanaCorrespondencia, 'porcentajeEn48h' | 'turnadosEn48h' | 'medibles48h'>, fuente: PuntoTendencia['fuente']): PuntoTendencia {
  return {
    desde: s.desde,
    hasta: s.hasta,
    etiqueta: etiquetaSemana(s),
    porcentaje: c.porcentajeEn48h,
    turnadosEn48h: c.turnadosEn48h,
    medibles: c.medibles48h,
    fuente,
    enlace: enlacesCorrespondencia.en48h(s),
  };
}
