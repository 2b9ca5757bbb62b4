import { functionalUpdate, type ColumnVisibilityState, type Updater } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnaTabla } from './tablaColumnas';

/** Column visibility, remembered in localStorage under the table id. */
export function useVisibilidad<T>(id: string, columnas: readonly ColumnaTabla<T>[], firma: string) {
  const clave = `sse.tabla.${id}.columnas`;
  const columnasRef = useRef(columnas);
  columnasRef.current = columnas;
  const predeterminada = useMemo(() => {
    const v: ColumnVisibilityState = {};
    for (const c of columnasRef.current) v[c.id] = !c.oculta;
    return v;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firma]);
  const leer = useCallback((): ColumnVisibilityState => {
    try {
      const guardada = JSON.parse(localStorage.getItem(clave) ?? 'null') as unknown;
      if (guardada && typeof guardada === 'object') {
        const v = { ...predeterminada };
        for (const c of columnasRef.current) {
          const g = (guardada as Record<string, unknown>)[c.id];
          if (typeof g === 'boolean' && c.ocultable !== false) v[c.id] = g;
        }
        if (Object.values(v).some(Boolean)) return v;
      }
    } catch {
      /* damaged or unavailable storage: defaults */
    }
    return predeterminada;
  }, [clave, predeterminada]);
  const [visibilidad, setVisibilidad] = useState<ColumnVisibilityState>(leer);
  useEffect(() => setVisibilidad(leer()), [leer]);

  const cambiar = useCallback(
    (updater: Updater<ColumnVisibilityState>) => {
      setVisibilidad((prev) => {
        const nueva = functionalUpdate(updater, prev);
        if (!Object.values(nueva).some(Boolean)) return prev; // never hide every column
        try {
          localStorage.setItem(clave, JSON.stringify(nueva));
        } catch {
          /* storage full or unavailable: the choice lasts this session only */
        }
        return nueva;
      });
    },
    [clave],
  );
  const restablecer = useCallback(() => {
    try {
      localStorage.removeItem(clave);
    } catch {
      /* ignore */
    }
    setVisibilidad(predeterminada);
  }, [clave, predeterminada]);
  return { visibilidad, cambiar, restablecer };
}
