/** POA › the year's grid, with capture, quarter closing, copy to next year and the informes. */
import { Anchor, Button, FileInput, Group, Menu, NumberInput, SegmentedControl, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useAccionNuevo } from '../../app/atajos';
import { IconCopy, IconFileSpreadsheet, IconFileTypePdf, IconLock, IconLockOpen, IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams, type RouteObject } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import type { Output } from '../../../../electron/contract';
import { useSesion } from '../../app/sesion';
import { aBase64, AvisosBorrador, ChipFiltro, COLOR_SEMAFORO, avisarError, avisarExito, confirmar, PanelEdicion, pedirMotivo, plural, useBorradorEstado, type ColorSemaforo } from '../../ui';
import { Cuadricula } from './Cuadricula';
import { FormularioMeta, type Meta } from './FormularioMeta';

type Tablero = Output<'poa.tablero'>;
/** The grid's semáforo filter, named as the tablero names its figures. */
const SEMAFOROS: { color: ColorSemaforo; etiqueta: string }[] = [
  { color: 'verde', etiqueta: 'Aceptable' },
  { color: 'amarillo', etiqueta: 'En riesgo' },
  { color: 'rojo', etiqueta: 'Crítico' },
  { color: 'gris', etiqueta: 'Sin meta en el periodo' },
];
const ROMANOS = ['I', 'II', 'III', 'IV'];
const MESES = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'];

type Periodo = Meta['periodos'][number];
/** What the person typed in one period's row of the detail, not yet saved. */
type Escrito = { alcanzado: number | string; comentario: string };
const delPeriodo = (p: Periodo): Escrito => ({ alcanzado: p.alcanzado ?? '', comentario: p.comentario });

function PeriodoDetalle({ meta, p, v, cambiado, alEscribir, puedeEscribir, alCambiar }: {
  meta: Meta;
  p: Periodo;
  v: Escrito;
  /** The row holds what is not saved: its Guardar stands out. */
  cambiado: boolean;
  alEscribir: (v: Escrito | null) => void;
  puedeEscribir: boolean;
  alCambiar: (m: Meta) => void;
}) {
  const [archivo, setArchivo] = useState<File | null>(null);
  const nombre = meta.periodicidad === 'mensual' ? MESES[p.periodo - 1] : `Trimestre ${ROMANOS[p.periodo - 1]}`;
  const guardar = async () => {
    try {
      const m = await api.llamar('poa.capturar', {
        metaId: meta.id,
        periodo: p.periodo,
        version: p.version,
        alcanzado: v.alcanzado === '' ? null : Number(v.alcanzado),
        comentario: v.comentario,
        evidencia: archivo ? { nombre: archivo.name, contenidoBase64: await aBase64(archivo) } : null,
      });
      avisarExito(`${nombre}: captura guardada.`);
      setArchivo(null);
      alEscribir(null);
      alCambiar(m);
    } catch (e) {
      avisarError(e);
    }
  };
  const bloqueado = !puedeEscribir || p.cerrado || meta.cancelada;
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{nombre}{p.cerrado && <IconLock size={12} />}</Table.Td>
      <Table.Td ta="right">{p.programado ?? '—'}</Table.Td>
      <Table.Td w={110}>
        <NumberInput size="xs" aria-label={`Alcanzado ${nombre}`} min={0} decimalScale={2} value={v.alcanzado} onChange={(x) => alEscribir({ ...v, alcanzado: x })} readOnly={bloqueado} />
      </Table.Td>
      <Table.Td>
        <Textarea size="xs" autosize aria-label={`Comentario ${nombre}`} value={v.comentario} onChange={(e) => alEscribir({ ...v, comentario: e.currentTarget.value })} readOnly={bloqueado} />
      </Table.Td>
      <Table.Td w={170}>
        {p.evidencia && (
          <Anchor size="xs" component="button" onClick={() => void api.llamar('poa.evidencia', { metaId: meta.id, periodo: p.periodo }).then((g) => api.descargar(g.archivoId, g.nombre), avisarError)}>
            <IconPaperclip size={12} /> {p.evidencia.nombre}
          </Anchor>
        )}
        {!bloqueado && <FileInput size="xs" placeholder="Evidencia" clearable value={archivo} onChange={setArchivo} accept="application/pdf,image/png,image/jpeg,image/tiff" />}
      </Table.Td>
      <Table.Td>
        {!bloqueado && <Button size="xs" variant={cambiado ? 'filled' : 'light'} onClick={() => void guardar()}>Guardar</Button>}
        {p.capturadoPor && <Text size="xs" c="dimmed">{p.capturadoPor}</Text>}
      </Table.Td>
    </Table.Tr>
  );
}

