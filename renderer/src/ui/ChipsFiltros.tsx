import { CloseButton } from '@mantine/core';
import classes from './DataTable.module.css';
import type { ColumnaTabla } from './tablaColumnas';

/** The applied column filters as chips ("Estatus: Pendiente", "Asunto: “agua”"), each with its ×. */
export function ChipsFiltros<T>({
  filtros,
  columnasPorId,
  onQuitar,
}: {
  filtros: Record<string, string>;
  columnasPorId: Map<string, ColumnaTabla<T>>;
  onQuitar: (colId: string) => void;
}) {
  const chips = Object.entries(filtros)
    .filter(([, v]) => v !== '')
    .map(([colId, v]) => {
      const col = columnasPorId.get(colId);
      if (!col) return null;
      // A multiple choice arrives as "pendiente,en_proceso": each value reads as its label.
      const opciones = typeof col.filtro === 'object' ? col.filtro.opciones : null;
      const etiqueta = opciones
        ? v.split(',').map((x) => opciones.find((o) => o.valor === x)?.etiqueta ?? x).join(', ')
        : `“${v}”`;
      return { colId, texto: `${col.titulo}: ${etiqueta}` };
    })
    .filter((c): c is { colId: string; texto: string } => c !== null);
  if (chips.length === 0) return null;
  return (
    <div className={classes.chips} aria-label="Filtros aplicados" role="group">
      {chips.map((c) => (
        <span key={c.colId} className={classes.chip}>
          {c.texto}
          <CloseButton size="xs" aria-label={`Quitar filtro ${c.texto}`} onClick={() => onQuitar(c.colId)} />
        </span>
      ))}
    </div>
  );
}
