/**
 * What a DataTable lists: the search, filters and order, and (client mode) the rows they keep.
 */
import { useMemo, useRef } from 'react';
import { coincide, normalizar } from './normalizar';
import { textoCelda, type ColumnaTabla } from './tablaColumnas';

export interface OrdenColumna {
  id: string;
  desc: boolean;
}

export interface EstadoTabla {
  /** Quick search text (every word must appear; accents and case ignored). */
  busqueda: string;
  /** Column filters: column id → text (filtro 'texto') or option value (filtro con opciones). */
  filtros: Record<string, string>;
  /** Sort order, first key first. */
  orden: OrdenColumna[];
}

export const ESTADO_VACIO: EstadoTabla = { busqueda: '', filtros: {}, orden: [] };

/** The previous reference while the value is structurally the same (small JSON-able values only). */
export function useMismoValor<V>(valor: V): V {
  const ref = useRef<{ v: V; json: string } | null>(null);
  const json = JSON.stringify(valor);
  if (!ref.current || ref.current.json !== json) ref.current = { v: valor, json };
  return ref.current.v;
}

export function hayFiltros(e: EstadoTabla): boolean {
  return e.busqueda.trim() !== '' || Object.values(e.filtros).some((v) => v !== '');
}

/**
 * Client mode: the rows that pass the quick search and the column filters (server mode: `filas`
 * as given). Each row's searchable text is built once per set of columns (`firma`).
 */
export function useFilasFiltradas<T>(
  filas: readonly T[],
  estado: EstadoTabla,
  servidor: boolean,
  columnasRef: { readonly current: readonly ColumnaTabla<T>[] },
  columnasPorIdRef: { readonly current: Map<string, ColumnaTabla<T>> },
  firma: string,
): readonly T[] {
  const textoBuscable = useMemo(() => {
    const indice = new WeakMap<object, string>();
    const buscables = () => columnasRef.current.filter((c) => c.buscable !== false);
    return (fila: T): string => {
      const llave = fila as unknown as object;
      let t = indice.get(llave);
      if (t === undefined) {
        t = normalizar(
          buscables()
            .map((c) => textoCelda(c, fila))
            .join(' | '),
        );
        indice.set(llave, t);
      }
      return t;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firma]);

  return useMemo<readonly T[]>(() => {
    if (servidor) return filas;
    const palabras = normalizar(estado.busqueda).split(' ').filter(Boolean);
    const filtros = Object.entries(estado.filtros)
      .filter(([, v]) => v !== '')
      .map(([colId, v]) => ({ col: columnasPorIdRef.current.get(colId), v }))
      .filter((f): f is { col: ColumnaTabla<T>; v: string } => f.col !== undefined);
    if (palabras.length === 0 && filtros.length === 0) return filas;
    return filas.filter((fila) => {
      if (palabras.length > 0) {
        const t = textoBuscable(fila);
        for (const p of palabras) if (!t.includes(p)) return false;
      }
      for (const { col, v } of filtros) {
        if (col.filtro === 'texto') {
          if (!coincide(textoCelda(col, fila), v)) return false;
        } else if (String(col.valor(fila) ?? '') !== v) return false;
      }
      return true;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [servidor, filas, estado.busqueda, estado.filtros, textoBuscable]);
}
