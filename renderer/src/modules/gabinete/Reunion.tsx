/** Gabinete › Reunión: header with the generated name and date; tabs; "Cerrar reunión y emitir minuta". */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, List, Loader, Menu, Modal, NumberInput, Stack, Tabs, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDots, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import { AvisosBorrador, CampoFecha, CampoSeleccion, CampoTexto, avisarError, cerrarPreguntando, useBorradorEstado, avisarExito, confirmar, fechaLarga, tecladoFormulario, pedirMotivo, plural } from '../../ui';
import { COLOR_REUNION, ESTATUS_REUNION, generar, useCatalogos, usePuedeEscribir, type Reunion } from './comun';
import { PestanaAcuerdos, PestanaAnexos, PestanaAsistencia, PestanaConvocados, PestanaDocumentos, PestanaOrden, PestanaTarjetas } from './pestanas';

const PESTANAS = [
  ['convocados', 'Convocados'],
  ['orden', 'Orden del día'],
  ['asistencia', 'Asistencia'],
  ['tarjetas', 'Tarjetas'],
  ['acuerdos', 'Acuerdos'],
  ['anexos', 'Anexos'],
  ['documentos', 'Documentos'],
] as const;

export function PaginaReunion() {
  const { id = '', pestana = 'convocados' } = useParams();
  const navegar = useNavigate();
  const escribe = usePuedeEscribir();
  const [r, setR] = useState<Reunion | null>(null);
  const [editando, setEditando] = useState(false);
  // Where the user is now (null once they left): a slow minuta must not pull them back.
  const { pathname } = useLocation();
  const rutaActual = useRef<string | null>(pathname);
  rutaActual.current = pathname;
  useEffect(() => () => void (rutaActual.current = null), []);

  const recargar = useCallback(() => api.llamar('gabinete.reuniones.obtener', { id }).then(setR, avisarError), [id]);
  useEffect(() => void recargar(), [recargar]);
  // Another station's change to this reunión (or its parts) shows here without reloading.
  useAlCambiar(() => void recargar(), ['gab_reuniones', 'gab_acuerdos', 'gab_anexos', 'gab_convocados', 'gab_orden_dia', 'gab_tarjetas']);

  if (!r) return <Loader m="xl" />;
  const abierta = r.estatus === 'programada' || r.estatus === 'celebrada';
  const editable = escribe && abierta;

  const cerrar = async () => {
    const ok = await confirmar({
      titulo: 'Cerrar reunión y emitir minuta',
      confirmar: 'Cerrar y emitir minuta',
      mensaje: (
        <Stack gap="xs">
          <Text size="sm">Al cerrar la «{r.nombre}» se emite la minuta y quedará bloqueado:</Text>
          <List size="sm" spacing={2}>
            <List.Item>el texto, responsable y fecha compromiso de {plural(r.acuerdosLista.length, 'acuerdo')}{r.acuerdosLista.length ? ':' : '.'}</List.Item>
          </List>
          {r.acuerdosLista.length > 0 && (
            <List size="xs" withPadding spacing={0} data-testid="acuerdos-a-bloquear">
              {r.acuerdosLista.slice(0, 12).map((a) => <List.Item key={a.id}>{a.codigo} · {a.descripcion.slice(0, 90)}</List.Item>)}
              {r.acuerdosLista.length > 12 && <List.Item>… y {(r.acuerdosLista.length - 12).toLocaleString('es-MX')} más</List.Item>}
            </List>
          )}
          <List size="sm" spacing={2}>
            <List.Item>los convocados y la asistencia ({plural(r.convocadosLista.length, 'convocado')})</List.Item>
            <List.Item>el orden del día ({plural(r.orden.length, 'punto')}) y las tarjetas informativas ({plural(r.tarjetas.length, 'tarjeta')})</List.Item>
          </List>
          <Text size="sm" c="dimmed">El seguimiento de los acuerdos continúa. Reabrir requiere a un coordinador y un motivo, que quedan registrados.</Text>
        </Stack>
      ),
    });
    if (!ok) return;
    try {
      const cerrada = await api.llamar('gabinete.reuniones.cerrar', { id: r.id, version: r.version });
      setR(cerrada);
      // The step's promise: the minuta is produced now and shown, not left for the clerk to find.
      const rutaAlCerrar = rutaActual.current;
      const minuta = await generar('gabinete.documentos.minuta', { reunionId: r.id });
      avisarExito(minuta ? `La reunión quedó cerrada y se emitió la minuta (${minuta.nombre}).` : 'La reunión quedó cerrada; genere la minuta en Documentos.');
      if (rutaActual.current !== rutaAlCerrar) return; // they moved on; the notice says where to find it
      navegar(`/gabinete/reuniones/${r.id}/documentos`, { state: minuta ? { generados: [minuta] } : null });
      if (minuta) api.abrir(minuta.archivoId);
    } catch (e) {
      avisarError(e);
    }
  };

  const reabrir = async () => {
    const motivo = await pedirMotivo({
      titulo: 'Reabrir reunión',
      registro: r.nombre,
      descripcion: 'El texto de los acuerdos podrá corregirse de nuevo; el motivo queda registrado.',
      confirmar: 'Reabrir',
    });
    if (!motivo) return;
    api.llamar('gabinete.reuniones.reabrir', { id: r.id, version: r.version, motivo }).then(setR, avisarError);
  };

  const cancelar = async () => {
    const motivo = await pedirMotivo({ titulo: 'Cancelar reunión', registro: r.nombre, confirmar: 'Cancelar reunión', peligro: true });
    if (!motivo) return;
    api.llamar('gabinete.reuniones.cancelar', { id: r.id, version: r.version, motivo }).then(setR, avisarError);
  };

  const editarDatos = () => setEditando(true);

  const cambiarOrdinal = () => {
    let valor: number | string = r.ordinal ?? 1;
    modals.openConfirmModal({
      title: 'Número de la reunión',
      children: (
        <NumberInput label="Ordinal (se muestra en números romanos)" min={1} max={3999} defaultValue={valor} onChange={(v) => (valor = v)} data-autofocus />
      ),
      labels: { confirm: 'Guardar', cancel: 'Cancelar' },
      onConfirm: () => void api.llamar('gabinete.reuniones.cambiarOrdinal', { id: r.id, version: r.version, ordinal: Number(valor) }).then(setR, avisarError),
    });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Title order={2} data-testid="titulo-reunion">{r.nombre}</Title>
            <Badge variant="light" color={COLOR_REUNION[r.estatus]} leftSection={r.estatus === 'cerrada' ? <IconLock size={12} /> : null}>
              {ESTATUS_REUNION.find((e) => e.value === r.estatus)?.label}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {fechaLarga(r.fecha)}, {r.hora} h{r.sede ? ` · ${r.sede}` : ''}{r.municipio ? `, ${r.municipio}` : ''} · {r.tipoNombre}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={() => navegar('/gabinete/reuniones')}>Reuniones</Button>
          {editable && <Button color="guinda" onClick={cerrar} leftSection={<IconLock size={16} />}>Cerrar reunión y emitir minuta</Button>}
          {escribe && r.estatus === 'cerrada' && <Button variant="default" onClick={reabrir} leftSection={<IconLockOpen size={16} />}>Reabrir</Button>}
          {escribe && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="subtle" aria-label="Más acciones"><IconDots size={16} /></Button>
              </Menu.Target>
              <Menu.Dropdown>
                {abierta && <Menu.Item onClick={editarDatos}>Editar fecha, sede o tema…</Menu.Item>}
                {r.numeracion !== 'ninguna' && r.estatus !== 'cerrada' && <Menu.Item onClick={cambiarOrdinal}>Cambiar número (ordinal)…</Menu.Item>}
                {r.estatus === 'programada' && (
                  <Menu.Item onClick={() => void api.llamar('gabinete.reuniones.marcarCelebrada', { id: r.id, version: r.version }).then(setR, avisarError)}>Marcar como celebrada</Menu.Item>
                )}
                {r.estatus === 'programada' && <Menu.Item color="red" onClick={cancelar}>Cancelar reunión…</Menu.Item>}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {editando && <EditarReunion r={r} alCerrar={(nueva) => { setEditando(false); if (nueva) setR(nueva); }} />}
      {r.estatus === 'cerrada' && (
        <Alert color="gray" icon={<IconLock />} py="xs">Minuta emitida: el texto de los acuerdos está bloqueado; su seguimiento continúa en Acuerdos.</Alert>
      )}
      {r.estatus === 'cancelada' && <Alert color="red" py="xs">Reunión cancelada: {r.motivoCancelacion}</Alert>}
      <Tabs value={pestana} onChange={(v) => v && navegar(`/gabinete/reuniones/${r.id}/${v}`, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {PESTANAS.map(([v, t]) => (
            <Tabs.Tab key={v} value={v}>
              {t}
              {v === 'acuerdos' && r.acuerdos > 0 ? ` (${r.acuerdos.toLocaleString('es-MX')})` : ''}
              {v === 'convocados' && r.convocados > 0 ? ` (${r.convocados})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="convocados" pt="sm"><PestanaConvocados r={r} editable={editable} alCambiar={recargar} /></Tabs.Panel>
        <Tabs.Panel value="orden" pt="sm"><PestanaOrden r={r} editable={editable} alCambiar={recargar} /></Tabs.Panel>
        <Tabs.Panel value="asistencia" pt="sm"><PestanaAsistencia r={r} editable={editable} alCambiar={recargar} /></Tabs.Panel>
        <Tabs.Panel value="tarjetas" pt="sm"><PestanaTarjetas r={r} editable={editable} alCambiar={recargar} /></Tabs.Panel>
        <Tabs.Panel value="acuerdos" pt="sm"><PestanaAcuerdos r={r} editable={editable} alCambiar={recargar} /></Tabs.Panel>
        <Tabs.Panel value="anexos" pt="sm"><PestanaAnexos r={r} editable={escribe && r.estatus !== 'cancelada'} alCambiar={recargar} /></Tabs.Panel>
        <Tabs.Panel value="documentos" pt="sm"><PestanaDocumentos r={r} editable={editable} alCambiar={recargar} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Edits date, time, place and tema; the core renames (and renumbers when a "por tema" sequence changes). */
function EditarReunion({ r, alCerrar }: { r: Reunion; alCerrar: (nueva: Reunion | null) => void }) {
  const cat = useCatalogos();
  const [tema, setTema] = useState(r.tema);
  const [fecha, setFecha] = useState<string | null>(r.fecha);
  const [hora, setHora] = useState(r.hora);
  const [sede, setSede] = useState(r.sede);
  const [municipio, setMunicipio] = useState<string | null>(r.municipioClave);
  const [previa, setPrevia] = useState(r.nombre);
  const [iniciales] = useState(() => ({ tema: r.tema, fecha: r.fecha as string | null, hora: r.hora, sede: r.sede, municipio: r.municipioClave as string | null }));
  const borrador = useBorradorEstado(`gabinete.reunion.${r.id}`, { tema, fecha, hora, sede, municipio }, iniciales, (v) => {
    setTema(v.tema);
    setFecha(v.fecha);
    setHora(v.hora);
    setSede(v.sede);
    setMunicipio(v.municipio);
  });
  const cerrar = cerrarPreguntando(borrador.sucio, () => alCerrar(null));
  useEffect(() => {
    let vigente = true;
    api.llamar('gabinete.reuniones.vistaPrevia', { tipoId: r.tipoId, tema, reunionId: r.id }).then((p) => vigente && setPrevia(p.nombre), () => undefined);
    return () => {
      vigente = false;
    };
  }, [tema, r.tipoId, r.id]);
  const guardar = async () => {
    try {
      const nueva = await api.llamar('gabinete.reuniones.editar', { id: r.id, version: r.version, tema, fecha: fecha ?? '', hora, sede, municipioClave: municipio });
      borrador.olvidar();
      alCerrar(nueva);
      avisarExito('Datos de la reunión actualizados.');
    } catch (e) {
      avisarError(e);
    }
  };
  return (
    <Modal opened onClose={cerrar} title="Editar datos de la reunión" size="lg">
      <form noValidate {...tecladoFormulario} onSubmit={(e) => (e.preventDefault(), void guardar())}>
        <Stack gap="xs">
          <AvisosBorrador b={borrador} />
          <Text size="sm" c="dimmed">Nombre: <b>{previa}</b></Text>
          {r.tema ? <CampoTexto label="Tema o región" value={tema} onChange={(e) => setTema(e.currentTarget.value)} maxLength={150} /> : null}
          <Group grow>
            <CampoFecha label="Fecha" value={fecha} onChange={setFecha} />
            <CampoTexto label="Hora (24 h)" value={hora} onChange={(e) => setHora(e.currentTarget.value)} maxLength={5} />
          </Group>
          <CampoTexto label="Sede" value={sede} onChange={(e) => setSede(e.currentTarget.value)} maxLength={200} />
          <CampoSeleccion label="Municipio" clearable data={(cat?.municipios ?? []).map((m) => ({ value: m.clave, label: m.nombre }))} value={municipio} onChange={setMunicipio} />
          <Group justify="flex-end">
            <Button variant="default" onClick={cerrar}>Cancelar</Button>
            <Button type="submit">Guardar (Ctrl+Enter)</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
