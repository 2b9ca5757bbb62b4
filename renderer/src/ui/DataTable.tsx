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
import {
  ActionIcon,
  Button,
  Checkbox,
  CloseButton,
  Loader,
  Popover,
  Radio,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  IconArrowDown,
  IconArrowUp,
  IconColumns3,
  IconFileSpreadsheet,
  IconFilter,
  IconFilterFilled,
  IconSearch,
  IconSelector,
} from '@tabler/icons-react';
import {
  columnVisibilityFeature,
  createSortedRowModel,
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type ColumnVisibilityState,
  type SortFn,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import classes from './DataTable.module.css';
import { fecha, fechaHora, numero, plural, porcentaje } from './formato';
import { coincide, normalizar } from './normalizar';

// ---------------------------------------------------------------------------------------------------
// Public types

export type TipoColumna = 'texto' | 'numero' | 'fecha' | 'fechaHora' | 'porcentaje';
export type ValorCelda = string | number | null | undefined;

export interface OpcionFiltro {
  valor: string;
  etiqueta: string;
}

export interface ColumnaTabla<T> {
  /** Stable id: used for the saved column choice, the sort/filter state and the export. */
  id: string;
  titulo: string;
  /** The raw value: what is sorted, filtered, searched and (formatted by `tipo`) shown. */
  valor: (fila: T) => ValorCelda;
  /** Formats and aligns the value: numbers and percentages to the right, dates as DD/MM/YYYY. */
  tipo?: TipoColumna;
  /** Custom cell (e.g. a `<Semaforo>`). Searching still uses `texto` or the formatted value. */
  celda?: (fila: T) => ReactNode;
  /** Text used for searching, filtering by text and the tooltip, when it differs from the value. */
  texto?: (fila: T) => string;
  /** Sort key when it differs from the value (a folio sorts by year and number, never as text). */
  orden?: (fila: T) => ValorCelda;
  /** Width in px (default depends on `tipo`). */
  ancho?: number;
  /** Takes the remaining width (e.g. "Asunto"), and gives some back on narrow screens. */
  flexible?: boolean;
  /** Narrowest width of a flexible column before the table scrolls sideways (default 60 % of `ancho`). */
  anchoMinimo?: number;
  alinear?: 'izquierda' | 'centro' | 'derecha';
  /** Default true. */
  ordenable?: boolean;
  /** A filter in the column header: free text (accents ignored) or a list of values. */
  filtro?: 'texto' | { opciones: readonly OpcionFiltro[] };
  /** Can be hidden in the column picker (default true). */
  ocultable?: boolean;
  /** Hidden until the user shows it (default false). */
  oculta?: boolean;
  /** Included in the quick search (default true). */
  buscable?: boolean;
}

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

export interface EstadoExportacion<T> extends EstadoTabla {
  /** Ids of the visible columns, in screen order. */
  columnasVisibles: string[];
  /** Client mode only: the rows exactly as shown (filtered and sorted). */
  filas?: readonly T[];
}

export interface EstadoVacio {
  titulo?: string;
  /** What to do next: "Registre el primer asunto con Ctrl+N." */
  mensaje: string;
  accion?: { etiqueta: string; onClick: () => void };
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

// ---------------------------------------------------------------------------------------------------
// Helpers

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnVisibilityFeature,
});
type Features = typeof features;

const ANCHO_POR_TIPO: Record<TipoColumna, number> = {
  texto: 180,
  numero: 110,
  fecha: 110,
  fechaHora: 150,
  porcentaje: 100,
};
const ALTO_ENCABEZADO = 36;

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

function formatear(tipo: TipoColumna | undefined, v: ValorCelda): string {
  if (v === null || v === undefined || v === '') return '';
  switch (tipo) {
    case 'numero':
      return typeof v === 'number' ? numero(v) : String(v);
    case 'porcentaje':
      return typeof v === 'number' ? porcentaje(v) : String(v);
    case 'fecha':
      return typeof v === 'string' ? fecha(v) : String(v);
    case 'fechaHora':
      return typeof v === 'number' ? fechaHora(v) : String(v);
    default:
      return String(v);
  }
}

export function textoCelda<T>(col: ColumnaTabla<T>, fila: T): string {
  return col.texto ? col.texto(fila) : formatear(col.tipo, col.valor(fila));
}

function alineacion<T>(col: ColumnaTabla<T>): 'izquierda' | 'centro' | 'derecha' {
  if (col.alinear) return col.alinear;
  return col.tipo === 'numero' || col.tipo === 'porcentaje' ? 'derecha' : 'izquierda';
}

