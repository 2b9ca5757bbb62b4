import type { VirtualItem } from '@tanstack/react-virtual';
import type { CSSProperties } from 'react';
import classes from './DataTable.module.css';
import { ALTO_ENCABEZADO, alineacion, textoCelda, type ColumnaTabla } from './tablaColumnas';

/** The DataTable's rows: only those in view (`items`) are rendered, each placed at its offset. */
export function CuerpoTabla<T>({
  items,
  rows,
  altoTotal,
  anchoMinimo,
  domId,
  resaltadaId,
  indiceActiva,
  columnasVisibles,
  estilos,
  alturaFila,
  onClic,
  onAbrir,
}: {
  items: readonly VirtualItem[];
  rows: readonly { id: string; original: T }[];
  altoTotal: number;
  anchoMinimo: number;
  /** Prefix of the row ids that `aria-activedescendant` points to. */
  domId: string;
  /** The selected row: the parent's choice, else the active one. */
  resaltadaId: string | null;
  indiceActiva: number;
  columnasVisibles: readonly ColumnaTabla<T>[];
  estilos: Map<string, CSSProperties>;
  alturaFila: number;
  onClic: (id: string, fila: T) => void;
  onAbrir: ((fila: T) => void) | undefined;
}) {
  return (
    <div
      role="rowgroup"
      className={classes.cuerpo}
      style={{ height: altoTotal, minWidth: anchoMinimo }}
    >
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const f = row.original;
        const seleccionada = row.id === resaltadaId;
        return (
          <div
            key={row.id}
            id={`${domId}-f${item.index}`}
            role="row"
            aria-rowindex={item.index + 2}
            aria-selected={seleccionada}
            className={classes.fila}
            data-par={item.index % 2 === 1 ? '' : undefined}
            data-seleccionada={seleccionada ? '' : undefined}
            data-activa={item.index === indiceActiva ? '' : undefined}
            style={{
              height: alturaFila,
              lineHeight: `${alturaFila - 1}px`,
              transform: `translateY(${item.start - ALTO_ENCABEZADO}px)`,
            }}
            onClick={() => onClic(row.id, f)}
            onDoubleClick={() => onAbrir?.(f)}
          >
            {columnasVisibles.map((col, i) => {
              const texto = col.celda && !col.texto ? undefined : textoCelda(col, f);
              return (
                <div
                  key={col.id}
                  role="gridcell"
                  aria-colindex={i + 1}
                  className={classes.celda}
                  data-alinear={alineacion(col)}
                  data-tabular={col.tipo && col.tipo !== 'texto' ? '' : undefined}
                  style={estilos.get(col.id)}
                  title={texto && texto.length > 18 ? texto : undefined}
                >
                  {col.celda ? col.celda(f) : texto}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
