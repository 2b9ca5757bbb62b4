import { Button, Loader, Text } from '@mantine/core';
import classes from './DataTable.module.css';
import { ALTO_ENCABEZADO } from './tablaColumnas';

export interface EstadoVacio {
  titulo?: string;
  /** What to do next: "Registre el primer asunto con Ctrl+N." */
  mensaje: string;
  accion?: { etiqueta: string; onClick: () => void };
}

/** What the DataTable shows instead of rows: loading, nothing matches the filters, or nothing yet. */
export function TablaSinFilas({
  cargando,
  filtrando,
  plural,
  vacio,
  onQuitarFiltros,
}: {
  cargando: boolean;
  filtrando: boolean;
  /** The rows' plural noun ("asuntos"). */
  plural: string;
  vacio: EstadoVacio | undefined;
  onQuitarFiltros: () => void;
}) {
  return (
    <div className={classes.estado} style={{ top: ALTO_ENCABEZADO }}>
      {cargando ? (
        <>
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Cargando {plural}…
          </Text>
        </>
      ) : filtrando ? (
        <>
          <Text fw={600}>Ningún resultado</Text>
          <Text size="sm" c="dimmed" maw={440}>
            {`No hay ${plural} que coincidan con la búsqueda o los filtros aplicados.`}
          </Text>
          <Button variant="light" size="sm" onClick={onQuitarFiltros}>
            Quitar filtros
          </Button>
        </>
      ) : (
        <>
          <Text fw={600}>{vacio?.titulo ?? `No hay ${plural}`}</Text>
          {vacio?.mensaje && (
            <Text size="sm" c="dimmed" maw={440}>
              {vacio.mensaje}
            </Text>
          )}
          {vacio?.accion && (
            <Button size="sm" onClick={vacio.accion.onClick}>
              {vacio.accion.etiqueta}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
