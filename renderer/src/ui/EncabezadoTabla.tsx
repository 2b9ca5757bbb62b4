import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { Column, RowData } from '@tanstack/react-table';
import type { CSSProperties } from 'react';
import classes from './DataTable.module.css';
import { FiltroColumna } from './FiltroColumna';
import { ALTO_ENCABEZADO, alineacion, type ColumnaTabla } from './tablaColumnas';
import type { Features } from './tablaOrden';

/** The DataTable's sticky header row: sort buttons (numbered when sorting by several) and filters. */
export function EncabezadoTabla<T extends RowData>({
  visibles,
  columnasVisibles,
  variosOrdenes,
  filtros,
  estilos,
  anchoMinimo,
  onFiltrar,
}: {
  /** TanStack's visible columns, in screen order (they hold the sort state). */
  visibles: readonly Column<Features, T>[];
  /** The same columns as declared, in the same order. */
  columnasVisibles: readonly ColumnaTabla<T>[];
  variosOrdenes: boolean;
  filtros: Record<string, string>;
  estilos: Map<string, CSSProperties>;
  anchoMinimo: number;
  /** '' removes the column's filter. */
  onFiltrar: (colId: string, valor: string) => void;
}) {
  return (
    <div role="rowgroup" className={classes.encabezado} style={{ minWidth: anchoMinimo, height: ALTO_ENCABEZADO }}>
      <div role="row" aria-rowindex={1} style={{ display: 'flex', width: '100%' }}>
        {visibles.map((colT, i) => {
          const col = columnasVisibles[i]!;
          const dir = colT.getIsSorted();
          const puedeOrdenar = colT.getCanSort();
          const indiceOrden = variosOrdenes && dir ? colT.getSortIndex() + 1 : null;
          const Icono = dir === 'asc' ? IconArrowUp : dir === 'desc' ? IconArrowDown : IconSelector;
          return (
            <div
              key={col.id}
              role="columnheader"
              aria-colindex={i + 1}
              aria-sort={puedeOrdenar ? (dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none') : undefined}
              className={classes.th}
              data-alinear={alineacion(col)}
              data-ordenada={dir ? '' : undefined}
              style={estilos.get(col.id)}
            >
              {puedeOrdenar ? (
                <UnstyledButton
                  className={classes.tituloColumna}
                  onClick={colT.getToggleSortingHandler()}
                  title={`Ordenar por ${col.titulo} (Mayús para agregar un segundo orden)`}
                >
                  <span>{col.titulo}</span>
                  <Icono className={classes.iconoOrden} size={14} stroke={2} aria-hidden="true" />
                  {indiceOrden && <span className={classes.indiceOrden}>{indiceOrden}</span>}
                </UnstyledButton>
              ) : (
                <span className={classes.tituloColumna}>
                  <span>{col.titulo}</span>
                </span>
              )}
              {col.filtro && (
                <FiltroColumna
                  columna={col}
                  valor={filtros[col.id] ?? ''}
                  onCambiar={(v) => onFiltrar(col.id, v)}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
