/**
 * What the informe's PDF and Excel share: the figures' wording, the tables' columns and rows, and the
 * header, so both documents show the same tables.
 */
import type { Informe } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { fechaEnZona, fechaLarga } from '../../tiempo';
import type { Columna, Encabezado } from '../../reports';
import { logoDe } from '../ajustes/service';
import { textoSemana } from './semanas';

export const n = (v: number | null | undefined, unidad: 'cantidad' | 'porcentaje' | 'horas' = 'cantidad') => {
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
export const COL_INDICADORES: Columna<FilaIndicador>[] = [
  { clave: 'indicador', titulo: 'Indicador', ancho: 40 },
  { clave: 'actual', titulo: 'Esta semana', ancho: 16, alineacion: 'derecha' },
  { clave: 'anterior', titulo: 'Semana anterior', ancho: 16, alineacion: 'derecha' },
  { clave: 'cambio', titulo: 'Cambio', ancho: 14, alineacion: 'derecha' },
];

type FilaDep = Informe['correspondencia']['porDependencia'][number] & { nombre: string };
export const COL_DEP: Columna<FilaDep>[] = [
  { clave: 'nombre', titulo: 'Dependencia', ancho: 44 },
  { clave: 'turnadosSemana', titulo: 'Turnados en la semana', tipo: 'entero', ancho: 12 },
  { clave: 'atendidosSemana', titulo: 'Atendidos en la semana', tipo: 'entero', ancho: 12 },
  { clave: 'pendientes', titulo: 'Pendientes al corte', tipo: 'entero', ancho: 12 },
  { clave: 'vencidos', titulo: 'Vencidos al corte', tipo: 'entero', ancho: 12 },
];

type FilaReunion = Informe['gabinete']['reuniones'][number];
export const COL_REUNIONES: Columna<FilaReunion>[] = [
  { clave: 'nombre', titulo: 'Reunión', ancho: 50 },
  { clave: 'fecha', titulo: 'Fecha', tipo: 'fecha', ancho: 12 },
  { clave: 'hora', titulo: 'Hora', ancho: 8 },
  { clave: 'estatus', titulo: 'Estatus', ancho: 14 },
  { clave: 'acuerdos', titulo: 'Acuerdos', tipo: 'entero', ancho: 10 },
];

type FilaVencido = Informe['gabinete']['acuerdosVencidos'][number];
export const COL_VENCIDOS: Columna<FilaVencido>[] = [
  { clave: 'codigo', titulo: 'Acuerdo', ancho: 14 },
  { clave: 'descripcion', titulo: 'Descripción', ancho: 50 },
  { clave: 'dependencia', titulo: 'Responsable', ancho: 16 },
  { clave: 'fechaCompromiso', titulo: 'Fecha compromiso', tipo: 'fecha', ancho: 12 },
  { clave: 'motivo', titulo: 'Semáforo', ancho: 24 },
];

type FilaCambio = Informe['compromisos']['cambios'][number];
export const COL_CAMBIOS: Columna<FilaCambio>[] = [
  { clave: 'numero', titulo: 'No.', tipo: 'entero', ancho: 6 },
  { clave: 'descripcion', titulo: 'Compromiso', ancho: 48 },
  { clave: 'dependencia', titulo: 'Responsable', ancho: 14 },
  { clave: 'fecha', titulo: 'Fecha', tipo: 'fecha', ancho: 12 },
  { clave: 'estatus', titulo: 'Estatus', ancho: 14 },
  { clave: 'avance', titulo: 'Avance %', tipo: 'entero', ancho: 9 },
];

type FilaMeta = Informe['poa']['criticas'][number] & { cumplimientoFrac: number | null; sem: { color: FilaMetaColor; texto: string } };
type FilaMetaColor = Informe['poa']['criticas'][number]['color'];
export const COL_METAS: Columna<FilaMeta>[] = [
  { clave: 'numero', titulo: 'No.', tipo: 'entero', ancho: 6 },
  { clave: 'descripcion', titulo: 'Meta', ancho: 50 },
  { clave: 'unidad', titulo: 'Área', ancho: 10 },
  { clave: 'cumplimientoFrac', titulo: '% cumplimiento', tipo: 'porcentaje', decimales: 1, ancho: 12 },
  { clave: 'sem', titulo: 'Semáforo', tipo: 'semaforo', ancho: 14 },
];

type FilaTendencia = { semana: string; porcentaje: number | null; turnados: number; medibles: number; fuente: string };
export const COL_TENDENCIA: Columna<FilaTendencia>[] = [
  { clave: 'semana', titulo: 'Semana', ancho: 36 },
  { clave: 'turnados', titulo: 'Turnados en 48 h', tipo: 'entero', ancho: 14 },
  { clave: 'medibles', titulo: 'Asuntos medibles', tipo: 'entero', ancho: 14 },
  { clave: 'porcentaje', titulo: '% en 48 h', tipo: 'porcentaje', decimales: 1, ancho: 12 },
  { clave: 'fuente', titulo: 'Fuente', ancho: 24 },
];

export function filas(i: Informe) {
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

export function encabezado(ctx: Contexto, i: Informe): Encabezado {
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
