/**
 * Informe semanal (DOMAIN §6): the figures of a week beside the previous week's, stored as a snapshot
 * when generated so the informe of a past week is reproduced exactly later; PDF and Excel with the kit.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Informe, PuntoTendencia, Semana as SemanaContrato } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { actorDe } from '../../contexto';
import { AppError } from '../../errors';
import { fechaCorta, fechaEnZona, fechaLarga } from '../../tiempo';
import { escribirExcel, escribirPdf, hoja, type Columna, type Encabezado, type DocumentoPdf } from '../../reports';
import { logoDe } from '../ajustes/service';
import { listarAcuerdos } from '../gabinete/consultas';
import type { Acuerdo } from '../../../contract/gabinete';
import {
  comparar,
  enlacesCorrespondencia,
  limites,
  puntoTendencia,
  semanaAcuerdos,
  semanaCompromisos,
  semanaCorrespondencia,
  semanaPoa,
  nombresAl,
  type SemanaCorrespondencia,
} from './cifras';
import { semanaAnterior, semanaDe, textoSemana, ultimaCompleta, ultimasSemanas, type Semana } from './semanas';

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
  const filas = ctx.sqlite
    .prepare(
      `select t.dependencia_id as id,
         count(case when t.turnado >= @a then 1 end) as turnados,
         count(case when t.atendido >= @a and t.atendido < @t then 1 end) as atendidos,
         count(case when t.atendido is null or t.atendido >= @t then 1 end) as pendientes,
         count(case when (t.atendido is null or t.atendido >= @t) and t.fecha_limite < @corte then 1 end) as vencidos
       from turnos t
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

type Cifras = ReturnType<typeof calcularSemana>;

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

/** The 12-week trend of "turnados en 48 h": the printed figure of weeks with an informe, the data otherwise. */
export function tendencia48h(ctx: Contexto, hasta: Semana, actual?: Cifras, calculadas?: Map<string, SemanaCorrespondencia>): PuntoTendencia[] {
  const semanas = ultimasSemanas(hasta, 12);
  const guardadas = new Map(
    (
      ctx.sqlite
        .prepare(`select semana, datos from tablero_instantaneas where semana >= ? and semana <= ?`)
        .all(semanas[0].desde, hasta.desde) as { semana: string; datos: string }[]
    ).map((f) => [f.semana, (JSON.parse(f.datos) as Informe).correspondencia]),
  );
  return semanas.map((s) => {
    if (actual && s.desde === actual.semana.desde) return puntoTendencia(s, actual.correspondencia, 'datos');
    const g = guardadas.get(s.desde);
    if (g) return puntoTendencia(s, g, 'informe');
    return puntoTendencia(s, calculadas?.get(s.desde) ?? semanaCorrespondencia(ctx, s), 'datos');
  });
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
  if (o.guardar && !x.enCurso) {
    const ahora = ctx.ahora();
    const porcentaje = x.correspondencia.porcentajeEn48h === null ? null : Math.round(x.correspondencia.porcentajeEn48h * 10);
    const json = JSON.stringify({ ...resultado, instantanea: null });
    const actor = actorDe(ctx);
    ctx.transaccion(() => {
      const antes = ctx.sqlite.prepare('select id, version, datos from tablero_instantaneas where semana = ?').get(s.desde) as { id: string; version: number; datos: string } | undefined;
      if (antes && !o.recalcular) return; // generated meanwhile by someone else: the first one stays
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
  return resultado;
}

// ───────────── Documents ─────────────

const n = (v: number | null | undefined, unidad: 'cantidad' | 'porcentaje' | 'horas' = 'cantidad') => {
  if (v === null || v === undefined) return 'Sin datos';
  const t = v.toLocaleString('es-MX', { maximumFractionDigits: 1 });
  return unidad === 'porcentaje' ? `${t} %` : unidad === 'horas' ? `${t} h` : t;
};
const conSigno = (v: number | null, unidad: 'cantidad' | 'porcentaje' | 'horas') => {
  if (v === null) return '—';
  if (v === 0) return 'Sin cambio';
  const t = `${v > 0 ? '+' : '−'}${Math.abs(v).toLocaleString('es-MX', { maximumFractionDigits: 1 })}`;
  return unidad === 'porcentaje' ? `${t} pts.` : unidad === 'horas' ? `${t} h` : t;
};

interface FilaIndicador {
  indicador: string;
  actual: string;
  anterior: string;
  cambio: string;
}
const COL_INDICADORES: Columna<FilaIndicador>[] = [
  { clave: 'indicador', titulo: 'Indicador', ancho: 40 },
  { clave: 'actual', titulo: 'Esta semana', ancho: 16, alineacion: 'derecha' },
  { clave: 'anterior', titulo: 'Semana anterior', ancho: 16, alineacion: 'derecha' },
  { clave: 'cambio', titulo: 'Cambio', ancho: 14, alineacion: 'derecha' },
];

type FilaDep = Informe['correspondencia']['porDependencia'][number] & { nombre: string };
const COL_DEP: Columna<FilaDep>[] = [
  { clave: 'nombre', titulo: 'Dependencia', ancho: 44 },
  { clave: 'turnadosSemana', titulo: 'Turnados en la semana', tipo: 'entero', ancho: 12 },
  { clave: 'atendidosSemana', titulo: 'Atendidos en la semana', tipo: 'entero', ancho: 12 },
  { clave: 'pendientes', titulo: 'Pendientes al corte', tipo: 'entero', ancho: 12 },
  { clave: 'vencidos', titulo: 'Vencidos al corte', tipo: 'entero', ancho: 12 },
];

type FilaReunion = Informe['gabinete']['reuniones'][number];
const COL_REUNIONES: Columna<FilaReunion>[] = [
  { clave: 'nombre', titulo: 'Reunión', ancho: 50 },
  { clave: 'fecha', titulo: 'Fecha', tipo: 'fecha', ancho: 12 },
  { clave: 'hora', titulo: 'Hora', ancho: 8 },
  { clave: 'estatus', titulo: 'Estatus', ancho: 14 },
  { clave: 'acuerdos', titulo: 'Acuerdos', tipo: 'entero', ancho: 10 },
];

type FilaVencido = Informe['gabinete']['acuerdosVencidos'][number];
const COL_VENCIDOS: Columna<FilaVencido>[] = [
  { clave: 'codigo', titulo: 'Acuerdo', ancho: 14 },
  { clave: 'descripcion', titulo: 'Descripción', ancho: 50 },
  { clave: 'dependencia', titulo: 'Responsable', ancho: 16 },
  { clave: 'fechaCompromiso', titulo: 'Fecha compromiso', tipo: 'fecha', ancho: 12 },
  { clave: 'motivo', titulo: 'Semáforo', ancho: 24 },
];

type FilaCambio = Informe['compromisos']['cambios'][number];
const COL_CAMBIOS: Columna<FilaCambio>[] = [
  { clave: 'numero', titulo: 'No.', tipo: 'entero', ancho: 6 },
  { clave: 'descripcion', titulo: 'Compromiso', ancho: 48 },
  { clave: 'dependencia', titulo: 'Responsable', ancho: 14 },
  { clave: 'fecha', titulo: 'Fecha', tipo: 'fecha', ancho: 12 },
  { clave: 'estatus', titulo: 'Estatus', ancho: 14 },
  { clave: 'avance', titulo: 'Avance %', tipo: 'entero', ancho: 9 },
];

type FilaMeta = Informe['poa']['criticas'][number] & { cumplimientoFrac: number | null; sem: { color: FilaMetaColor; texto: string } };
type FilaMetaColor = Informe['poa']['criticas'][number]['color'];
const COL_METAS: Columna<FilaMeta>[] = [
  { clave: 'numero', titulo: 'No.', tipo: 'entero', ancho: 6 },
  { clave: 'descripcion', titulo: 'Meta', ancho: 50 },
  { clave: 'unidad', titulo: 'Área', ancho: 10 },
  { clave: 'cumplimientoFrac', titulo: '% cumplimiento', tipo: 'porcentaje', decimales: 1, ancho: 12 },
  { clave: 'sem', titulo: 'Semáforo', tipo: 'semaforo', ancho: 14 },
];

type FilaTendencia = { semana: string; porcentaje: number | null; turnados: number; medibles: number; fuente: string };
const COL_TENDENCIA: Columna<FilaTendencia>[] = [
  { clave: 'semana', titulo: 'Semana', ancho: 36 },
  { clave: 'turnados', titulo: 'Turnados en 48 h', tipo: 'entero', ancho: 14 },
  { clave: 'medibles', titulo: 'Asuntos medibles', tipo: 'entero', ancho: 14 },
  { clave: 'porcentaje', titulo: '% en 48 h', tipo: 'porcentaje', decimales: 1, ancho: 12 },
  { clave: 'fuente', titulo: 'Fuente', ancho: 24 },
];

function filas(i: Informe) {
  const nombreDep = (f: Informe['correspondencia']['porDependencia'][number]) => (f.siglas && f.siglas !== f.dependencia ? `${f.dependencia} (${f.siglas})` : f.dependencia);
  return {
    indicadores: i.indicadores.map((x) => ({ indicador: x.etiqueta, actual: n(x.actual, x.unidad), anterior: n(x.anterior, x.unidad), cambio: conSigno(x.cambio, x.unidad) })),
    dependencias: i.correspondencia.porDependencia.map((f) => ({ ...f, nombre: nombreDep(f) })),
    metas: i.poa.criticas.map((m) => ({ ...m, cumplimientoFrac: m.cumplimiento === null ? null : m.cumplimiento / 100, sem: { color: m.color, texto: m.semaforo } })),
    tendencia: i.tendencia48h.map((t) => ({
      semana: textoSemana(t),
      porcentaje: t.porcentaje === null ? null : t.porcentaje / 100,
      turnados: t.turnadosEn48h,
      medibles: t.medibles,
      fuente: t.fuente === 'informe' ? 'Informe generado' : 'Datos actuales',
    })),
  };
}

function encabezado(ctx: Contexto, i: Informe): Encabezado {
  const a = ctx.ajustes();
  return {
    institucion: a.institucion,
    logo: logoDe(ctx)?.bytes,
    titulo: 'Informe semanal',
    periodo: textoSemana(i.semana) + (i.enCurso ? ` (semana en curso, cifras al ${fechaLarga(i.corte)})` : ''),
    referencia: i.instantanea ? `Reproducción del informe generado el ${fechaLarga(fechaEnZona(i.instantanea.generado, a.zonaHoraria))}` : undefined,
    generado: ctx.ahora(),
    zona: a.zonaHoraria,
  };
}

const MAX_DEP_PDF = 15;
const MAX_FILAS_PDF = 15;

async function pdf(ctx: Contexto, ruta: string, i: Informe): Promise<number> {
  const f = filas(i);
  const r = await escribirPdf(ruta, encabezado(ctx, i), async (doc: DocumentoPdf) => {
    doc.seccion('Resumen de la semana');
    doc.parrafo(
      `Comparación con la semana ${textoSemana(i.anterior).toLowerCase()}. Pendientes y vencidos se miden al ${fechaLarga(i.corte)}.`,
      { tamano: 9, cursiva: true },
    );
    await doc.tabla(COL_INDICADORES, f.indicadores);
    doc.espacio(6);
    doc.barrasApiladas({
      titulo: 'Semáforo de estatus al corte',
      series: [
        { nombre: 'Concluido / cumplido / aceptable', color: 'verde' },
        { nombre: 'En proceso / en riesgo', color: 'amarillo' },
        { nombre: 'Por iniciar / sin avance / crítico', color: 'rojo' },
      ],
      categorias: [
        { etiqueta: 'Acuerdos', valores: [i.gabinete.concluidosTotal, i.gabinete.enProceso, i.gabinete.porIniciar] },
        { etiqueta: 'Compromisos', valores: [i.compromisos.cumplido, i.compromisos.enProceso, i.compromisos.sinAvance] },
        { etiqueta: `Metas POA (trim. ${['', 'I', 'II', 'III', 'IV'][i.poa.trimestre]})`, valores: [i.poa.verde, i.poa.amarillo, i.poa.rojo] },
      ],
      alto: 110,
    });

    doc.seccion('1. Correspondencia');
    const c = i.correspondencia;
    doc.datos([
      ['Recibida', n(c.recibidos)],
      ['Turnada', n(c.turnados)],
      ['Turnada dentro de 48 horas', `${n(c.turnadosEn48h)} de ${n(c.medibles48h)} (${n(c.porcentajeEn48h, 'porcentaje')})`],
      ['Promedio de horas para turnar', n(c.promedioHorasParaTurnar, 'horas')],
      ['Turnos atendidos en la semana', n(c.turnosAtendidos)],
      ['Turnos pendientes al corte', `${n(c.pendientes)}, de ellos ${n(c.vencidos)} vencidos`],
    ]);
    doc.espacio(4);
    const puntos = i.tendencia48h;
    if (puntos.some((p) => p.porcentaje !== null)) {
      doc.lineas({
        titulo: '% turnado en 48 horas, últimas 12 semanas',
        etiquetas: puntos.map((p) => p.etiqueta),
        series: [{ nombre: '% en 48 h', valores: puntos.map((p) => (p.porcentaje === null ? null : p.porcentaje / 100)) }],
        formato: 'porcentaje',
        minimo: 0,
        maximo: 1,
        alto: 140,
      });
    } else {
      doc.parrafo('% turnado en 48 horas, últimas 12 semanas: sin asuntos recibidos en esas semanas.', { tamano: 9 });
    }
    const conVencidos = f.dependencias.filter((d) => d.vencidos > 0).slice(0, 10);
    if (conVencidos.length) {
      doc.barras({ titulo: 'Turnos vencidos por dependencia al corte (10 principales)', datos: conVencidos.map((d) => ({ etiqueta: d.siglas || d.dependencia, valor: d.vencidos, color: 'rojo' })), formato: 'entero' });
    }
    doc.seccion('Turnos por dependencia');
    await doc.tabla(COL_DEP, f.dependencias.slice(0, MAX_DEP_PDF), {
      vacio: 'Sin turnos pendientes ni movimientos en la semana.',
      totales: { etiqueta: 'Total', columnas: { turnadosSemana: 'suma', atendidosSemana: 'suma', pendientes: 'suma', vencidos: 'suma' } },
    });
    if (f.dependencias.length > MAX_DEP_PDF) {
      doc.parrafo(`Se muestran las ${MAX_DEP_PDF} dependencias con más turnos vencidos y pendientes de ${f.dependencias.length}; el total suma solo las mostradas. El Excel incluye todas.`, { tamano: 8, cursiva: true });
    }

    doc.seccion('2. Gabinete');
    doc.datos([
      ['Reuniones de la semana', n(i.gabinete.reuniones.length)],
      ['Acuerdos nuevos', n(i.gabinete.nuevos)],
      ['Acuerdos concluidos en la semana', n(i.gabinete.concluidos)],
      ['Acuerdos vencidos al corte', n(i.gabinete.vencidos)],
      ['Acuerdos abiertos al corte', `${n(i.gabinete.porIniciar)} por iniciar, ${n(i.gabinete.enProceso)} en proceso`],
    ]);
    await doc.tabla(COL_REUNIONES, i.gabinete.reuniones, { vacio: 'No hubo reuniones de gabinete en la semana.' });
    doc.espacio(4);
    doc.seccion('Acuerdos vencidos');
    await doc.tabla(COL_VENCIDOS, i.gabinete.acuerdosVencidos.slice(0, MAX_FILAS_PDF), { vacio: 'Ningún acuerdo vencido al corte.' });
    if (i.gabinete.acuerdosVencidos.length > MAX_FILAS_PDF) doc.parrafo(`Se muestran ${MAX_FILAS_PDF} de ${i.gabinete.acuerdosVencidos.length}; el Excel incluye todos.`, { tamano: 8, cursiva: true });

    doc.seccion('3. Compromisos de campaña');
    const k = i.compromisos;
    doc.datos([
      ['Compromisos', `${n(k.total)} (${n(k.noProcedente)} no procedentes)`],
      ['Cumplidos / en proceso / sin avance', `${n(k.cumplido)} / ${n(k.enProceso)} / ${n(k.sinAvance)}`],
      ['Avance promedio', n(k.avancePromedio, 'porcentaje')],
      ['Cumplidos en la semana', n(k.cumplidosSemana)],
      ['Seguimientos registrados en la semana', n(k.cambios.length)],
    ]);
    await doc.tabla(COL_CAMBIOS, k.cambios.slice(0, MAX_FILAS_PDF), { vacio: 'Sin cambios en la semana.' });
    if (k.cambios.length > MAX_FILAS_PDF) doc.parrafo(`Se muestran ${MAX_FILAS_PDF} de ${k.cambios.length}; el Excel incluye todos.`, { tamano: 8, cursiva: true });

    doc.seccion(`4. POA ${i.poa.anio}: trimestre ${['', 'I', 'II', 'III', 'IV'][i.poa.trimestre]}`);
    doc.datos([
      ['Metas vigentes', n(i.poa.metas)],
      ['Aceptables / en riesgo / críticas / sin meta', `${n(i.poa.verde)} / ${n(i.poa.amarillo)} / ${n(i.poa.rojo)} / ${n(i.poa.gris)}`],
      ['Cumplimiento acumulado (metas acumulables)', n(i.poa.cumplimiento, 'porcentaje')],
    ]);
    await doc.tabla(COL_METAS, f.metas, { vacio: 'Ninguna meta en rojo al trimestre.' });
  });
  return r.paginas;
}

interface FilaResumenExcel {
  indicador: string;
  unidad: string;
  actual: number | null;
  anterior: number | null;
  cambio: number | null;
}
const COL_RESUMEN_EXCEL: Columna<FilaResumenExcel>[] = [
  { clave: 'indicador', titulo: 'Indicador', ancho: 44 },
  { clave: 'unidad', titulo: 'Unidad', ancho: 12 },
  { clave: 'actual', titulo: 'Esta semana', tipo: 'numero', decimales: 1, ancho: 14 },
  { clave: 'anterior', titulo: 'Semana anterior', tipo: 'numero', decimales: 1, ancho: 14 },
  { clave: 'cambio', titulo: 'Cambio', tipo: 'numero', decimales: 1, ancho: 12 },
];
const UNIDAD = { cantidad: 'Cantidad', porcentaje: '%', horas: 'Horas' } as const;

async function excel(ctx: Contexto, ruta: string, i: Informe, avisar: (n: number) => void) {
  const f = filas(i);
  const c = i.correspondencia;
  const solo = (indicador: string, actual: number | null, unidad = 'Cantidad') => ({ indicador, unidad, actual, anterior: null, cambio: null });
  const resumen: FilaResumenExcel[] = [
    ...i.indicadores.map((x) => ({ indicador: x.etiqueta, unidad: UNIDAD[x.unidad], actual: x.actual, anterior: x.anterior, cambio: x.cambio })),
    solo('Turnos pendientes al corte', c.pendientes),
    solo('Compromisos cumplidos al corte', i.compromisos.cumplido),
    solo('Compromisos en proceso al corte', i.compromisos.enProceso),
    solo('Compromisos sin avance al corte', i.compromisos.sinAvance),
    solo(`Metas POA aceptables (trim. ${['', 'I', 'II', 'III', 'IV'][i.poa.trimestre]})`, i.poa.verde),
    solo('Metas POA en riesgo', i.poa.amarillo),
    solo('Metas POA críticas', i.poa.rojo),
    solo('Cumplimiento POA acumulado (metas acumulables)', i.poa.cumplimiento, '%'),
  ];
  await escribirExcel(
    ruta,
    encabezado(ctx, i),
    [
      hoja({ nombre: 'Resumen', columnas: COL_RESUMEN_EXCEL, filas: resumen }),
      hoja({
        nombre: 'Correspondencia',
        columnas: COL_DEP,
        filas: f.dependencias,
        totales: { etiqueta: 'Total', columnas: { turnadosSemana: 'suma', atendidosSemana: 'suma', pendientes: 'suma', vencidos: 'suma' } },
      }),
      hoja({ nombre: 'Tendencia 48 h', columnas: COL_TENDENCIA, filas: f.tendencia }),
      hoja({ nombre: 'Gabinete - reuniones', columnas: COL_REUNIONES, filas: i.gabinete.reuniones }),
      hoja({ nombre: 'Gabinete - acuerdos vencidos', columnas: COL_VENCIDOS, filas: i.gabinete.acuerdosVencidos }),
      hoja({ nombre: 'Compromisos', columnas: COL_CAMBIOS, filas: i.compromisos.cambios }),
      hoja({ nombre: 'POA', columnas: COL_METAS, filas: f.metas }),
    ],
    { alAvanzar: avisar },
  );
}

export async function generar(
  ctx: Contexto,
  input: { semana?: string; recalcular: boolean; formato: 'pdf' | 'xlsx'; tarea?: string },
): Promise<{ archivoId: string; nombre: string; semana: SemanaContrato; reproducido: boolean }> {
  const s = semanaPedida(ctx, input.semana);
  const tarea = input.tarea ?? `informe-semanal-${s.desde}`;
  ctx.progreso({ tarea, fraccion: 0, texto: `Informe semanal ${textoSemana(s).toLowerCase()}` });
  const i = informe(ctx, s, { recalcular: input.recalcular, guardar: true, tarea });
  ctx.progreso({ tarea, fraccion: 0.85, texto: input.formato === 'pdf' ? 'Escribiendo el PDF' : 'Escribiendo el Excel' });
  const g = ctx.generados.nuevo(`Informe semanal ${s.desde} a ${s.hasta}.${input.formato}`, ctx.sesion);
  if (input.formato === 'pdf') await pdf(ctx, g.ruta, i);
  else await excel(ctx, g.ruta, i, () => undefined);
  ctx.progreso({ tarea, fraccion: 1, texto: 'Listo' });
  return { archivoId: g.id, nombre: g.nombre, semana: s, reproducido: i.instantanea !== null };
}
