/** The informe semanal as Excel: a numeric summary sheet, then one sheet per table with every row. */
import type { Informe } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { escribirExcel, hoja, type Columna, type TipoColumna } from '../../reports';
import { COL_CAMBIOS, COL_DEP, COL_METAS, COL_REUNIONES, COL_TENDENCIA, COL_VENCIDOS, encabezado, filas } from './informeDocumento';

type Unidad = 'cantidad' | 'porcentaje' | 'horas';
interface FilaResumenExcel {
  indicador: string;
  unidad: Unidad;
  /** Percentages as fractions (0.645), so Excel formats them as `64.5 %`. */
  actual: number | null;
  anterior: number | null;
  /** Counts and hours: the difference; percentages: the difference in points (a number, not a %). */
  cambio: number | null;
}
const TIPO: Record<Unidad, TipoColumna> = { cantidad: 'entero', porcentaje: 'porcentaje', horas: 'numero' };
const COL_RESUMEN_EXCEL: Columna<FilaResumenExcel>[] = [
  { clave: 'indicador', titulo: 'Indicador', ancho: 52 },
  { clave: 'actual', titulo: 'Esta semana', tipo: 'numero', decimales: 1, ancho: 14, tipoEn: (f) => TIPO[f.unidad] },
  { clave: 'anterior', titulo: 'Semana anterior', tipo: 'numero', decimales: 1, ancho: 14, tipoEn: (f) => TIPO[f.unidad] },
  { clave: 'cambio', titulo: 'Cambio (cantidad, horas o puntos)', tipo: 'numero', decimales: 1, ancho: 16, tipoEn: (f) => (f.unidad === 'cantidad' ? 'entero' : 'numero') },
];
const fraccion = (u: Unidad, v: number | null) => (v === null || u !== 'porcentaje' ? v : v / 100);

export async function excel(ctx: Contexto, ruta: string, i: Informe, avisar: (n: number) => void) {
  const f = filas(i);
  const c = i.correspondencia;
  const solo = (indicador: string, actual: number | null, unidad: Unidad = 'cantidad') => ({ indicador, unidad, actual: fraccion(unidad, actual), anterior: null, cambio: null });
  const resumen: FilaResumenExcel[] = [
    ...i.indicadores.map((x) => ({ indicador: x.etiqueta, unidad: x.unidad, actual: fraccion(x.unidad, x.actual), anterior: fraccion(x.unidad, x.anterior), cambio: x.cambio })),
    solo('Turnos pendientes al corte', c.pendientes),
    solo('Compromisos cumplidos al corte', i.compromisos.cumplido),
    solo('Compromisos en proceso al corte', i.compromisos.enProceso),
    solo('Compromisos sin avance al corte', i.compromisos.sinAvance),
    solo(`Metas POA aceptables (trim. ${['', 'I', 'II', 'III', 'IV'][i.poa.trimestre]})`, i.poa.verde),
    solo('Metas POA en riesgo', i.poa.amarillo),
    solo('Metas POA críticas', i.poa.rojo),
    solo('Cumplimiento POA acumulado (metas acumulables)', i.poa.cumplimiento, 'porcentaje'),
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