/** The meta's periods with alcanzado, comentario and evidencia; what is typed and not saved is one draft per meta. */
function DetalleMeta({ meta, puedeEscribir, alCambiar, alEditar, alCancelar }: { meta: Meta; puedeEscribir: boolean; alCambiar: (m: Meta) => void; alEditar: () => void; alCancelar: () => void }) {
  const [escritos, setEscritos] = useState<Record<string, Escrito>>({});
  const borrador = useBorradorEstado(puedeEscribir ? `poa.detalle.${meta.id}` : undefined, escritos, {}, setEscritos);
  const escribir = (p: Periodo) => (v: Escrito | null) =>
    setEscritos(({ [p.periodo]: _, ...resto }) => (v === null || JSON.stringify(v) === JSON.stringify(delPeriodo(p)) ? resto : { ...resto, [p.periodo]: v }));
  return (
    <Stack>
      <AvisosBorrador b={borrador} />
      <Text>{meta.descripcion}</Text>
      <Text size="sm" c="dimmed">
        {meta.unidadNombre} · {meta.unidadMedida} · {meta.tipo} · {meta.periodicidad}
      </Text>
      <Table fz="sm" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Periodo</Table.Th>
            <Table.Th ta="right">Programado</Table.Th>
            <Table.Th>Alcanzado</Table.Th>
            <Table.Th>Comentario</Table.Th>
            <Table.Th>Evidencia</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meta.periodos.map((p) => (
            <PeriodoDetalle key={p.periodo} meta={meta} p={p} v={escritos[p.periodo] ?? delPeriodo(p)} cambiado={p.periodo in escritos} alEscribir={escribir(p)} puedeEscribir={puedeEscribir} alCambiar={alCambiar} />
          ))}
        </Table.Tbody>
      </Table>
      {puedeEscribir && !meta.cancelada && (
        <Group>
          <Button variant="default" onClick={alEditar}>Editar meta</Button>
          <Button variant="subtle" color="red" onClick={alCancelar}>Cancelar meta</Button>
        </Group>
      )}
    </Stack>
  );
}

