/**
 * Correspondencia › Bandeja: the asuntos paged by the core (100k rows), filters as chips kept in the
 * URL, accent-insensitive full-text search, "export what I see", and the detail in a side panel.
 */
import { Badge, Box, Button, Chip, Drawer, Group, NumberInput, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import type { Input } from '../../../../electron/contract';
import { COLUMNAS_LISTADO, type ColumnaListado } from '../../../../electron/contract/correspondencia';
import {
  CampoFecha,
  ChipFiltro,
  DataTable,
  Progreso,
  Semaforo,
  avisarError,
  avisarExito,
  fecha,
  plural,
  useEstadoTablaEnUrl,
  type ColumnaTabla,
  type EstadoTabla,
} from '../../ui';
import { DetalleAsunto } from './Detalle';
import { VistaPrevia } from './VistaPrevia';
import { LineaCoincidencia, type Coincidencia } from '../ocr/Coincidencia';
import { ETIQUETAS, Pestanas, opciones, usePuede, useCatalogos, type FilaAsunto } from './comun';

type Filtros = Input<'correspondencia.bandeja'>;
const PAGINA = 50;

function columnas(
  dependencias: { value: string; label: string }[],
  enAnexos: Map<string, Coincidencia>,
  abrirPagina: (c: Coincidencia) => void,
): ColumnaTabla<FilaAsunto>[] {
  return [
    { id: 'folio', titulo: 'Folio', valor: (f) => f.folio, orden: (f) => f.anio * 1e9 + f.numero, ancho: 120 },
    { id: 'recepcion', titulo: 'Recepción', valor: (f) => f.recibido, tipo: 'fechaHora', ancho: 122 },
    { id: 'remitente', titulo: 'Remitente', valor: (f) => f.remitente, texto: (f) => `${f.remitente} ${f.remitenteOrganizacion}`, ordenable: false, ancho: 170 },
    {
      id: 'asunto',
      titulo: 'Asunto',
      valor: (f) => f.asunto,
      flexible: true,
      ordenable: false,
      // Urgentes at a glance: the word, in red, before the text (also readable in black and white).
      // Found by the text of a scan: where (anexo, page) and the snippet, under the asunto.
      celda: (f) => {
        const urgente = f.prioridad === 'urgente' && (
          <Badge color="red" variant="filled" size="xs" mr={6} style={{ verticalAlign: 'middle' }}>Urgente</Badge>
        );
        const c = enAnexos.get(f.id);
        if (!c) return <span>{urgente}{f.asunto}</span>;
        return (
          <Box style={{ minWidth: 0 }}>
            <Text size="sm" truncate="end">{urgente}{f.asunto}</Text>
            <LineaCoincidencia c={c} alAbrir={abrirPagina} />
          </Box>
        );
      },
    },
    {
      id: 'estatus',
      titulo: 'Estatus',
      valor: (f) => ETIQUETAS.estatusAsunto[f.estatus],
      celda: (f) => <Semaforo color={f.semaforoEstatus.color} texto={f.semaforoEstatus.etiqueta} motivo={f.semaforoEstatus.motivo} />,
      ordenable: false,
      filtro: { opciones: opciones.estatus.map((o) => ({ valor: o.value, etiqueta: o.label })) },
      ancho: 118,
    },
    {
      id: 'turnadoA',
      titulo: 'Turnado a',
      valor: (f) => f.turnadoA,
      ordenable: false,
      filtro: { opciones: dependencias.map((d) => ({ valor: d.value, etiqueta: d.label })) },
      ancho: 120,
    },
    {
      id: 'semaforo',
      titulo: 'Semáforo',
      valor: (f) => f.semaforoPlazo.etiqueta,
      celda: (f) => <Semaforo color={f.semaforoPlazo.color} texto={f.semaforoPlazo.etiqueta} motivo={f.semaforoPlazo.motivo} />,
      ordenable: false,
      ancho: 112,
    },
    { id: 'plazo', titulo: 'Plazo', valor: (f) => f.fechaLimite, tipo: 'fecha', ordenable: false, ancho: 96 },
    { id: 'tipo', titulo: 'Tipo', valor: (f) => ETIQUETAS.tipo[f.tipo], ordenable: false, filtro: { opciones: opciones.tipo.map((o) => ({ valor: o.value, etiqueta: o.label })) }, ancho: 120, oculta: true },
    { id: 'prioridad', titulo: 'Prioridad', valor: (f) => ETIQUETAS.prioridad[f.prioridad], ordenable: false, filtro: { opciones: opciones.prioridad.map((o) => ({ valor: o.value, etiqueta: o.label })) }, ancho: 100, oculta: true },
    { id: 'destinatario', titulo: 'Destinatario', valor: (f) => ETIQUETAS.destinatario[f.destinatario], ordenable: false, filtro: { opciones: opciones.destinatario.map((o) => ({ valor: o.value, etiqueta: o.label })) }, ancho: 150, oculta: true },
    { id: 'horas', titulo: 'Horas para turnar', valor: (f) => f.horasParaTurnar, tipo: 'numero', ordenable: false, ancho: 110, oculta: true },
  ];
}

/** Table state + the extra URL filters → the core's filter object (the same for page and export). */
function aFiltros(e: EstadoTabla, p: URLSearchParams): Omit<Filtros, 'limite' | 'desplazamiento'> {
  const o = e.orden[0];
  const orden = !o ? 'folio_desc' : o.id === 'recepcion' ? (o.desc ? 'recepcion_desc' : 'recepcion_asc') : o.desc ? 'folio_desc' : 'folio_asc';
  const n = (k: string) => (p.get(k) ? Number(p.get(k)) : null);
  return {
    texto: e.busqueda || undefined,
    estatus: e.filtros.estatus ? (e.filtros.estatus.split(',') as never) : undefined,
    dependenciaId: e.filtros.turnadoA || null,
    tipo: (e.filtros.tipo as never) || null,
    prioridad: (e.filtros.prioridad as never) || null,
    destinatario: (e.filtros.destinatario as never) || null,
    anio: n('anio'),
    serieId: p.get('serie') || null,
    municipioClave: p.get('municipio') || null,
    serieDocumentalId: p.get('serieDoc') || null,
    remitente: p.get('remitente') || undefined,
    desde: p.get('desde') || null,
    hasta: p.get('hasta') || null,
    vencidos: p.get('vencidos') === '1' || undefined,
    plazo: (p.get('plazo') as 'en_riesgo' | 'a_tiempo' | null) || null,
    en48h: (p.get('en48h') as 'si' | 'no' | null) || null,
    orden,
  };
}

export function Bandeja() {
  const cat = useCatalogos();
  const puede = usePuede();
  const ir = useNavigate();
  const [estado, setEstado] = useEstadoTablaEnUrl();
  const [params, setParams] = useSearchParams();
  const [filas, setFilas] = useState<FilaAsunto[]>([]);
  const [total, setTotal] = useState(0);
  const [cargando, setCargando] = useState(true);
  const [seleccionada, setSeleccionada] = useState<string | null>(null);
  const [exportando, setExportando] = useState<{ fraccion: number | null; texto: string } | null>(null);
  const consulta = useRef(0);

  const dependencias = useMemo(() => (cat?.dependencias ?? []).map((d) => ({ value: d.id, label: d.siglas ? `${d.siglas} — ${d.nombre}` : d.nombre })), [cat]);
  const [enAnexos, setEnAnexos] = useState(new Map<string, Coincidencia>());
  const [pagina, setPagina] = useState<Coincidencia | null>(null);
  const cols = useMemo(() => columnas(dependencias, enAnexos, setPagina), [dependencias, enAnexos]);
  // Matches inside anexos for the rows shown (only when searching).
  useEffect(() => {
    const texto = estado.busqueda.trim();
    if (!texto || !filas.length) {
      setEnAnexos(new Map());
      return;
    }
    let vivo = true;
    api
      .llamar('ocr.coincidencias', { texto, asuntoIds: filas.slice(0, 200).map((f) => f.id) })
      .then((cs) => vivo && setEnAnexos(new Map(cs.map((c) => [c.asuntoId, c]))))
      .catch(() => vivo && setEnAnexos(new Map()));
    return () => {
      vivo = false;
    };
  }, [filas, estado.busqueda]);
  const filtros = useMemo(() => aFiltros(estado, params), [estado, params]);
  const clave = JSON.stringify(filtros);

  const cargar = useCallback(
    async (desde: number) => {
      const n = ++consulta.current;
      setCargando(true);
      try {
        const r = await api.llamar('correspondencia.bandeja', { ...filtros, limite: PAGINA, desplazamiento: desde });
        if (n !== consulta.current) return;
        setFilas((previas) => (desde === 0 ? r.filas : [...previas, ...r.filas]));
        setTotal(r.total);
      } catch (e) {
        avisarError(e);
      } finally {
        if (n === consulta.current) setCargando(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [clave],
  );
  useEffect(() => {
    void cargar(0);
  }, [cargar]);
  useAlCambiar(() => void cargar(0), ['asuntos', 'turnos']);

  const ponerParam = (k: string, v: string | null) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (v) q.set(k, v);
        else q.delete(k);
        return q;
      },
      { replace: true },
    );

  /** Tipo and prioridad live with their column filters (one source for the chips and the URL). */
  const ponerFiltroColumna = (id: string, v: string | null) => {
    const filtros = { ...estado.filtros };
    if (v) filtros[id] = v;
    else delete filtros[id];
    setEstado({ ...estado, filtros });
  };

  const exportar = async (visibles: string[]) => {
    const tarea = `exportar-asuntos-${Date.now()}`;
    const columnas = visibles.filter((c): c is ColumnaListado => (COLUMNAS_LISTADO as readonly string[]).includes(c));
    setExportando({ fraccion: null, texto: 'Preparando…' });
    const dejar = api.alProgresar((p) => p.tarea === tarea && setExportando({ fraccion: p.fraccion, texto: p.texto }));
    try {
      const r = await api.llamar('correspondencia.exportar.asuntos', { ...filtros, tarea, columnas });
      await api.descargar(r.archivoId, r.nombre);
      avisarExito(`Se exportaron ${plural(r.filas, 'asunto', 'asuntos')} a Excel.`);
    } catch (e) {
      avisarError(e, 'No se pudo exportar');
    } finally {
      dejar();
      setExportando(null);
    }
  };

  // Ctrl+N (Registrar) is the module's, in app/atajos.tsx.

  const anioActual = new Date().getFullYear();
  const nombreSerie = (id: string) => cat?.series.find((s) => s.id === id)?.nombre ?? 'Serie';
  const activos: { clave: string; texto: string }[] = [
    params.get('anio') && { clave: 'anio', texto: `Año ${params.get('anio')}` },
    params.get('serie') && { clave: 'serie', texto: `Serie de folios: ${nombreSerie(params.get('serie')!)}` },
    params.get('municipio') && { clave: 'municipio', texto: `Municipio: ${cat?.municipios.find((m) => m.clave === params.get('municipio'))?.nombre ?? params.get('municipio')}` },
    params.get('remitente') && { clave: 'remitente', texto: `Remitente: “${params.get('remitente')}”` },
    params.get('serieDoc') && { clave: 'serieDoc', texto: `Serie documental: ${cat?.seriesDocumentales.find((s) => s.id === params.get('serieDoc'))?.nombre ?? ''}` },
    params.get('desde') && { clave: 'desde', texto: `Desde ${fecha(params.get('desde'))}` },
    params.get('hasta') && { clave: 'hasta', texto: `Hasta ${fecha(params.get('hasta'))}` },
    params.get('vencidos') === '1' && { clave: 'vencidos', texto: 'Vencidos' },
    params.get('plazo') && { clave: 'plazo', texto: `Plazo: ${params.get('plazo') === 'en_riesgo' ? 'En riesgo' : 'A tiempo'}` },
    params.get('en48h') && { clave: 'en48h', texto: params.get('en48h') === 'si' ? 'Turnado en 48 h' : 'No turnado en 48 h' },
  ].filter(Boolean) as { clave: string; texto: string }[];
  const extra = (
    <Group gap={6} wrap="wrap">
      <Popover position="bottom-start" shadow="md" withinPortal>
        <Popover.Target>
          <Button size="xs" variant="default" leftSection={<IconAdjustmentsHorizontal size={14} />}>
            Más filtros
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" w={260}>
            <NumberInput size="xs" label="Año del folio" placeholder="Todos" min={2000} max={anioActual + 1} value={params.get('anio') ?? ''} onChange={(v) => ponerParam('anio', v === '' ? null : String(v))} />
            <Select size="xs" label="Tipo de documento" placeholder="Todos" clearable comboboxProps={{ withinPortal: false }} data={opciones.tipo} value={estado.filtros.tipo || null} onChange={(v) => ponerFiltroColumna('tipo', v)} />
            <Select size="xs" label="Municipio" placeholder="Todos" clearable searchable comboboxProps={{ withinPortal: false }} data={(cat?.municipios ?? []).map((m) => ({ value: m.clave, label: m.nombre }))} value={params.get('municipio')} onChange={(v) => ponerParam('municipio', v)} />
            <TextInput size="xs" label="Remitente" placeholder="Nombre u organización" defaultValue={params.get('remitente') ?? ''} key={params.get('remitente') ?? ''} onBlur={(ev) => ponerParam('remitente', ev.currentTarget.value.trim() || null)} onKeyDown={(ev) => ev.key === 'Enter' && ponerParam('remitente', ev.currentTarget.value.trim() || null)} />
            <Select size="xs" label="Serie documental" placeholder="Todas" clearable searchable comboboxProps={{ withinPortal: false }} data={(cat?.seriesDocumentales ?? []).map((s) => ({ value: s.id, label: `${s.clave} ${s.nombre}` }))} value={params.get('serieDoc')} onChange={(v) => ponerParam('serieDoc', v)} />
            <Select size="xs" label="Serie de folios" placeholder="Todas" clearable comboboxProps={{ withinPortal: false }} data={(cat?.series ?? []).map((x) => ({ value: x.id, label: x.nombre }))} value={params.get('serie')} onChange={(v) => ponerParam('serie', v)} />
            <CampoFecha soloValidas size="xs" label="Recibidos desde" popoverProps={{ withinPortal: false }} value={params.get('desde')} onChange={(v) => ponerParam('desde', v)} />
            <CampoFecha soloValidas size="xs" label="Recibidos hasta" popoverProps={{ withinPortal: false }} value={params.get('hasta')} onChange={(v) => ponerParam('hasta', v)} />
            <Select
              size="xs"
              label="Meta de 48 horas"
              placeholder="Todos"
              clearable
              comboboxProps={{ withinPortal: false }}
              data={[
                { value: 'si', label: 'Turnado en 48 h' },
                { value: 'no', label: 'No turnado en 48 h' },
              ]}
              value={params.get('en48h')}
              onChange={(v) => ponerParam('en48h', v)}
            />
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <Chip size="xs" color="red" checked={estado.filtros.prioridad === 'urgente'} onChange={(c) => ponerFiltroColumna('prioridad', c ? 'urgente' : null)}>
        Urgentes
      </Chip>
      <Chip size="xs" checked={params.get('vencidos') === '1'} onChange={(c) => ponerParam('vencidos', c ? '1' : null)}>
        Vencidos
      </Chip>
      {activos
        .filter((a) => a.clave !== 'vencidos')
        .map((a) => (
          <ChipFiltro key={a.clave} size="md" maw={260} quitar={`Quitar filtro ${a.texto}`} alQuitar={() => ponerParam(a.clave, null)}>
            {a.texto}
          </ChipFiltro>
        ))}
    </Group>
  );

  return (
    <Stack h="calc(100vh - 110px)" gap={0}>
      <Pestanas />
      <Box style={{ flex: 1, minHeight: 0 }}>
        <DataTable
          id="correspondencia.bandeja"
          columnas={cols}
          filas={filas}
          idFila={(f) => f.id}
          sustantivo={{ singular: 'asunto', plural: 'asuntos' }}
          modo="servidor"
          total={total}
          hayMas={filas.length < total}
          onCargarMas={() => !cargando && void cargar(filas.length)}
          estado={estado}
          onEstadoChange={setEstado}
          cargando={cargando}
          seleccionadaId={seleccionada}
          onSeleccionar={(f) => setSeleccionada(f.id)}
          onAbrir={(f) => ir(`/correspondencia/asunto/${f.id}`)}
          onExportar={(e) => void exportar(e.columnasVisibles)}
          alturaFila={enAnexos.size ? 52 : undefined}
          exportando={!!exportando}
          placeholderBusqueda="Buscar folio, asunto, remitente, oficio… (sin acentos)"
          filtrosExtra={extra}
          acciones={
            puede.capturar && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => ir('/correspondencia/registrar')}>
                Registrar asunto
              </Button>
            )
          }
          vacio={{
            titulo: 'No hay asuntos con estos filtros',
            mensaje: puede.capturar ? 'Quite filtros o registre el primer asunto con Ctrl+N.' : 'Quite filtros para ver más asuntos.',
          }}
        />
      </Box>
      {exportando && (
        <Box pos="fixed" bottom={16} right={16} w={360} style={{ zIndex: 300 }}>
          <Progreso titulo="Exportando a Excel" texto={exportando.texto} fraccion={exportando.fraccion} />
        </Box>
      )}
      {pagina && <VistaPrevia asuntoId={pagina.asuntoId} archivo={{ sha256: pagina.sha256, nombre: pagina.nombre, pagina: pagina.pagina }} onClose={() => setPagina(null)} />}
      <Drawer opened={!!seleccionada} onClose={() => setSeleccionada(null)} position="right" size="xl" title="Asunto" withOverlay={false}>
        {seleccionada && <DetalleAsunto id={seleccionada} compacto alCambiar={() => void cargar(0)} />}
      </Drawer>
    </Stack>
  );
}
