import classes from './DataTable.module.css';
import { numero } from './formato';

/** The DataTable's key hints and, while pages are missing, how many rows are loaded. */
export function PieTabla({
  abrir,
  atajoBusqueda,
  faltan,
  cargadas,
  total,
}: {
  /** Enter opens a row. */
  abrir: boolean;
  /** `/` focuses the search box. */
  atajoBusqueda: boolean;
  /** Server mode with more rows to load. */
  faltan: boolean;
  cargadas: number;
  total: number;
}) {
  return (
    <div className={classes.pie} aria-hidden="true">
      <span>
        <kbd>↑</kbd> <kbd>↓</kbd> moverse
      </span>
      {abrir && (
        <span>
          <kbd>Enter</kbd> abrir
        </span>
      )}
      {atajoBusqueda && (
        <span>
          <kbd>/</kbd> buscar
        </span>
      )}
      <span>
        <kbd>Mayús</kbd>+clic en un encabezado: segundo orden
      </span>
      {faltan && (
        <span style={{ marginLeft: 'auto' }}>
          {`Mostrando ${numero(cargadas)} de ${numero(total)}; se cargan más al desplazarse.`}
        </span>
      )}
    </div>
  );
}
