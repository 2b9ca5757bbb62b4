/** Compromisos › Lista: filters kept in the route, the table, and a side panel with the seguimientos. */
import { Button, Group, RangeSlider, Select, Stack, Text } from '@mantine/core';
import { useAccionNuevo } from '../../app/atajos';
import { IconFileSpreadsheet, IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import type { Input } from '../../../../electron/contract';
import { cantidad, redondearPorcentaje, textoPorcentaje } from '../../../../electron/contract/cifras';
import { CampoFecha, ChipFiltro, DataTable, FiltroMultiple, PanelEdicion, Semaforo, avisarError, fecha, type ColumnaTabla } from '../../ui';
import { ESTATUS, generarYDescargar, opcionesPed, type Catalogos, type Compromiso, type CompromisoDetalle } from './datos';
import { FormularioCompromiso } from './FormularioCompromiso';
import { PanelCompromiso } from './PanelCompromiso';

const COLUMNAS: ColumnaTabla<Compromiso>[] = [
  { id: 'numero', titulo: 'No.', tipo: 'numero', valor: (c) => c.numero, ancho: 70 },
  { id: 'descripcion', titulo: 'Descripción', flexible: true, valor: (c) => c.descripcion },
  { id: 'municipio', titulo: 'Municipio', valor: (c) => c.municipio, ancho: 140 },
  { id: 'dependencia', titulo: 'Responsable', valor: (c) => c.dependenciaSiglas || c.dependencia, texto: (c) => `${c.dependencia} ${c.dependenciaSiglas}`, ancho: 130 },
  {
    id: 'corresponsables',
    titulo: 'Corresponsables',
    valor: (c) => c.corresponsables.map((d) => d.siglas || d.nombre).join(', '),
    texto: (c) => c.corresponsables.map((d) => `${d.nombre} ${d.siglas}`).join(' '),
    ancho: 160,
    oculta: true,
  },
  { id: 'eje', titulo: 'Eje', valor: (c) => c.alineacion.ejeClave ?? '', ancho: 60, oculta: true },
  { id: 'estrategia', titulo: 'Estrategia', valor: (c) => c.alineacion.estrategiaClave ?? '', ancho: 90 },
  {
    id: 'estatus',
    titulo: 'Estatus',
    valor: (c) => c.estatusEtiqueta,
    celda: (c) => <Semaforo color={c.semaforo.color} texto={c.semaforo.etiqueta} motivo={c.semaforo.motivo} />,
    ancho: 150,
  },
  { id: 'avance', titulo: 'Avance', tipo: 'porcentaje', valor: (c) => c.avance, ancho: 90 },
  { id: 'fechaCompromiso', titulo: 'Comprometido', tipo: 'fecha', valor: (c) => c.fechaCompromiso, ancho: 120, oculta: true },
  { id: 'fechaEstimada', titulo: 'Fecha estimada', tipo: 'fecha', valor: (c) => c.fechaEstimada, ancho: 120 },
  { id: 'plazo', titulo: 'Plazo', valor: (c) => c.plazo.etiqueta, celda: (c) => <Semaforo color={c.plazo.color} texto={c.plazo.etiqueta} motivo={c.plazo.motivo} />, ancho: 130 },
];

/** Shown only when the list comes from the tablero's «Seguimientos registrados»: how many each compromiso got. */
const COLUMNA_SEGUIMIENTOS: ColumnaTabla<Compromiso> = { id: 'seguimientosEnPeriodo', titulo: 'Seguimientos', tipo: 'numero', valor: (c) => c.seguimientosEnPeriodo ?? 0, ancho: 120 };

/** Shown only with `alCierre` (the tablero's «Avance promedio» of a past week): how each stood at that close. */
// The chip says which day «al cierre» is; the titles stay short so the table fits at 1366 px.
const COLUMNAS_AL_CIERRE: ColumnaTabla<Compromiso>[] = [
  { id: 'estatusAlCierre', titulo: 'Estatus al cierre', valor: (c) => ESTATUS.find((e) => e.value === c.alCierre?.estatus)?.label ?? '', ancho: 140 },
  { id: 'avanceAlCierre', titulo: 'Avance al cierre', tipo: 'porcentaje', valor: (c) => c.alCierre?.avance ?? null, ancho: 135 },
];
/** Room for them at 1366 px: these start hidden in that view (the column selector shows them again). */
const OCULTAS_AL_CIERRE = new Set(['corresponsables', 'estrategia', 'fechaEstimada']);

const PLAZOS = [
  { value: 'vencido', label: 'Vencido' },
  { value: 'en_riesgo', label: 'En riesgo' },
  { value: 'a_tiempo', label: 'A tiempo' },
  { value: 'concluido', label: 'Concluido' },
  { value: 'sin_plazo', label: 'Sin fecha estimada' },
];

const SEMAFOROS = [
  { value: 'verde', label: 'Verde (cumplido)' },
  { value: 'amarillo', label: 'Amarillo (en proceso)' },
  { value: 'rojo', label: 'Rojo (sin avance)' },
  { value: 'gris', label: 'Gris (no procedente)' },
];

/** The route's query → the list filters (so the back button and "export what I see" work). */
type Filtros = NonNullable<Input<'compromisos.listar'>>;

export function filtrosDe(params: URLSearchParams): Filtros {
  const lista = (k: string) => (params.get(k) ? params.get(k)!.split(',') : undefined);
  const num = (k: string) => (params.get(k) !== null ? Number(params.get(k)) : undefined);
  return {
    texto: params.get('q') ?? '',
    dependenciaId: params.get('dependencia') ?? undefined,
    municipio: params.get('municipio') ?? undefined,
    ejeId: params.get('eje') ?? undefined,
    objetivoId: params.get('objetivo') ?? undefined,
    estrategiaId: params.get('estrategia') ?? undefined,
    estatus: lista('estatus') as Filtros['estatus'],
    semaforo: lista('semaforo') as Filtros['semaforo'],
    plazo: lista('plazo') as Filtros['plazo'],
    avanceMin: num('avmin'),
    avanceMax: num('avmax'),
    fechaDesde: params.get('desde') ?? undefined,
    fechaHasta: params.get('hasta') ?? undefined,
    cumplidoDesde: params.get('cumplidoDesde') ?? undefined,
    cumplidoHasta: params.get('cumplidoHasta') ?? undefined,
    seguimientoDesde: params.get('seguimientoDesde') ?? undefined,
    seguimientoHasta: params.get('seguimientoHasta') ?? undefined,
    alCierre: params.get('alCierre') ?? undefined,
  };
}

export function PaginaLista({ catalogos, puedeEscribir }: { catalogos: Catalogos; puedeEscribir: boolean }) {
  const [params, setParams] = useSearchParams();
  const filtros = useMemo(() => filtrosDe(params), [params]);
  const estadoTabla = useMemo(() => ({ busqueda: filtros.texto ?? '' }), [filtros.texto]);
  const [datos, setDatos] = useState<{ total: number; siguienteNumero: number; items: Compromiso[] }>({ total: 0, siguienteNumero: 1, items: [] });
  const [cargando, setCargando] = useState(true);
  const [detalle, setDetalle] = useState<CompromisoDetalle | null>(null);
  const [editando, setEditando] = useState<CompromisoDetalle | 'nuevo' | null>(null);

  const cargar = useCallback(async () => {
    setCargando(true);
    try {
      setDatos(await api.llamar('compromisos.listar', filtros));
    } catch (e) {
      avisarError(e);
    } finally {
      setCargando(false);
    }
  }, [filtros]);
  useEffect(() => void cargar(), [cargar]);
  // Another station's change: the list and the open detail are read again (the panel keeps what is typed).
  const abierto = detalle?.id;
  useAlCambiar(() => {
    void api.llamar('compromisos.listar', filtros).then(setDatos, avisarError);
    if (abierto) void api.llamar('compromisos.obtener', { id: abierto }).then(setDetalle, avisarError);
  }, ['compromiso', 'ped']);

  const abrir = async (id: string) => {
    try {
      setDetalle(await api.llamar('compromisos.obtener', { id }));
    } catch (e) {
      avisarError(e);
    }
  };
  const cambiar = (clave: string, valor: string | null | undefined) => {
    const p = new URLSearchParams(params);
    if (valor) p.set(clave, valor);
    else p.delete(clave);
    if (clave === 'eje') (p.delete('objetivo'), p.delete('estrategia'));
    if (clave === 'objetivo') p.delete('estrategia');
    setParams(p, { replace: true });
  };
  const alCambiar = (c: CompromisoDetalle) => {
    setDetalle(c);
    void cargar();
  };
  useAccionNuevo(puedeEscribir ? () => setEditando('nuevo') : null);
  // `?nuevo=1` (Ctrl+N from another page of the module) opens the form; `?compromiso=<id>` (the palette) its detail.
  useEffect(() => {
    const nuevo = params.get('nuevo') === '1' && puedeEscribir;
    const id = params.get('compromiso');
    if (!nuevo && !id) return;
    if (nuevo) setEditando('nuevo');
    if (id) void abrir(id);
    const p = new URLSearchParams(params);
    p.delete('nuevo');
    p.delete('compromiso');
    setParams(p, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);

  const porSeguimientos = Boolean(filtros.seguimientoDesde || filtros.seguimientoHasta);
  const columnas = useMemo(() => {
    const extra = [...(porSeguimientos ? [COLUMNA_SEGUIMIENTOS] : []), ...(filtros.alCierre ? COLUMNAS_AL_CIERRE : [])];
    const resto = filtros.alCierre ? COLUMNAS.slice(2).map((c) => (OCULTAS_AL_CIERRE.has(c.id) ? { ...c, oculta: true } : c)) : COLUMNAS.slice(2);
    return extra.length ? [...COLUMNAS.slice(0, 2), ...extra, ...resto] : COLUMNAS;
  }, [porSeguimientos, filtros.alCierre]);
  // The avance the tablero averaged: at the close when the list comes from a past week, today's otherwise.
  const avanceUsado = (c: Compromiso) => c.alCierre?.avance ?? c.avance;
  const seguimientos = datos.items.reduce((s, c) => s + (c.seguimientosEnPeriodo ?? 0), 0);
  const quitar = (...claves: string[]) => {
    const p = new URLSearchParams(params);
    for (const k of claves) p.delete(k);
    setParams(p, { replace: true });
  };
  const dependencias = catalogos.dependencias.map((d) => ({ value: d.id, label: d.siglas || d.nombre }));
  const municipios = [{ value: 'ESTATAL', label: 'Estatal' }, ...catalogos.municipios.map((m) => ({ value: m.clave, label: m.nombre }))];

  return (
    <Group align="stretch" gap="sm" wrap="nowrap" h="calc(100vh - 170px)">
      <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <Select aria-label="Dependencia" placeholder="Dependencia" searchable clearable w={170} data={dependencias} value={filtros.dependenciaId ?? null} onChange={(v) => cambiar('dependencia', v)} />
          <Select aria-label="Municipio" placeholder="Municipio" searchable clearable w={160} data={municipios} value={filtros.municipio ?? null} onChange={(v) => cambiar('municipio', v)} />
          <Select aria-label="Eje" placeholder="Eje" clearable w={150} data={opcionesPed(catalogos.ped, 'eje')} value={filtros.ejeId ?? null} onChange={(v) => cambiar('eje', v)} />
          <Select aria-label="Objetivo" placeholder="Objetivo" clearable w={150} data={opcionesPed(catalogos.ped, 'objetivo', filtros.ejeId ?? undefined)} value={filtros.objetivoId ?? null} onChange={(v) => cambiar('objetivo', v)} />
          <Select aria-label="Estrategia" placeholder="Estrategia" clearable w={150} data={opcionesPed(catalogos.ped, 'estrategia', filtros.objetivoId ?? undefined)} value={filtros.estrategiaId ?? null} onChange={(v) => cambiar('estrategia', v)} />
          <FiltroMultiple aria-label="Estatus" placeholder="Estatus" clearable w={180} data={ESTATUS} value={filtros.estatus ?? []} onChange={(v) => cambiar('estatus', v.join(','))} />
          <FiltroMultiple aria-label="Semáforo" placeholder="Semáforo" clearable w={170} data={SEMAFOROS} value={filtros.semaforo ?? []} onChange={(v) => cambiar('semaforo', v.join(','))} />
          <FiltroMultiple aria-label="Plazo" placeholder="Plazo" clearable w={150} data={PLAZOS} value={filtros.plazo ?? []} onChange={(v) => cambiar('plazo', v.join(','))} />
          <Stack gap={0} w={150}>
            <Text size="xs" c="dimmed">Avance {filtros.avanceMin ?? 0}–{filtros.avanceMax ?? 100} %</Text>
            <RangeSlider
              aria-label="Rango de avance"
              min={0}
              max={100}
              step={5}
              defaultValue={[filtros.avanceMin ?? 0, filtros.avanceMax ?? 100]}
              onChangeEnd={([a, b]) => {
                const p = new URLSearchParams(params);
                if (a > 0) p.set('avmin', String(a)); else p.delete('avmin');
                if (b < 100) p.set('avmax', String(b)); else p.delete('avmax');
                setParams(p, { replace: true });
              }}
            />
          </Stack>
          <CampoFecha soloValidas aria-label="Comprometido desde" placeholder="Desde" w={120} clearable value={filtros.fechaDesde ?? null} onChange={(v) => cambiar('desde', v)} />
          <CampoFecha soloValidas aria-label="Comprometido hasta" placeholder="Hasta" w={120} clearable value={filtros.fechaHasta ?? null} onChange={(v) => cambiar('hasta', v)} />
          {params.get('de') === 'avance' && (
            // Comes from the tablero's «Avance promedio»: these are the compromisos it averages.
            <ChipFiltro data-testid="filtro-avance-promedio" quitar="Quitar aviso de avance promedio" alQuitar={() => cambiar('de', null)}>
              Promediados en el avance del tablero{filtros.alCierre ? ` al cierre del ${fecha(filtros.alCierre)}` : ''}
              {datos.items.length ? `: ${textoPorcentaje(redondearPorcentaje(datos.items.reduce((s, c) => s + avanceUsado(c), 0) / datos.items.length))}` : ''}
            </ChipFiltro>
          )}
          {filtros.alCierre && (
            <ChipFiltro data-testid="filtro-al-cierre" quitar="Quitar filtro al cierre" alQuitar={() => quitar('alCierre')}>
              Estatus al cierre del {fecha(filtros.alCierre)}
            </ChipFiltro>
          )}
          {(filtros.cumplidoDesde || filtros.cumplidoHasta) && (
            // Comes from the tablero's «cumplidos en la semana»: say which week, and let it go.
            <ChipFiltro data-testid="filtro-cumplidos" quitar="Quitar filtro de cumplidos" alQuitar={() => quitar('cumplidoDesde', 'cumplidoHasta')}>
              Cumplidos {filtros.cumplidoDesde ? `del ${fecha(filtros.cumplidoDesde)}` : ''} {filtros.cumplidoHasta ? `al ${fecha(filtros.cumplidoHasta)}` : ''}
            </ChipFiltro>
          )}
          {porSeguimientos && (
            // Comes from the tablero's «Seguimientos registrados»: the figure, counted from this very list.
            <ChipFiltro data-testid="filtro-seguimientos" quitar="Quitar filtro de seguimientos" alQuitar={() => quitar('seguimientoDesde', 'seguimientoHasta')}>
              {cantidad(seguimientos, 'seguimiento registrado', 'seguimientos registrados')}
              {filtros.seguimientoDesde ? ` del ${fecha(filtros.seguimientoDesde)}` : ''}
              {filtros.seguimientoHasta ? ` al ${fecha(filtros.seguimientoHasta)}` : ''} en {cantidad(datos.items.length, 'compromiso')}
            </ChipFiltro>
          )}
        </Group>
        <DataTable
          id="compromisos-lista"
          columnas={columnas}
          filas={datos.items}
          idFila={(c) => c.id}
          sustantivo={{ singular: 'compromiso', plural: 'compromisos' }}
          cargando={cargando}
          seleccionadaId={detalle?.id ?? null}
          onSeleccionar={(c) => void abrir(c.id)}
          onAbrir={(c) => void abrir(c.id)}
          estado={estadoTabla}
          onEstadoChange={(e) => e.busqueda !== (filtros.texto ?? '') && cambiar('q', e.busqueda)}
          placeholderBusqueda="Buscar (sin importar acentos)…  /"
          onExportar={() => void generarYDescargar(api.llamar('compromisos.reporteCatalogo', { formato: 'xlsx', filtros }))}
          acciones={
            <Group gap="xs">
              <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void generarYDescargar(api.llamar('compromisos.reporteCatalogo', { formato: 'xlsx', filtros }))}>
                Catálogo (Excel)
              </Button>
              <Button variant="default" leftSection={<IconFileTypePdf size={16} />} onClick={() => void generarYDescargar(api.llamar('compromisos.reporteCatalogo', { formato: 'pdf', filtros }), true)}>
                Imprimir catálogo
              </Button>
              {puedeEscribir && (
                <Button leftSection={<IconPlus size={16} />} onClick={() => setEditando('nuevo')}>
                  Nuevo compromiso
                </Button>
              )}
            </Group>
          }
          vacio={{
            titulo: 'Sin compromisos',
            mensaje: puedeEscribir ? 'Registre el primer compromiso con «Nuevo compromiso» (Ctrl+N).' : 'No hay compromisos con estos filtros.',
          }}
        />
      </Stack>
      {detalle && (
        <div style={{ width: 440, flexShrink: 0, borderLeft: '1px solid var(--mantine-color-gray-3)' }}>
          <PanelCompromiso c={detalle} puedeEscribir={puedeEscribir} onCerrar={() => setDetalle(null)} onEditar={() => setEditando(detalle)} onCambio={alCambiar} />
        </div>
      )}
      <PanelEdicion opened={editando !== null} onClose={() => setEditando(null)} size="lg" title={editando === 'nuevo' ? 'Nuevo compromiso' : `Editar compromiso ${editando ? (editando as CompromisoDetalle).numero : ''}`}>
        {editando !== null && (
          <FormularioCompromiso
            catalogos={catalogos}
            compromiso={editando === 'nuevo' ? null : editando}
            siguienteNumero={datos.siguienteNumero}
            alGuardar={(c) => {
              setEditando(null);
              alCambiar(c);
            }}
          />
        )}
      </PanelEdicion>
    </Group>
  );
}
