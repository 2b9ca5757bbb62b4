/**
 * DataTable sorting: the sort key of a value and the TanStack column definitions that sort by it.
 */
import {
  columnVisibilityFeature,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type RowData,
  type SortFn,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import { normalizar } from './normalizar';
import type { ColumnaTabla, ValorCelda } from './tablaColumnas';

export const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnVisibilityFeature,
});
export type Features = typeof features;

/**
 * Sort key for a text: accents and case ignored (like es-MX collation), "ñ" right after "n", and
 * digit runs zero-padded so that "Oficio 9" comes before "Oficio 10". Comparing keys with `<` is
 * several times faster than Intl.Collator on 100k rows.
 */
export function claveOrden(v: ValorCelda): string | number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  return normalizar(v.normalize('NFC').replace(/[ñÑ]/g, 'n{')).replace(/\d+/g, (d) => d.padStart(15, '0'));
}

function comparar(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * One TanStack definition per column, rebuilt only when `firma` changes; the accessors read the
 * current columns through the refs, so a parent rebuilding `columnas` each render costs nothing.
 */
export function useDefinicionesOrden<T extends RowData>(
  columnasRef: { readonly current: readonly ColumnaTabla<T>[] },
  columnasPorIdRef: { readonly current: Map<string, ColumnaTabla<T>> },
  firma: string,
): ColumnDef<Features, T, any>[] {
  return useMemo<ColumnDef<Features, T, any>[]>(
    () =>
      columnasRef.current.map((c) => {
        const sortFn: SortFn<Features, T> = (a, b, colId) => comparar(a.getValue(colId), b.getValue(colId));
        return {
          id: c.id,
          header: c.titulo,
          // The accessor feeds sorting only (cells show `valor`/`celda`): it returns the sort key.
          accessorFn: (fila: T) => {
            const col = columnasPorIdRef.current.get(c.id) ?? c;
            return claveOrden((col.orden ?? col.valor)(fila));
          },
          enableSorting: c.ordenable !== false,
          enableHiding: c.ocultable !== false,
          sortUndefined: 'last',
          sortDescFirst: false,
          sortFn,
        } as ColumnDef<Features, T, any>;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [firma],
  );
}
