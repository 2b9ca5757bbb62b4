/**
 * DataTable columns: how a column is declared, and how its value is shown, aligned and sized.
 */
import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { fecha, fechaHora, numero, porcentaje } from './formato';

export type TipoColumna = 'texto' | 'numero' | 'fecha' | 'fechaHora' | 'porcentaje';
export type ValorCelda = string | number | null | undefined;

export interface OpcionFiltro {
  valor: string;
  etiqueta: string;
}

export interface ColumnaTabla<T> {
  /** Stable id: used for the saved column choice, the sort/filter state and the export. */
  id: string;
  titulo: string;
  /** The raw value: what is sorted, filtered, searched and (formatted by `tipo`) shown. */
  valor: (fila: T) => ValorCelda;
  /** Formats and aligns the value: numbers and percentages to the right, dates as DD/MM/YYYY. */
  tipo?: TipoColumna;
  /** Custom cell (e.g. a `<Semaforo>`). Searching still uses `texto` or the formatted value. */
  celda?: (fila: T) => ReactNode;
  /** Text used for searching, filtering by text and the tooltip, when it differs from the value. */
  texto?: (fila: T) => string;
  /** Sort key when it differs from the value (a folio sorts by year and number, never as text). */
  orden?: (fila: T) => ValorCelda;
  /** Width in px (default depends on `tipo`). */
  ancho?: number;
  /** Takes the remaining width (e.g. "Asunto"), and gives some back on narrow screens. */
  flexible?: boolean;
  /** Narrowest width of a flexible column before the table scrolls sideways (default 60 % of `ancho`). */
  anchoMinimo?: number;
  alinear?: 'izquierda' | 'centro' | 'derecha';
  /** Default true. */
  ordenable?: boolean;
  /** A filter in the column header: free text (accents ignored) or a list of values. */
  filtro?: 'texto' | { opciones: readonly OpcionFiltro[] };
  /** Can be hidden in the column picker (default true). */
  ocultable?: boolean;
  /** Hidden until the user shows it (default false). */
  oculta?: boolean;
  /** Included in the quick search (default true). */
  buscable?: boolean;
}

const ANCHO_POR_TIPO: Record<TipoColumna, number> = {
  texto: 180,
  numero: 110,
  fecha: 110,
  fechaHora: 150,
  porcentaje: 100,
};
export const ALTO_ENCABEZADO = 36;

function formatear(tipo: TipoColumna | undefined, v: ValorCelda): string {
  if (v === null || v === undefined || v === '') return '';
  switch (tipo) {
    case 'numero':
      return typeof v === 'number' ? numero(v) : String(v);
    case 'porcentaje':
      return typeof v === 'number' ? porcentaje(v) : String(v);
    case 'fecha':
      return typeof v === 'string' ? fecha(v) : String(v);
    case 'fechaHora':
      return typeof v === 'number' ? fechaHora(v) : String(v);
    default:
      return String(v);
  }
}

export function textoCelda<T>(col: ColumnaTabla<T>, fila: T): string {
  return col.texto ? col.texto(fila) : formatear(col.tipo, col.valor(fila));
}

export function alineacion<T>(col: ColumnaTabla<T>): 'izquierda' | 'centro' | 'derecha' {
  if (col.alinear) return col.alinear;
  return col.tipo === 'numero' || col.tipo === 'porcentaje' ? 'derecha' : 'izquierda';
}

/** What identifies a set of columns for caching: ids and flags (functions cannot be compared). */
export function firmaColumnas<T>(columnas: readonly ColumnaTabla<T>[]): string {
  return columnas
    .map((c) => `${c.id}:${c.oculta ? 1 : 0}${c.ocultable === false ? 0 : 1}${c.buscable === false ? 0 : 1}${c.ordenable === false ? 0 : 1}`)
    .join('|');
}

/**
 * Flex style of each visible column and the width below which the table scrolls sideways. The
 * flexible columns (or else the last one) take the spare width.
 */
export function useAnchosColumnas<T>(columnasVisibles: readonly ColumnaTabla<T>[], firma: string) {
  const hayFlexible = columnasVisibles.some((c) => c.flexible);
  const minimo = (c: ColumnaTabla<T>) => {
    const w = c.ancho ?? ANCHO_POR_TIPO[c.tipo ?? 'texto'];
    return c.flexible ? Math.min(w, c.anchoMinimo ?? Math.round(w * 0.6)) : w;
  };
  const estilos = useMemo(() => {
    const m = new Map<string, CSSProperties>();
    columnasVisibles.forEach((c, i) => {
      const w = c.ancho ?? ANCHO_POR_TIPO[c.tipo ?? 'texto'];
      const crece = c.flexible || (!hayFlexible && i === columnasVisibles.length - 1);
      m.set(c.id, { flex: `${crece ? 1 : 0} ${c.flexible ? 1 : 0} ${w}px`, width: w, minWidth: minimo(c) });
    });
    return m;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columnasVisibles.map((c) => c.id).join('|'), firma, hayFlexible]);
  const anchoMinimo = columnasVisibles.reduce((s, c) => s + minimo(c), 0);
  return { estilos, anchoMinimo };
}
