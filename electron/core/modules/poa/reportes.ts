/**
 * Informe trimestral and Informe anual de metas (Excel and PDF), laid out as the office reports them:
 * No., Descripción, Área, I, II, III, IV, Total anual — one row programado and one row alcanzado per
 * meta — % cumplimiento and semáforo, and a TOTALES row of the acumulable metas only.
 */
import { escribirExcel, escribirPdf, hoja, type Columna } from '../../reports';
import type { Contexto, Handlers } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import type { ColorSemaforo } from '../../../contract/comun';
import { encabezado } from '../compromisos/reportes';
import { ROMANOS, deCentesimas, type Par } from './calculo';
import { tablero } from './service';
import { cantidad } from '../../../contract/cifras';

export interface FilaInforme {
  numero: number | null;
  descripcion: string;
  area: string;
  unidad: string;
  concepto: 'Programado' | 'Alcanzado';
  t1: number | null;
  t2: number | null;
  t3: number | null;
  t4: number | null;
  total: number | null;
  acumulado: number | null;
  cumplimiento: number | null;
  semaforo: { color: ColorSemaforo; texto: string } | null;
}

function columnas(tipo: 'trimestral' | 'anual', corte: number): Columna<FilaInforme>[] {
  const cols: Columna<FilaInforme>[] = [
    { clave: 'numero', titulo: 'No.', tipo: 'entero', ancho: 5 },
    { clave: 'descripcion', titulo: 'Descripción', ancho: 34 },
    { clave: 'area', titulo: 'Área', ancho: 9 },
    { clave: 'unidad', titulo: 'Unidad de medida', ancho: 14 },
    { clave: 'concepto', titulo: 'Concepto', ancho: 13 },
    { clave: 't1', titulo: 'I', tipo: 'numero', ancho: 9 },
    { clave: 't2', titulo: 'II', tipo: 'numero', ancho: 9 },
    { clave: 't3', titulo: 'III', tipo: 'numero', ancho: 9 },
    { clave: 't4', titulo: 'IV', tipo: 'numero', ancho: 9 },
    { clave: 'total', titulo: 'Total anual', tipo: 'numero', ancho: 10 },
  ];
  if (tipo === 'trimestral') cols.push({ clave: 'acumulado', titulo: `Acumulado al ${ROMANOS[corte - 1]}`, tipo: 'numero', ancho: 12 });
  cols.push(
    { clave: 'cumplimiento', titulo: '% cumplimiento', tipo: 'porcentaje', decimales: 1, ancho: 11 },
    { clave: 'semaforo', titulo: 'Semáforo', tipo: 'semaforo', ancho: 15 },
  );
  return cols;
}

interface Fuente {
  numero: number | null;
  descripcion: string;
  area: string;
  unidad: string;
  trimestres: Par[];
  anual: Par;
  alCorte: Par;
  cumplimiento: number | null;
  semaforo: { color: ColorSemaforo; etiqueta: string };
}

/** Two rows per meta. In the informe trimestral, quarters after the cut-off show no alcanzado yet. */
function filas(f: Fuente, corte: number): FilaInforme[] {
  const v = (n: number | null) => deCentesimas(n);
  const base = { numero: f.numero, descripcion: f.descripcion, area: f.area, unidad: f.unidad };
  const q = (k: keyof Par, i: number) => (k === 'alcanzado' && i + 1 > corte ? null : v(f.trimestres[i][k]));
  return [
    { ...base, concepto: 'Programado', t1: q('programado', 0), t2: q('programado', 1), t3: q('programado', 2), t4: q('programado', 3), total: v(f.anual.programado), acumulado: v(f.alCorte.programado), cumplimiento: null, semaforo: null },
    {
      numero: null,
      descripcion: '',
      area: '',
      unidad: '',
      concepto: 'Alcanzado',
      t1: q('alcanzado', 0),
      t2: q('alcanzado', 1),
      t3: q('alcanzado', 2),
      t4: q('alcanzado', 3),
      total: v(corte >= 4 ? f.anual.alcanzado : f.alCorte.alcanzado),
      acumulado: v(f.alCorte.alcanzado),
      cumplimiento: f.cumplimiento === null ? null : f.cumplimiento / 100,
      semaforo: { color: f.semaforo.color, texto: f.semaforo.etiqueta },
    },
  ];
}

/** The rows of the informe (also used by the tests and the renderer's preview). */
export function filasInforme(ctx: Contexto, anio: number, corte: number): FilaInforme[] {
  const t = tablero(ctx, anio, corte);
  const out: FilaInforme[] = [];
  for (const m of t.vigentes) {
    out.push(
      ...filas(
        {
          numero: m.fila.numero,
          descripcion: m.fila.descripcion,
          area: m.fila.unidad_clave,
          unidad: m.fila.tipo === 'porcentaje' ? `${m.fila.unidad_medida} (porcentaje)` : m.fila.unidad_medida,
          ...m.calculada,
        },
        corte,
      ),
    );
  }
  out.push(
    ...filas(
      {
        numero: null,
        descripcion: `TOTALES (${cantidad(t.totales.metasSumadas, 'meta acumulable')}; las de porcentaje no se suman)`,
        area: '',
        unidad: '',
        ...t.totales,
      },
      corte,
    ),
  );
  return out;
}

export async function informePoa(ctx: Contexto, input: ParsedInput<'poa.informe'>) {
  const corte = input.tipo === 'anual' ? 4 : input.trimestre;
  const titulo = input.tipo === 'anual' ? `Informe anual de metas del POA ${input.anio}` : `Informe trimestral de metas del POA ${input.anio}`;
  const periodo = input.tipo === 'anual' ? `Ejercicio ${input.anio}` : `${ROMANOS[corte - 1]} trimestre de ${input.anio} (acumulado de enero al cierre del trimestre)`;
  const nombre = input.tipo === 'anual' ? `Informe anual de metas ${input.anio}.${input.formato}` : `Informe trimestral de metas ${ROMANOS[corte - 1]}-${input.anio}.${input.formato}`;
  const g = ctx.generados.nuevo(nombre, ctx.sesion);
  const enc = encabezado(ctx, titulo, periodo);
  const datos = filasInforme(ctx, input.anio, corte);
  const cols = columnas(input.tipo, corte);
  ctx.progreso({ tarea: 'poa.informe', fraccion: 0, texto: `Escribiendo ${titulo.toLowerCase()}…` });
  if (input.formato === 'xlsx') {
    await escribirExcel(g.ruta, enc, [hoja({ nombre: input.tipo === 'anual' ? `POA ${input.anio}` : `Trimestre ${ROMANOS[corte - 1]}`, columnas: cols, filas: datos })]);
  } else {
    await escribirPdf(
      g.ruta,
      enc,
      async (doc) => {
        doc.parrafo(
          'Metas acumulables: el trimestre suma sus meses y el total anual suma los trimestres. Metas de porcentaje: promedio de los periodos con valor; no se suman en TOTALES. ' +
            '% de cumplimiento = alcanzado ÷ programado, ambos acumulados al periodo informado.',
          { tamano: 8, cursiva: true },
        );
        doc.espacio(4);
        await doc.tabla(cols, datos, { tamano: 7.5, vacio: 'El POA de este año no tiene metas.' });
      },
      { orientacion: 'horizontal' },
    );
  }
  ctx.progreso({ tarea: 'poa.informe', fraccion: 1, texto: 'Listo' });
  return { archivoId: g.id, nombre: g.nombre };
}

/** The informe is a background job (trabajos.ts). */
export const informeHandlers = {
  'poa.informe': (ctx, input) => informePoa(ctx, input),
} satisfies Partial<Handlers>;