function PaginaPoa() {
  const params = useParams();
  const navegar = useNavigate();
  const { usuario } = useSesion();
  const escribe = usuario.rol === 'coordinador';
  const cierra = usuario.rol === 'coordinador' || usuario.rol === 'administrador';
  const reabre = usuario.rol === 'administrador';
  const anioActual = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Hermosillo', year: 'numeric' }).format(new Date()));
  const anio = Number(params.anio ?? anioActual);
  // `?corte=2&semaforo=rojo`: the tablero's figure «Crítico» opens the grid showing exactly those metas.
  const [busqueda, setBusqueda] = useSearchParams();
  const semaforo = SEMAFOROS.find((s) => s.color === busqueda.get('semaforo')) ?? null;
  const [corte, setCorte] = useState<number | undefined>(() => Number(busqueda.get('corte')) || undefined);
  const [tablero, setTablero] = useState<Tablero | null>(null);
  const [anios, setAnios] = useState<number[]>([]);
  const [unidades, setUnidades] = useState<Output<'catalogos.unidades.listar'>>([]);
  const [editando, setEditando] = useState<Meta | 'nueva' | null>(null);
  const [detalle, setDetalle] = useState<Meta | null>(null);

  const cargar = useCallback(async () => {
    try {
      const t = await api.llamar('poa.tablero', { anio, corte });
      setTablero(t);
      setDetalle((d) => (d ? (t.metas.find((m) => m.id === d.id) ?? null) : null));
      setAnios((await api.llamar('poa.anios', {})).map((a) => a.anio));
    } catch (e) {
      avisarError(e);
    }
  }, [anio, corte]);
  useEffect(() => void cargar(), [cargar]);
  // Another station's capture or meta: the grid is read again (a cell being typed keeps its text).
  useAlCambiar(() => void cargar(), ['poa_meta', 'poa_captura', 'poa_anio', 'poa_trimestre']);
  useEffect(() => void api.llamar('catalogos.unidades.listar', {}).then(setUnidades, avisarError), []);
  useAccionNuevo(escribe ? () => setEditando('nueva') : null);
  // `?nueva=1`: Ctrl+N from another page of the module.
  useEffect(() => {
    if (busqueda.get('nueva') !== '1') return;
    if (escribe) setEditando('nueva');
    setBusqueda((b) => (b.delete('nueva'), b), { replace: true });
  }, [busqueda, escribe, setBusqueda]);
  const quitarSemaforo = () => setBusqueda((b) => (b.delete('semaforo'), b), { replace: true });

  const alCambiarMeta = () => void cargar();
  const opcionesAnio = [...new Set([...anios, anioActual, anioActual + 1, anio])].sort((a, b) => b - a).map(String);

  const informe = async (tipo: 'trimestral' | 'anual', formato: 'xlsx' | 'pdf', trimestre = 4) => {
    try {
      const g = await api.llamar('poa.informe', { anio, tipo, trimestre, formato });
      if (formato === 'pdf') api.abrir(g.archivoId);
      else await api.descargar(g.archivoId, g.nombre);
    } catch (e) {
      avisarError(e);
    }
  };
  const cerrar = async (q: number) => {
    const motivo = await pedirMotivo({
      titulo: `Cerrar el trimestre ${ROMANOS[q - 1]} de ${anio}`,
      registro: `POA ${anio} · trimestre ${ROMANOS[q - 1]}`,
      descripcion: 'Nadie podrá capturar ni corregir avances de este trimestre hasta que el administrador lo reabra.',
      etiqueta: 'Motivo u observación',
      confirmar: 'Cerrar trimestre',
      minimo: 1,
    });
    if (motivo === null) return;
    try {
      await api.llamar('poa.cerrarTrimestre', { anio, trimestre: q, motivo });
      avisarExito(`Trimestre ${ROMANOS[q - 1]} cerrado.`);
      void cargar();
    } catch (e) {
      avisarError(e);
    }
  };
  const reabrir = async (q: number) => {
    const motivo = await pedirMotivo({ titulo: `Reabrir el trimestre ${ROMANOS[q - 1]} de ${anio}`, registro: `POA ${anio} · trimestre ${ROMANOS[q - 1]}`, confirmar: 'Reabrir', etiqueta: 'Motivo de la reapertura' });
    if (motivo === null) return;
    try {
      await api.llamar('poa.reabrirTrimestre', { anio, trimestre: q, motivo });
      avisarExito(`Trimestre ${ROMANOS[q - 1]} reabierto.`);
      void cargar();
    } catch (e) {
      avisarError(e);
    }
  };
  const copiar = async () => {
    if (!(await confirmar({ titulo: `Copiar metas a ${anio + 1}`, mensaje: `Se copiarán las metas vigentes del POA ${anio} (con su programado, sin avances) al POA ${anio + 1}.`, confirmar: 'Copiar' }))) return;
    try {
      const r = await api.llamar('poa.copiarAnio', { origen: anio, destino: anio + 1 });
      avisarExito(`${plural(r.copiadas, 'meta copiada', 'metas copiadas')} al POA ${anio + 1}.`);
      navegar(`/poa/${anio + 1}`);
    } catch (e) {
      avisarError(e);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Title order={3}>Metas del POA</Title>
          <Select aria-label="Año" w={100} data={opcionesAnio} value={String(anio)} onChange={(v) => v && navegar(`/poa/${v}`)} />
          <Stack gap={2}>
            <Text size="xs" c="dimmed">Cumplimiento al trimestre</Text>
            <SegmentedControl size="xs" aria-label="Corte" value={String(tablero?.corte || 1)} onChange={(v) => setCorte(Number(v))} data={ROMANOS.map((r, i) => ({ value: String(i + 1), label: r }))} />
          </Stack>
        </Group>
        <Group gap="xs">
          {escribe && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditando('nueva')}>
              Nueva meta
            </Button>
          )}
          <Menu>
            <Menu.Target>
              <Button variant="default" leftSection={<IconFileTypePdf size={16} />}>Informes</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Informe anual {anio}</Menu.Label>
              <Menu.Item leftSection={<IconFileTypePdf size={14} />} onClick={() => void informe('anual', 'pdf')}>Informe anual (PDF)</Menu.Item>
              <Menu.Item leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void informe('anual', 'xlsx')}>Informe anual (Excel)</Menu.Item>
              <Menu.Label>Informe trimestral</Menu.Label>
              {ROMANOS.map((r, i) => (
                <Menu.Item key={r} leftSection={<IconFileTypePdf size={14} />} onClick={() => void informe('trimestral', 'pdf', i + 1)}>Trimestre {r} (PDF)</Menu.Item>
              ))}
              {ROMANOS.map((r, i) => (
                <Menu.Item key={`x${r}`} leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void informe('trimestral', 'xlsx', i + 1)}>Trimestre {r} (Excel)</Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          {(cierra || reabre) && (
            <Menu>
              <Menu.Target>
                <Button variant="default" leftSection={<IconLock size={16} />}>Trimestres</Button>
              </Menu.Target>
              <Menu.Dropdown>
                {ROMANOS.map((r, i) =>
                  tablero?.cerrados.includes(i + 1) ? (
                    <Menu.Item key={r} disabled={!reabre} leftSection={<IconLockOpen size={14} />} onClick={() => void reabrir(i + 1)}>
                      Reabrir trimestre {r}
                    </Menu.Item>
                  ) : (
                    <Menu.Item key={r} disabled={!cierra} leftSection={<IconLock size={14} />} onClick={() => void cerrar(i + 1)}>
                      Cerrar trimestre {r}
                    </Menu.Item>
                  ),
                )}
              </Menu.Dropdown>
            </Menu>
          )}
          {escribe && (
            <Button variant="subtle" leftSection={<IconCopy size={16} />} onClick={() => void copiar()} disabled={!tablero?.metas.length}>
              Copiar a {anio + 1}
            </Button>
          )}
        </Group>
      </Group>
      {tablero && tablero.metas.length === 0 ? (
        <Text c="dimmed" mt="lg">
          El POA {anio} no tiene metas. {escribe ? 'Registre la primera con «Nueva meta» (Ctrl+N) o copie las del año anterior.' : ''}
        </Text>
      ) : (
        tablero && (
          <>
            {semaforo && (
              <Group gap="xs" data-testid="filtro-semaforo">
                <ChipFiltro color={COLOR_SEMAFORO[semaforo.color]} quitar="Quitar el filtro de semáforo" alQuitar={quitarSemaforo}>
                  Semáforo: {semaforo.etiqueta} al trimestre {ROMANOS[(tablero.corte || 1) - 1]}
                </ChipFiltro>
                <Text size="sm" c="dimmed">
                  {plural(tablero.metas.filter((m) => !m.cancelada && m.semaforo.color === semaforo.color).length, 'meta', 'metas')} de {tablero.metas.filter((m) => !m.cancelada).length}
                </Text>
              </Group>
            )}
            <Text size="xs" c="dimmed">
              Escriba el alcanzado en cada celda: Enter guarda y baja, ↑ ↓ se mueven, Esc deshace. P = programado. Detalle (···) para comentario y evidencia.
            </Text>
            <Cuadricula key={anio} tablero={tablero} semaforo={semaforo?.color ?? null} puedeEscribir={escribe} alCambiar={alCambiarMeta} alDetalle={setDetalle} />
          </>
        )
      )}
      <PanelEdicion opened={editando !== null} onClose={() => setEditando(null)} size="xl" title={editando === 'nueva' ? `Nueva meta del POA ${anio}` : `Editar meta ${editando ? (editando as Meta).numero : ''}`}>
        {editando !== null && (
          <FormularioMeta
            anio={anio}
            meta={editando === 'nueva' ? null : editando}
            siguienteNumero={tablero?.siguienteNumero ?? 1}
            unidades={unidades}
            alGuardar={() => {
              setEditando(null);
              void cargar();
            }}
          />
        )}
      </PanelEdicion>
      <PanelEdicion opened={detalle !== null} onClose={() => setDetalle(null)} size="xl" title={detalle ? `Meta ${detalle.numero}` : ''}>
        {detalle && (
          <DetalleMeta
            key={detalle.id}
            meta={detalle}
            puedeEscribir={escribe}
            alCambiar={alCambiarMeta}
            alEditar={() => (setEditando(detalle), setDetalle(null))}
            alCancelar={async () => {
              const motivo = await pedirMotivo({ titulo: 'Cancelar meta', registro: `Meta ${detalle.numero} · ${detalle.descripcion}`, confirmar: 'Cancelar meta', peligro: true });
              if (motivo === null) return;
              try {
                await api.llamar('poa.cancelarMeta', { id: detalle.id, version: detalle.version, motivo });
                setDetalle(null);
                void cargar();
              } catch (e) {
                avisarError(e);
              }
            }}
          />
        )}
      </PanelEdicion>
    </Stack>
  );
}

export const rutas: RouteObject[] = [{ path: 'poa/:anio?', element: <PaginaPoa /> }];