function sustantivos(s: DataTableProps<unknown>['sustantivo']): { singular: string; plural: string } {
  if (typeof s !== 'string') return s;
  // Common Spanish plurals: "reuniones" → "reunión", "unidades" → "unidad", "asuntos" → "asunto".
  let singular = s;
  if (/iones$/.test(s)) singular = s.replace(/iones$/, 'ión');
  else if (/[dlrnjz]es$/.test(s)) singular = s.slice(0, -2);
  else if (/s$/.test(s)) singular = s.slice(0, -1);
  return { singular, plural: s };
}

const VACIO: EstadoTabla = { busqueda: '', filtros: {}, orden: [] };

/** The previous reference while the value is structurally the same (small JSON-able values only). */
function useMismoValor<V>(valor: V): V {
  const ref = useRef<{ v: V; json: string } | null>(null);
  const json = JSON.stringify(valor);
  if (!ref.current || ref.current.json !== json) ref.current = { v: valor, json };
  return ref.current.v;
}

function hayFiltros(e: EstadoTabla): boolean {
  return e.busqueda.trim() !== '' || Object.values(e.filtros).some((v) => v !== '');
}

/** What identifies a set of columns for caching: ids and flags (functions cannot be compared). */
function firmaColumnas<T>(columnas: readonly ColumnaTabla<T>[]): string {
  return columnas
    .map((c) => `${c.id}:${c.oculta ? 1 : 0}${c.ocultable === false ? 0 : 1}${c.buscable === false ? 0 : 1}${c.ordenable === false ? 0 : 1}`)
    .join('|');
}

