import classes from './DataTable.module.css';
import { numero, plural } from './formato';

export interface Sustantivos {
  singular: string;
  plural: string;
}

/** Both forms of the rows' noun; a plain plural gets its singular by the common Spanish rules. */
export function sustantivos(s: string | Sustantivos): Sustantivos {
  if (typeof s !== 'string') return s;
  // Common Spanish plurals: "reuniones" → "reunión", "unidades" → "unidad", "asuntos" → "asunto".
  let singular = s;
  if (/iones$/.test(s)) singular = s.replace(/iones$/, 'ión');
  else if (/[dlrnjz]es$/.test(s)) singular = s.slice(0, -2);
  else if (/s$/.test(s)) singular = s.slice(0, -1);
  return { singular, plural: s };
}

/** The DataTable's count: "1,204 asuntos", or "12 de 1,204 asuntos" while filtering on the client. */
export function ConteoTabla({
  servidor,
  filtrando,
  mostradas,
  total,
  nombres,
}: {
  servidor: boolean;
  filtrando: boolean;
  /** Rows left after the client-side search and filters. */
  mostradas: number;
  /** Rows in the whole list (server mode: matching the filters). */
  total: number;
  nombres: Sustantivos;
}) {
  return servidor ? (
    <span className={classes.conteo} aria-live="polite">
      <strong>{numero(total)}</strong> {total === 1 ? nombres.singular : nombres.plural}
    </span>
  ) : filtrando ? (
    <span className={classes.conteo} aria-live="polite">
      <strong>{numero(mostradas)}</strong> de {plural(total, nombres.singular, nombres.plural)}
    </span>
  ) : (
    <span className={classes.conteo} aria-live="polite">
      <strong>{numero(total)}</strong> {total === 1 ? nombres.singular : nombres.plural}
    </span>
  );
}
