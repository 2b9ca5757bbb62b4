/**
 * One oficio: a draft from a plantilla (editable until it is emitted), then read-only with its número,
 * PDF, delivery with the scanned acuse, or anulación.
 */
import { Alert, Anchor, Autocomplete, Button, FileInput, Grid, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconFileTypePdf, IconSend, IconDeviceFloppy, IconTruckDelivery, IconBan } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Input, Output } from '../../../../electron/contract';
import { CAMPOS_TABLA, ETIQUETAS_OFICIO } from '../../../../electron/contract/oficios';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import { aBase64, AvisosBorrador, CampoFecha, avisarError, cerrarPreguntando, useBorradorEstado, avisarExito, fecha, fechaDeInstante, fechaLarga, pedirMotivo } from '../../ui';
import { Estatus, Pestanas, abrirPdfOficios, usePuedeRedactar, type Oficio } from './comun';
import { AnexosOficio } from './Anexos';

type Campos = Input<'oficios.crear'>;
type Destinatario = Output<'oficios.destinatarios'>[number];

function Tablas({ cuerpo, tablas }: { cuerpo: string; tablas: Oficio['tablas'] }) {
  const nombres = Object.keys(tablas).filter((t) => cuerpo.includes(`{${t}}`));
  return (
    <>
      {nombres.map((n) => (
        <Stack key={n} gap={4}>
          <Text size="sm" fw={600}>{`{${n}}`} — {CAMPOS_TABLA[n as keyof typeof CAMPOS_TABLA] ?? n}</Text>
          <Table withTableBorder fz="xs" striped>
            <Table.Thead>
              <Table.Tr>{tablas[n].columnas.map((c) => <Table.Th key={c.titulo}>{c.titulo}</Table.Th>)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tablas[n].filas.map((f, i) => <Table.Tr key={i}>{f.map((v, j) => <Table.Td key={j}>{v}</Table.Td>)}</Table.Tr>)}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </>
  );
}

function Editor({ inicial, oficio, borrador: clave, alGuardar }: { inicial: Campos; oficio: Oficio | null; borrador: string; alGuardar: (o: Oficio) => void }) {
  const [c, setC] = useState<Campos>(inicial);
  const [destinatarios, setDestinatarios] = useState<Destinatario[]>([]);
  const [ccp, setCcp] = useState((inicial.ccp ?? []).join('\n'));
  const [ocupado, setOcupado] = useState(false);
  const [iniciales] = useState(() => ({ c: inicial, ccp }));
  const borrador = useBorradorEstado(clave, { c, ccp }, iniciales, (v) => {
    setC(v.c);
    setCcp(v.ccp);
  });
  useEffect(() => {
    api.llamar('oficios.destinatarios', {}).then(setDestinatarios, avisarError);
  }, []);
  const dest = c.destinatario;
  const poner = (d: Partial<Campos['destinatario']>) => setC((x) => ({ ...x, destinatario: { ...x.destinatario, ...d } }));
  const campos = (): Campos => ({ ...c, ccp: ccp.split('\n').map((l) => l.trim()).filter(Boolean) });

  const guardar = async (emitir: boolean) => {
    setOcupado(true);
    try {
      let o = oficio
        ? await api.llamar('oficios.editar', { ...campos(), id: oficio.id, version: oficio.version })
        : await api.llamar('oficios.crear', campos());
      if (emitir) {
        o = await api.llamar('oficios.emitir', { id: o.id, version: o.version });
        avisarExito(`Oficio ${o.numero} emitido.`);
      } else avisarExito('Borrador guardado.');
      borrador.olvidar();
      alGuardar(o);
    } catch (e) {
      avisarError(e, emitir ? 'No se emitió el oficio' : 'No se guardó el borrador');
    } finally {
      setOcupado(false);
    }
  };

  const opciones = [...new Set(destinatarios.map((d) => d.nombre))];
  return (
    <Paper withBorder p="md">
      <AvisosBorrador b={borrador} guardando={ocupado} />
      <Stack>
        <Grid>
          <Grid.Col span={4}>
            <Autocomplete
              label="Destinatario"
              withAsterisk
              data={opciones}
              value={dest.nombre ?? ''}
              onChange={(v) => {
                const d = destinatarios.find((x) => x.nombre === v);
                poner(d ? { nombre: d.nombre, cargo: d.cargo, dependencia: d.dependencia, dependenciaId: d.dependenciaId } : { nombre: v });
              }}
              placeholder="Escriba o elija del directorio"
              comboboxProps={{ withinPortal: false }}
            />
          </Grid.Col>
          <Grid.Col span={4}><TextInput label="Cargo" value={dest.cargo ?? ''} onChange={(e) => poner({ cargo: e.currentTarget.value })} /></Grid.Col>
          <Grid.Col span={4}><TextInput label="Dependencia u organización" value={dest.dependencia ?? ''} onChange={(e) => poner({ dependencia: e.currentTarget.value })} /></Grid.Col>
        </Grid>
        <TextInput label="Asunto" withAsterisk value={c.asunto ?? ''} onChange={(e) => { const v = e.currentTarget.value; setC((x) => ({ ...x, asunto: v })); }} />
        <Textarea
          label="Cuerpo"
          description="Separe los párrafos con un renglón en blanco. Un renglón con {turnos_vencidos} imprime la tabla."
          withAsterisk
          autosize
          minRows={10}
          maxRows={24}
          value={c.cuerpo ?? ''}
          onChange={(e) => { const v = e.currentTarget.value; setC((x) => ({ ...x, cuerpo: v })); }}
        />
        <Tablas cuerpo={c.cuerpo ?? ''} tablas={c.tablas ?? {}} />
        <Grid>
          <Grid.Col span={4}><TextInput label="Firmante" value={c.firmante.nombre} onChange={(e) => { const v = e.currentTarget.value; setC((x) => ({ ...x, firmante: { ...x.firmante, nombre: v } })); }} /></Grid.Col>
          <Grid.Col span={4}><TextInput label="Cargo del firmante" value={c.firmante.cargo ?? ''} onChange={(e) => { const v = e.currentTarget.value; setC((x) => ({ ...x, firmante: { ...x.firmante, cargo: v } })); }} /></Grid.Col>
          <Grid.Col span={4}><Textarea label="c.c.p. (uno por renglón)" autosize minRows={1} value={ccp} onChange={(e) => setCcp(e.currentTarget.value)} /></Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={ocupado} onClick={() => void guardar(false)}>Guardar borrador</Button>
          <Button leftSection={<IconSend size={16} />} loading={ocupado} onClick={() => void guardar(true)}>Emitir</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function DialogoEntrega({ o, onClose, alGuardar }: { o: Oficio; onClose: () => void; alGuardar: (o: Oficio) => void }) {
  const [iniciales] = useState(() => ({ dia: fechaDeInstante(Date.now()) as string | null }));
  const [dia, setDia] = useState<string | null>(iniciales.dia);
  const [archivo, setArchivo] = useState<File | null>(null);
  const [ocupado, setOcupado] = useState(false);
  // The date is kept as a draft; a chosen file cannot be (the browser does not let a page store it), but it still counts as a change.
  const borrador = useBorradorEstado(`oficios.entrega.${o.id}`, { dia }, iniciales, (v) => setDia(v.dia));
  const sucio = borrador.sucio || archivo !== null;
  const guardar = async () => {
    if (!dia) return;
    setOcupado(true);
    try {
      const acuse = archivo ? { nombre: archivo.name, contenidoBase64: await aBase64(archivo) } : null;
      alGuardar(await api.llamar('oficios.entregar', { id: o.id, version: o.version, fecha: dia, acuse }));
      borrador.olvidar();
      avisarExito(`Oficio ${o.numero} entregado.`);
      onClose();
    } catch (e) {
      avisarError(e, 'No se registró la entrega');
    } finally {
      setOcupado(false);
    }
  };
  const cerrar = cerrarPreguntando(sucio && !ocupado, onClose);
  return (
    <Modal opened onClose={cerrar} title={`Entrega del oficio ${o.numero}`}>
      <Stack>
        <AvisosBorrador b={borrador} guardando={ocupado} />
        <CampoFecha label="Fecha de entrega" value={dia} onChange={setDia} withAsterisk />
        <FileInput label="Acuse de recibo escaneado (PDF o imagen)" placeholder="Elegir archivo…" accept="application/pdf,image/png,image/jpeg,image/tiff" value={archivo} onChange={setArchivo} clearable data-testid="acuse" />
        <Group justify="flex-end">
          <Button variant="default" onClick={cerrar}>Cancelar</Button>
          <Button onClick={() => void guardar()} loading={ocupado} disabled={!dia}>Registrar entrega</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Lectura({ o, alCambiar }: { o: Oficio; alCambiar: (o: Oficio) => void }) {
  const { redactar } = usePuedeRedactar();
  const [entregando, setEntregando] = useState(false);
  const anular = async () => {
    const motivo = await pedirMotivo({ titulo: 'Anular oficio', registro: `Oficio ${o.numero ?? '(borrador)'} · ${o.asunto}`, confirmar: 'Anular' });
    if (!motivo) return;
    try {
      alCambiar(await api.llamar('oficios.anular', { id: o.id, version: o.version, motivo }));
      avisarExito('Oficio anulado; su número queda usado.');
    } catch (e) {
      avisarError(e);
    }
  };
  const abrirArchivo = (sha256: string) => api.llamar('oficios.archivo', { id: o.id, sha256 }).then((x) => api.abrir(x.archivoId), avisarError);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        {o.estatus === 'anulado' && <Alert color="red" title="Oficio anulado">{o.motivoAnulacion}</Alert>}
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={700}>{o.destinatario.nombre}</Text>
            {o.destinatario.cargo && <Text size="sm">{o.destinatario.cargo}</Text>}
            {o.destinatario.dependencia && <Text size="sm">{o.destinatario.dependencia}</Text>}
          </Stack>
          <Stack gap={2} align="flex-end">
            <Text size="sm">{o.lugar}, a {fechaLarga(o.fecha)}</Text>
            <Text size="sm" fw={600}>Asunto: {o.asunto}</Text>
          </Stack>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{o.cuerpo.split('\n').filter((l) => !/^\s*\{[a-z_]+\}\s*$/.test(l)).join('\n')}</Text>
        <Tablas cuerpo={o.cuerpo} tablas={o.tablas} />
        <Text size="sm">Firma: <b>{o.firmante.nombre}</b>{o.firmante.cargo ? `, ${o.firmante.cargo}` : ''}</Text>
        {o.ccp.length > 0 && <Text size="xs" c="dimmed">c.c.p. {o.ccp.join('; ')}</Text>}
        {o.referencias.length > 0 && <Text size="xs" c="dimmed">Se refiere a: {o.referencias.map((r) => r.etiqueta).join(', ')}</Text>}
        <AnexosOficio o={o} alCambiar={alCambiar} />
        {o.entrega && (
          <Text size="sm">
            Entregado el {fecha(o.entrega.fecha)}
            {o.entrega.acuse && <> · acuse: <Anchor size="sm" onClick={() => void abrirArchivo(o.entrega!.acuse!.sha256)}>{o.entrega.acuse.nombre}</Anchor></>}
          </Text>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" leftSection={<IconFileTypePdf size={16} />} onClick={() => void abrirPdfOficios([o.id])}>Ver PDF</Button>
          {redactar && o.estatus === 'emitido' && <Button leftSection={<IconTruckDelivery size={16} />} onClick={() => setEntregando(true)}>Marcar entregado</Button>}
          {redactar && o.estatus !== 'anulado' && <Button variant="subtle" color="red" leftSection={<IconBan size={16} />} onClick={() => void anular()}>Anular</Button>}
        </Group>
      </Stack>
      {entregando && <DialogoEntrega o={o} onClose={() => setEntregando(false)} alGuardar={alCambiar} />}
    </Paper>
  );
}

export function PaginaOficio() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const ir = useNavigate();
  const [o, setO] = useState<Oficio | null>(null);
  const [inicial, setInicial] = useState<Campos | null>(null);
  const [plantillas, setPlantillas] = useState<Output<'oficios.plantillas.listar'>>([]);
  const asuntoId = params.get('asunto');
  const turnoId = params.get('turno');

  const redactar = async (plantillaId: string | null) => {
    try {
      setInicial(await api.llamar('oficios.redactar', { plantillaId, asuntoId, turnoId }));
    } catch (e) {
      avisarError(e);
    }
  };
  useEffect(() => {
    // Just saved under this id (the new oficio's address replaced «nuevo»): it is already shown.
    if (id && o?.id === id) return;
    setO(null);
    setInicial(null);
    if (id) {
      api.llamar('oficios.obtener', { id }).then((x) => {
        setO(x);
        setInicial({ ...x, destinatario: x.destinatario });
      }, avisarError);
      return;
    }
    api.llamar('oficios.plantillas.listar', {}).then((ps) => {
      setPlantillas(ps.filter((p) => p.activa && p.tipo !== 'recordatorio'));
      const clave = params.get('plantilla');
      void redactar(ps.find((p) => p.clave === clave)?.id ?? null);
    }, avisarError);
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps

  // Another station's change shows at once on a read-only oficio; a borrador being typed is left alone
  // (saving it over a newer version gets the conflict message, nothing is overwritten).
  useAlCambiar(() => {
    if (id && o && o.estatus !== 'borrador') void api.llamar('oficios.obtener', { id }).then((x) => (setO(x), setInicial({ ...x })), avisarError);
  }, ['oficios', 'oficios_anexos']);

  const guardado = (x: Oficio) => {
    setO(x);
    setInicial({ ...x });
    if (!id) ir(`/oficios/${x.id}`, { replace: true });
  };
  return (
    <Stack>
      <Pestanas />
      <Group justify="space-between">
        <Group>
          <Title order={2} data-testid="numero-oficio">{o?.numero ? `Oficio ${o.numero}` : o ? 'Oficio (borrador)' : id ? 'Oficio' : 'Nuevo oficio'}</Title>
          {o && <Estatus estatus={o.estatus} />}
          {o && <Text c="dimmed" size="sm">{ETIQUETAS_OFICIO.tipo[o.tipo]}</Text>}
        </Group>
        {!id && (
          <Select
            w={320}
            label="Plantilla"
            data={plantillas.map((p) => ({ value: p.id, label: p.nombre }))}
            value={inicial?.plantillaId ?? null}
            onChange={(v) => void redactar(v)}
            placeholder="Sin plantilla"
            clearable
            comboboxProps={{ withinPortal: false }}
          />
        )}
      </Group>
      {/* Keyed by the oficio, not its version: attaching an anexo must not reset the text being typed. */}
      {inicial && (!o || o.estatus === 'borrador') && <Editor key={o?.id ?? `nuevo:${inicial.plantillaId}`} inicial={inicial} oficio={o} borrador={o ? `oficios.${o.id}` : `oficios.nuevo.${asuntoId ?? 'libre'}`} alGuardar={guardado} />}
      {o && o.estatus !== 'borrador' && <Lectura o={o} alCambiar={guardado} />}
      {o && o.estatus === 'borrador' && (
        <Paper withBorder p="md">
          <AnexosOficio o={o} alCambiar={setO} />
          <Group justify="flex-end" mt="sm">
            <Button variant="subtle" onClick={() => void abrirPdfOficios([o.id])}>Vista previa en PDF</Button>
          </Group>
        </Paper>
      )}
      {inicial && !o && <Text size="sm" c="dimmed">Guarde el borrador para adjuntar anexos.</Text>}
    </Stack>
  );
}