/** Column visibility, remembered in localStorage under the table id. */
function useVisibilidad<T>(id: string, columnas: readonly ColumnaTabla<T>[], firma: string) {
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

// ---------------------------------------------------------------------------------------------------
// Component

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
  const [interno, setInterno] = useState<EstadoTabla>(() => ({ ...VACIO, ...props.estadoInicial }));
  // Stable identities even if the parent passes new objects on every render (no needless re-sorting).
  const filtrosActuales = useMismoValor(props.estado?.filtros ?? interno.filtros);
  const ordenActual = useMismoValor(props.estado?.orden ?? interno.orden);
  const estado: EstadoTabla = {
    busqueda: props.estado?.busqueda ?? interno.busqueda,
    filtros: filtrosActuales,
    orden: ordenActual,
  };
  const estadoRef = useRef(estado);
  estadoRef.current = estado;
  const onEstadoChangeRef = useRef(props.onEstadoChange);
  onEstadoChangeRef.current = props.onEstadoChange;

  const cambiarEstado = useCallback((parcial: Partial<EstadoTabla>) => {
    const nuevo = { ...estadoRef.current, ...parcial };
    estadoRef.current = nuevo;
    setInterno(nuevo);
    onEstadoChangeRef.current?.(nuevo);
  }, []);

  // The search box answers at once; the table (or the core) is asked after a short pause.
  const [textoBusqueda, setTextoBusqueda] = useState(estado.busqueda);
  useEffect(() => setTextoBusqueda(estado.busqueda), [estado.busqueda]);
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
  }, [firma]);

  const datos = useMemo<readonly T[]>(() => {
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
  }, [servidor, filas, estado.busqueda, estado.filtros, textoBuscable]);

  // --- TanStack table: sorting and visibility ----------------------------------------------------
  const defs = useMemo<ColumnDef<Features, T, any>[]>(
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
  const hayFlexible = columnasVisibles.some((c) => c.flexible);
  const minimo = (c: ColumnaTabla<T>) => {
    const w = c.ancho ?? ANCHO_POR_TIPO[c.tipo ?? 'texto'];
    return c.flexible ? Math.min(w, c.anchoMinimo ?? Math.round(w * 0.6)) : w;
  };
  const estilos = useMemo(() => {
    const m = new Map<string, CSSProperties>();
    columnasVisibles.forEach((c, i) => {
      const w = c.ancho ?? ANCHO_POR_TIPO[c.tipo ?? 'texto'];
      const crece = c.flexible || (!hayFlexible && i === columnasVisibles.length - 1);
      m.set(c.id, { flex: `${crece ? 1 : 0} ${c.flexible ? 1 : 0} ${w}px`, width: w, minWidth: minimo(c) });
    });
    return m;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columnasVisibles.map((c) => c.id).join('|'), firma, hayFlexible]);
  const anchoMinimo = columnasVisibles.reduce((s, c) => s + minimo(c), 0);

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

  // Back to the top when what is listed changes (search, filters, order).
  const consulta = `${estado.busqueda}\u0001${JSON.stringify(estado.filtros)}\u0001${JSON.stringify(estado.orden)}`;
  const consultaPrevia = useRef(consulta);
  useEffect(() => {
    if (consultaPrevia.current !== consulta) {
      consultaPrevia.current = consulta;
      scrollRef.current?.scrollTo?.({ top: 0 });
    }
  }, [consulta]);

  // Server mode: ask for the next page when nearing the end of the loaded rows.
  const ultimo = items.length > 0 ? items[items.length - 1]!.index : -1;
  // Asked once per length of the loaded list (a parent re-rendering with a new callback, or React's
  // development double effects, never trigger duplicate page requests).
  const onCargarMasRef = useRef(onCargarMas);
  onCargarMasRef.current = onCargarMas;
  const pedidoPara = useRef<string | null>(null);
  useEffect(() => {
    if (!servidor || !hayMas || cargando || rows.length === 0 || ultimo < rows.length - 20) return;
    const llave = `${consulta}\u0002${rows.length}`;
    if (pedidoPara.current === llave) return;
    pedidoPara.current = llave;
    onCargarMasRef.current?.();
  }, [servidor, hayMas, cargando, rows.length, ultimo, consulta]);

  // --- keyboard and selection -------------------------------------------------------------------
  const [activaId, setActivaId] = useState<string | null>(seleccionadaId ?? null);
  useEffect(() => {
    if (seleccionadaId !== undefined) setActivaId(seleccionadaId);
  }, [seleccionadaId]);
  const indiceActiva = activaId === null ? -1 : rows.findIndex((r) => r.id === activaId);

  const activar = (i: number, avisar: boolean) => {
    if (rows.length === 0) return;
    const j = Math.max(0, Math.min(rows.length - 1, i));
    const row = rows[j]!;
    setActivaId(row.id);
    virtualizer.scrollToIndex(j, { align: 'auto' });
    if (avisar) onSeleccionar?.(row.original);
  };

  const alTeclear = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (ev.target !== ev.currentTarget) return; // keys inside header buttons keep their meaning
    const porPagina = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - ALTO_ENCABEZADO) / alturaFila) - 1);
    const actual = indiceActiva;
    let destino: number | null = null;
    switch (ev.key) {
      case 'ArrowDown':
        destino = actual < 0 ? 0 : actual + 1;
        break;
      case 'ArrowUp':
        destino = actual < 0 ? 0 : actual - 1;
        break;
      case 'PageDown':
        destino = (actual < 0 ? 0 : actual) + porPagina;
        break;
      case 'PageUp':
        destino = (actual < 0 ? 0 : actual) - porPagina;
        break;
      case 'Home':
        destino = 0;
        break;
      case 'End':
        destino = rows.length - 1;
        break;
      case 'Enter':
      case ' ': {
        const row = actual >= 0 ? rows[actual] : undefined;
        if (row) {
          ev.preventDefault();
          if (ev.key === 'Enter') onAbrir?.(row.original);
          else onSeleccionar?.(row.original);
        }
        return;
      }
      default:
        return;
    }
    ev.preventDefault();
    activar(destino, true);
  };

  // `/` focuses the search box.
  const busquedaRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!atajoBusqueda) return;
    const h = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      e.preventDefault();
      busquedaRef.current?.focus();
      busquedaRef.current?.select();
    };
    document.addEventListener('keydown', h);
    return () => document.removeEventListener('keydown', h);
  }, [atajoBusqueda]);

  // --- derived texts -----------------------------------------------------------------------------
  const filtrando = hayFiltros(estado);
  const totalLista = servidor ? (total ?? filas.length) : filas.length;
  const conteo = servidor ? (
    <span className={classes.conteo} aria-live="polite">
      <strong>{numero(totalLista)}</strong> {totalLista === 1 ? nombres.singular : nombres.plural}
    </span>
  ) : filtrando ? (
    <span className={classes.conteo} aria-live="polite">
      <strong>{numero(rows.length)}</strong> de {plural(totalLista, nombres.singular, nombres.plural)}
    </span>
  ) : (
    <span className={classes.conteo} aria-live="polite">
      <strong>{numero(totalLista)}</strong> {totalLista === 1 ? nombres.singular : nombres.plural}
    </span>
  );

  const quitarFiltros = () => {
    setTextoBusqueda('');
    buscarPronto.cancel();
    cambiarEstado({ busqueda: '', filtros: {} });
  };

  const chips = Object.entries(estado.filtros)
    .filter(([, v]) => v !== '')
    .map(([colId, v]) => {
      const col = columnasPorId.get(colId);
      if (!col) return null;
      const etiqueta =
        typeof col.filtro === 'object' ? (col.filtro.opciones.find((o) => o.valor === v)?.etiqueta ?? v) : `“${v}”`;
      return { colId, texto: `${col.titulo}: ${etiqueta}` };
    })
    .filter((c): c is { colId: string; texto: string } => c !== null);

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
        <TextInput
          ref={busquedaRef}
          className={classes.busqueda}
          size="sm"
          leftSection={<IconSearch size={16} stroke={1.8} />}
          placeholder={props.placeholderBusqueda ?? `Buscar ${nombres.plural}…`}
          aria-label={`Buscar ${nombres.plural}`}
          value={textoBusqueda}
          onChange={(e) => {
            setTextoBusqueda(e.currentTarget.value);
            buscarPronto(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && textoBusqueda) {
              e.preventDefault();
              e.stopPropagation();
              setTextoBusqueda('');
              buscarPronto.cancel();
              cambiarEstado({ busqueda: '' });
            } else if (e.key === 'Enter') {
              buscarPronto.cancel();
              cambiarEstado({ busqueda: textoBusqueda });
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              scrollRef.current?.focus();
              if (indiceActiva < 0) activar(0, true);
            }
          }}
          rightSection={
            textoBusqueda ? (
              <CloseButton
                size="sm"
                aria-label="Borrar búsqueda"
                onClick={() => {
                  setTextoBusqueda('');
                  buscarPronto.cancel();
                  cambiarEstado({ busqueda: '' });
                }}
              />
            ) : atajoBusqueda ? (
              <kbd aria-hidden="true" style={{ fontSize: 11, color: 'var(--mantine-color-gray-5)', fontFamily: 'inherit' }}>
                /
              </kbd>
            ) : null
          }
        />
        {filtrosExtra}
        {chips.length > 0 && (
          <div className={classes.chips} aria-label="Filtros aplicados" role="group">
            {chips.map((c) => (
              <span key={c.colId} className={classes.chip}>
                {c.texto}
                <CloseButton
                  size="xs"
                  aria-label={`Quitar filtro ${c.texto}`}
                  onClick={() => {
                    const f = { ...estadoRef.current.filtros };
                    delete f[c.colId];
                    cambiarEstado({ filtros: f });
                  }}
                />
              </span>
            ))}
          </div>
        )}
        {filtrando && (
          <Button variant="subtle" size="compact-sm" onClick={quitarFiltros}>
            Quitar filtros
          </Button>
        )}
        <div className={classes.espaciador} />
        {conteo}
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
          <div role="rowgroup" className={classes.encabezado} style={{ minWidth: anchoMinimo, height: ALTO_ENCABEZADO }}>
            <div role="row" aria-rowindex={1} style={{ display: 'flex', width: '100%' }}>
              {visibles.map((colT, i) => {
                const col = columnasVisibles[i]!;
                const dir = colT.getIsSorted();
                const puedeOrdenar = colT.getCanSort();
                const indiceOrden = estado.orden.length > 1 && dir ? colT.getSortIndex() + 1 : null;
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
                        valor={estado.filtros[col.id] ?? ''}
                        onCambiar={(v) => {
                          const f = { ...estadoRef.current.filtros };
                          if (v === '') delete f[col.id];
                          else f[col.id] = v;
                          cambiarEstado({ filtros: f });
                        }}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          </div>

          <div
            role="rowgroup"
            className={classes.cuerpo}
            style={{ height: virtualizer.getTotalSize(), minWidth: anchoMinimo }}
          >
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const f = row.original;
              const seleccionada = row.id === (seleccionadaId ?? activaId);
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
                  onClick={() => {
                    setActivaId(row.id);
                    onSeleccionar?.(f);
                  }}
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
        </div>

        {rows.length === 0 && (
          <div className={classes.estado} style={{ top: ALTO_ENCABEZADO }}>
            {cargando ? (
              <>
                <Loader size="sm" />
                <Text size="sm" c="dimmed">
                  Cargando {nombres.plural}…
                </Text>
              </>
            ) : filtrando ? (
              <>
                <Text fw={600}>Ningún resultado</Text>
                <Text size="sm" c="dimmed" maw={440}>
                  {`No hay ${nombres.plural} que coincidan con la búsqueda o los filtros aplicados.`}
                </Text>
                <Button variant="light" size="sm" onClick={quitarFiltros}>
                  Quitar filtros
                </Button>
              </>
            ) : (
              <>
                <Text fw={600}>{vacio?.titulo ?? `No hay ${nombres.plural}`}</Text>
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
        )}
      </div>

      <div className={classes.pie} aria-hidden="true">
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd> moverse
        </span>
        {onAbrir && (
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
        {servidor && hayMas && (
          <span style={{ marginLeft: 'auto' }}>
            {`Mostrando ${numero(rows.length)} de ${numero(totalLista)}; se cargan más al desplazarse.`}
          </span>
        )}
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------
// Column filter (header popover)

function FiltroColumna<T>({
  columna,
  valor,
  onCambiar,
}: {
  columna: ColumnaTabla<T>;
  valor: string;
  onCambiar: (v: string) => void;
}) {
  const [abierto, setAbierto] = useState(false);
  const [borrador, setBorrador] = useState(valor);
  useEffect(() => setBorrador(valor), [valor]);
  const activo = valor !== '';
  const Icono = activo ? IconFilterFilled : IconFilter;

  return (
    <Popover opened={abierto} onChange={setAbierto} position="bottom-start" shadow="md" width={260} trapFocus withArrow>
      <Popover.Target>
        <ActionIcon
          variant={activo ? 'light' : 'subtle'}
          color={activo ? undefined : 'gray'}
          size="sm"
          aria-label={`Filtrar por ${columna.titulo}${activo ? ' (filtro aplicado)' : ''}`}
          onClick={() => setAbierto((o) => !o)}
          style={{ flex: 'none' }}
        >
          <Icono size={13} stroke={1.8} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onCambiar(borrador.trim());
            setAbierto(false);
          }}
        >
          <Stack gap="xs">
            {columna.filtro === 'texto' ? (
              <TextInput
                label={`${columna.titulo} contiene`}
                size="sm"
                data-autofocus
                value={borrador}
                onChange={(e) => setBorrador(e.currentTarget.value)}
              />
            ) : (
              <Radio.Group
                label={columna.titulo}
                value={borrador || ''}
                onChange={(v) => {
                  setBorrador(v);
                  onCambiar(v);
                  setAbierto(false);
                }}
              >
                <Stack gap={6} mt={6} mah={280} style={{ overflowY: 'auto' }}>
                  <Radio value="" label="Todos" size="sm" data-autofocus={!valor || undefined} />
                  {(columna.filtro as { opciones: readonly OpcionFiltro[] }).opciones.map((o) => (
                    <Radio
                      key={o.valor}
                      value={o.valor}
                      label={o.etiqueta}
                      size="sm"
                      data-autofocus={valor === o.valor || undefined}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            {columna.filtro === 'texto' && (
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  color="gray"
                  onClick={() => {
                    setBorrador('');
                    onCambiar('');
                    setAbierto(false);
                  }}
                >
                  Quitar
                </Button>
                <Button type="submit" size="compact-sm">
                  Aplicar
                </Button>
              </div>
            )}
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

// ---------------------------------------------------------------------------------------------------
// Column picker

function SelectorColumnas<T>({
  columnas,
  visibilidad,
  onCambiar,
  onRestablecer,
}: {
  columnas: readonly ColumnaTabla<T>[];
  visibilidad: ColumnVisibilityState;
  onCambiar: (id: string, visible: boolean) => void;
  onRestablecer: () => void;
}) {
  const visiblesCount = columnas.filter((c) => visibilidad[c.id] !== false).length;
  return (
    <Popover position="bottom-end" shadow="md" width={250} trapFocus withArrow>
      <Popover.Target>
        <Button variant="default" size="sm" leftSection={<IconColumns3 size={17} stroke={1.7} />}>
          Columnas
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={8}>
          Columnas visibles
        </Text>
        <Stack gap={8} role="group" aria-label="Columnas visibles">
          {columnas.map((c) => {
            const visible = visibilidad[c.id] !== false;
            return (
              <Checkbox
                key={c.id}
                size="sm"
                label={c.titulo}
                checked={visible}
                disabled={c.ocultable === false || (visible && visiblesCount === 1)}
                onChange={(e) => onCambiar(c.id, e.currentTarget.checked)}
              />
            );
          })}
        </Stack>
        <Button variant="subtle" size="compact-sm" color="gray" mt="sm" onClick={onRestablecer}>
          Restablecer
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
