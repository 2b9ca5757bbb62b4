/**
 * The list every module uses: sticky header, sortable columns (click, Enter/Space; Shift adds a
 * second sort), a quick search and per-column filters shown as chips, virtualized rows (100k stay
 * smooth), a column picker remembered per table, a count line, keyboard navigation (↑ ↓ Re Pág Av
 * Pág Inicio Fin, Enter opens), empty and loading states, and "Exportar a Excel" that receives
 * exactly what is on screen (filters, order, visible columns).
 *
 * Two modes:
 * - `cliente` (default): `filas` holds every row; searching, filtering and sorting happen here.
 * - `servidor`: the core pages, filters and sorts. `filas` holds the rows loaded so far (in the
 *   order the core returned them), `total` the count matching the filters; `onEstadoChange`
 *   tells the parent to ask again, and `onCargarMas` asks for the next page when the user scrolls
 *   near the end of what is loaded.
 */
import { Button } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { functionalUpdate, useTable, type RowData, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { CajaBusqueda } from './CajaBusqueda';
import { ChipsFiltros } from './ChipsFiltros';
import { ConteoTabla, sustantivos } from './ConteoTabla';
import { CuerpoTabla } from './CuerpoTabla';
import classes from './DataTable.module.css';
import { useDesplazamiento } from './desplazamientoTabla';
import { EncabezadoTabla } from './EncabezadoTabla';
import { PieTabla } from './PieTabla';
import { SelectorColumnas } from './SelectorColumnas';
import { ALTO_ENCABEZADO, firmaColumnas, useAnchosColumnas, type ColumnaTabla } from './tablaColumnas';
import { ESTADO_VACIO, hayFiltros, useFilasFiltradas, useMismoValor, type EstadoTabla } from './tablaEstado';
import { features, useDefinicionesOrden, type Features } from './tablaOrden';
import { TablaSinFilas, type EstadoVacio } from './TablaSinFilas';
import { useAtajoBusqueda, useNavegacionTeclado } from './tecladoTabla';
import { useVisibilidad } from './visibilidadColumnas';

// Direct importers of this file (and ui/index.ts) see the whole table API here.
export { textoCelda } from './tablaColumnas';
export type { ColumnaTabla, OpcionFiltro, TipoColumna, ValorCelda } from './tablaColumnas';
export { claveOrden } from './tablaOrden';
export type { EstadoTabla, OrdenColumna } from './tablaEstado';
export type { EstadoVacio } from './TablaSinFilas';

export interface EstadoExportacion<T> extends EstadoTabla {
  /** Ids of the visible columns, in screen order. */
  columnasVisibles: string[];
  /** Client mode only: the rows exactly as shown (filtered and sorted). */
  filas?: readonly T[];
}

export interface DataTableProps<T> {
  /** Identifies the table: its column choice is remembered under this id. */
  id: string;
  /** Keep the array stable (module constant or useMemo): a new array rebuilds the table. */
  columnas: readonly ColumnaTabla<T>[];
  filas: readonly T[];
  idFila: (fila: T) => string;
  /** Plural noun for the count ("asuntos"), or both forms for correct singular. */
  sustantivo: string | { singular: string; plural: string };
  /** Accessible name of the grid (default: the noun). */
  etiqueta?: string;

  /** Controlled state (any part); omitted parts are kept inside the table. */
  estado?: Partial<EstadoTabla>;
  estadoInicial?: Partial<EstadoTabla>;
  /** Every change of search, filters or order (debounced for typing). */
  onEstadoChange?: (estado: EstadoTabla) => void;

  modo?: 'cliente' | 'servidor';
  /** Server mode: rows matching the current filters in the core. */
  total?: number;
  /** Server mode: more rows can be loaded. */
  hayMas?: boolean;
  /** Server mode: load the next page (called when the user nears the end of the loaded rows). */
  onCargarMas?: () => void;

  /** Highlighted row (e.g. the one open in the side panel). */
  seleccionadaId?: string | null;
  /** Click, or ↑ ↓ with the keyboard. */
  onSeleccionar?: (fila: T) => void;
  /** Double click, or Enter. */
  onAbrir?: (fila: T) => void;

  cargando?: boolean;
  vacio?: EstadoVacio;

  /** Shows "Exportar a Excel"; receives what is on screen. */
  onExportar?: (estado: EstadoExportacion<T>) => void;
  exportando?: boolean;

  /** Extra buttons at the right of the toolbar ("Registrar asunto"). */
  acciones?: ReactNode;
  /** Extra filters at the left of the toolbar (date range…), after the search box. */
  filtrosExtra?: ReactNode;
  placeholderBusqueda?: string;
  /** `/` focuses the search box (default true; turn off for secondary tables). */
  atajoBusqueda?: boolean;
  /** Height of the whole component (default 100%: give the parent a height). */
  altura?: number | string;
  /** Row height in px (default 34). */
  alturaFila?: number;
}

export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const {
    id,
    columnas,
    filas,
    idFila,
    modo = 'cliente',
    total,
    hayMas = false,
    onCargarMas,
    seleccionadaId,
    onSeleccionar,
    onAbrir,
    cargando = false,
    vacio,
    onExportar,
    exportando = false,
    acciones,
    filtrosExtra,
    atajoBusqueda = true,
    altura = '100%',
    alturaFila = 34,
  } = props;
  const nombres = sustantivos(props.sustantivo);
  const servidor = modo === 'servidor';
  const domId = useId().replace(/:/g, '');

  // --- state: search, filters, order -------------------------------------------------------------
  const [interno, setInterno] = useState<EstadoTabla>(() => ({ ...ESTADO_VACIO, ...props.estadoInicial }));
  // Stable identities even if the parent passes new objects on every render (no needless re-sorting).
  const filtrosActuales = useMismoValor(props.estado?.filtros ?? interno.filtros);
  const ordenActual = useMismoValor(props.estado?.orden ?? interno.orden);
  const estado: EstadoTabla = {
    busqueda: props.estado?.busqueda ?? interno.busqueda,
    filtros: filtrosActuales,
    orden: ordenActual,
  };
  const estadoRef = useRef(estado);
  const busquedaEnviada = useRef(estado.busqueda);
  estadoRef.current = estado;
  const onEstadoChangeRef = useRef(props.onEstadoChange);
  onEstadoChangeRef.current = props.onEstadoChange;

  const cambiarEstado = useCallback((parcial: Partial<EstadoTabla>) => {
    if (parcial.busqueda !== undefined) busquedaEnviada.current = parcial.busqueda;
    const nuevo = { ...estadoRef.current, ...parcial };
    estadoRef.current = nuevo;
    setInterno(nuevo);
    onEstadoChangeRef.current?.(nuevo);
  }, []);

  // The search box answers at once; the table (or the core) is asked after a short pause.
  // Only a search set from outside (the parent, a link) replaces the box's text: the echo of what this box
  // sent arrives a render later, and on a slow machine the person has typed more by then.
  const [textoBusqueda, setTextoBusqueda] = useState(estado.busqueda);
  useEffect(() => {
    if (estado.busqueda !== busquedaEnviada.current) setTextoBusqueda(estado.busqueda);
    busquedaEnviada.current = estado.busqueda;
  }, [estado.busqueda]);
  const buscarPronto = useDebouncedCallback((texto: string) => cambiarEstado({ busqueda: texto }), 200);

  // Caches are keyed by the columns' ids and flags, so a parent that builds `columnas` on every
  // render does not rebuild the table, the search index or the saved column choice each time.
  const firma = firmaColumnas(columnas);
  const columnasRef = useRef(columnas);
  columnasRef.current = columnas;
  const columnasPorId = useMemo(() => new Map(columnas.map((c) => [c.id, c])), [columnas]);
  const columnasPorIdRef = useRef(columnasPorId);
  columnasPorIdRef.current = columnasPorId;

  const { visibilidad, cambiar: cambiarVisibilidad, restablecer: restablecerColumnas } = useVisibilidad(
    id,
    columnas,
    firma,
  );

  // --- rows: client-side search and filters ------------------------------------------------------
  const datos = useFilasFiltradas(filas, estado, servidor, columnasRef, columnasPorIdRef, firma);

  // --- TanStack table: sorting and visibility ----------------------------------------------------
  const defs = useDefinicionesOrden(columnasRef, columnasPorIdRef, firma);

  const sorting: SortingState = estado.orden;
  const table = useTable<Features, T>({
    features,
    columns: defs,
    data: datos,
    getRowId: (fila: T) => idFila(fila),
    state: { sorting, columnVisibility: visibilidad },
    onSortingChange: (u: Updater<SortingState>) => cambiarEstado({ orden: functionalUpdate(u, estadoRef.current.orden) }),
    onColumnVisibilityChange: cambiarVisibilidad,
    manualSorting: servidor,
    enableSortingRemoval: true,
    enableMultiSort: true,
    maxMultiSortColCount: 3,
  });

  const rows = table.getRowModel().rows;
  const visibles = table.getVisibleLeafColumns();
  const columnasVisibles = visibles.map((c) => columnasPorId.get(c.id)!).filter(Boolean);

  // --- geometry ---------------------------------------------------------------------------------
  const { estilos, anchoMinimo } = useAnchosColumnas(columnasVisibles, firma);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => alturaFila,
    getItemKey: (i) => rows[i]?.id ?? i,
    overscan: 12,
    scrollMargin: ALTO_ENCABEZADO,
    scrollPaddingStart: ALTO_ENCABEZADO,
  });
  const items = virtualizer.getVirtualItems();

  useDesplazamiento({
    estado,
    scrollRef,
    ultimo: items.length > 0 ? items[items.length - 1]!.index : -1,
    filasCargadas: rows.length,
    servidor,
    hayMas,
    cargando,
    onCargarMas,
  });

  // --- keyboard and selection -------------------------------------------------------------------
  const { activaId, setActivaId, indiceActiva, activar, alTeclear } = useNavegacionTeclado({
    rows,
    seleccionadaId,
    scrollRef,
    virtualizer,
    alturaFila,
    onSeleccionar,
    onAbrir,
  });
  const busquedaRef = useAtajoBusqueda(atajoBusqueda);

  // --- derived values and actions ---------------------------------------------------------------
  const filtrando = hayFiltros(estado);
  const totalLista = servidor ? (total ?? filas.length) : filas.length;

  const borrarBusqueda = () => {
    setTextoBusqueda('');
    buscarPronto.cancel();
    cambiarEstado({ busqueda: '' });
  };

  const quitarFiltros = () => {
    setTextoBusqueda('');
    buscarPronto.cancel();
    cambiarEstado({ busqueda: '', filtros: {} });
  };

  const exportar = () => {
    onExportar?.({
      ...estadoRef.current,
      columnasVisibles: visibles.map((c) => c.id),
      filas: servidor ? undefined : rows.map((r) => r.original),
    });
  };

  const etiquetaGrid = props.etiqueta ?? nombres.plural.charAt(0).toLocaleUpperCase('es-MX') + nombres.plural.slice(1);

  // --- render ------------------------------------------------------------------------------------
  return (
    <div className={classes.raiz} style={{ height: altura }} data-tabla={id}>
      <div className={classes.barra}>
        <CajaBusqueda
          ref={busquedaRef}
          texto={textoBusqueda}
          placeholder={props.placeholderBusqueda ?? `Buscar ${nombres.plural}…`}
          etiqueta={`Buscar ${nombres.plural}`}
          atajo={atajoBusqueda}
          onEscribir={(texto) => {
            setTextoBusqueda(texto);
            buscarPronto(texto);
          }}
          onBorrar={borrarBusqueda}
          onConfirmar={() => {
            buscarPronto.cancel();
            cambiarEstado({ busqueda: textoBusqueda });
          }}
          onBajar={() => {
            scrollRef.current?.focus();
            if (indiceActiva < 0) activar(0, true);
          }}
        />
        {filtrosExtra}
        <ChipsFiltros
          filtros={estado.filtros}
          columnasPorId={columnasPorId}
          onQuitar={(colId) => {
            const f = { ...estadoRef.current.filtros };
            delete f[colId];
            cambiarEstado({ filtros: f });
          }}
        />
        {filtrando && (
          <Button variant="subtle" size="compact-sm" onClick={quitarFiltros}>
            Quitar filtros
          </Button>
        )}
        <div className={classes.espaciador} />
        <ConteoTabla
          servidor={servidor}
          filtrando={filtrando}
          mostradas={rows.length}
          total={totalLista}
          nombres={nombres}
        />
        <SelectorColumnas
          columnas={columnas}
          visibilidad={visibilidad}
          onCambiar={(colId, v) => cambiarVisibilidad((prev) => ({ ...prev, [colId]: v }))}
          onRestablecer={restablecerColumnas}
        />
        {onExportar && (
          <Button
            variant="default"
            size="sm"
            leftSection={<IconFileSpreadsheet size={17} stroke={1.7} color="#1d6f42" />}
            onClick={exportar}
            loading={exportando}
            disabled={rows.length === 0 && !servidor}
          >
            Exportar a Excel
          </Button>
        )}
        {acciones}
      </div>

      <div className={classes.marco}>
        {cargando && rows.length > 0 && <div className={classes.cargandoLinea} style={{ top: ALTO_ENCABEZADO }} />}
        <div
          ref={scrollRef}
          className={classes.scroll}
          role="grid"
          aria-label={etiquetaGrid}
          aria-rowcount={(servidor ? totalLista : rows.length) + 1}
          aria-colcount={columnasVisibles.length}
          aria-busy={cargando || undefined}
          aria-activedescendant={indiceActiva >= 0 ? `${domId}-f${indiceActiva}` : undefined}
          tabIndex={0}
          onKeyDown={alTeclear}
          style={{ ['--sse-alto-fila' as string]: `${alturaFila}px` }}
        >
          <EncabezadoTabla
            visibles={visibles}
            columnasVisibles={columnasVisibles}
            variosOrdenes={estado.orden.length > 1}
            filtros={estado.filtros}
            estilos={estilos}
            anchoMinimo={anchoMinimo}
            onFiltrar={(colId, v) => {
              const f = { ...estadoRef.current.filtros };
              if (v === '') delete f[colId];
              else f[colId] = v;
              cambiarEstado({ filtros: f });
            }}
          />

          <CuerpoTabla
            items={items}
            rows={rows}
            altoTotal={virtualizer.getTotalSize()}
            anchoMinimo={anchoMinimo}
            domId={domId}
            resaltadaId={seleccionadaId ?? activaId}
            indiceActiva={indiceActiva}
            columnasVisibles={columnasVisibles}
            estilos={estilos}
            alturaFila={alturaFila}
            onClic={(rowId, f) => {
              setActivaId(rowId);
              onSeleccionar?.(f);
            }}
            onAbrir={onAbrir}
          />
        </div>

        {rows.length === 0 && (
          <TablaSinFilas
            cargando={cargando}
            filtrando={filtrando}
            plural={nombres.plural}
            vacio={vacio}
            onQuitarFiltros={quitarFiltros}
          />
        )}
      </div>

      <PieTabla
        abrir={!!onAbrir}
        atajoBusqueda={atajoBusqueda}
        faltan={servidor && hayMas}
        cargadas={rows.length}
        total={totalLista}
      />
    </div>
  );
}
