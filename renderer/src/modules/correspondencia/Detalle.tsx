/**
 * Asunto (detalle): header with folio, estatus and semáforo; the document's fields and anexos with
 * preview; turnos as cards with both semáforos and the actions the role allows; the timeline.
 * Each card, list and dialog lives in its own sibling file; this one lays them out and owns the state.
 */
import { Button, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconBan, IconEdit, IconPrinter, IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import { Semaforo, avisarError, avisarExito, fecha, pedirMotivo } from '../../ui';
import { ETIQUETAS, Pestanas, abrirPdf, usePuede, type Asunto, type Turno } from './comun';
import { VistaPrevia } from './VistaPrevia';
import { DialogoTurnar } from './DialogoTurnar';
import { DialogoActualizar } from './DialogoActualizar';
import { DialogoProrroga } from './DialogoProrroga';
import { DialogoDevolver, DialogoReasignar } from './DialogoDevolucion';
import { OficiosDelAsunto } from '../oficios/OficiosDelAsunto';
import { DialogoEditar } from './DialogoEditar';
import { TarjetaTurno } from './TarjetaTurno';
import { ListaAnexos } from './ListaAnexos';
import { LineaDeTiempo } from './LineaDeTiempo';

function Campo({ etiqueta, children }: { etiqueta: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{etiqueta}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{children || '—'}</Text>
    </div>
  );
}

export function DetalleAsunto({ id, compacto = false, turnarAlAbrir = false, alCambiar }: { id: string; compacto?: boolean; turnarAlAbrir?: boolean; alCambiar?: () => void }) {
  const puede = usePuede();
  const [a, setA] = useState<Asunto | null>(null);
  const [turnando, setTurnando] = useState(false);
  const [editando, setEditando] = useState(false);
  const [actualizando, setActualizando] = useState<Turno | null>(null);
  const [prorrogando, setProrrogando] = useState<Turno | null>(null);
  const [devolviendo, setDevolviendo] = useState<Turno | null>(null);
  const [reasignando, setReasignando] = useState<Turno | null>(null);
  const [vista, setVista] = useState<{ sha256: string; nombre: string } | null>(null);

  const cargar = useCallback(() => {
    api.llamar('correspondencia.obtener', { id }).then(setA).catch(avisarError);
  }, [id]);
  useEffect(() => {
    setA(null);
    cargar();
  }, [cargar]);
  useAlCambiar(cargar, ['asuntos', 'turnos', 'anexos']);
  useEffect(() => {
    if (turnarAlAbrir && a && puede.capturar && a.turnos.length === 0) setTurnando(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [turnarAlAbrir, a?.id]);

  const cambiar = (x: Asunto) => {
    setA(x);
    alCambiar?.();
  };

  if (!a) return <Loader m="xl" />;

  const conMotivo = async (accion: 'anular' | 'archivar') => {
    const motivo = await pedirMotivo({
      titulo: accion === 'anular' ? 'Anular asunto' : 'Archivar sin turno',
      registro: `Asunto ${a.folio} · ${a.asunto.slice(0, 80)}`,
      descripcion: accion === 'anular' ? 'El folio queda usado y visible como anulado; no se reutiliza.' : 'El asunto concluye sin turnarse a ninguna dependencia.',
      confirmar: accion === 'anular' ? 'Anular' : 'Archivar',
      peligro: accion === 'anular',
    });
    if (!motivo) return;
    try {
      cambiar(await api.llamar(accion === 'anular' ? 'correspondencia.anular' : 'correspondencia.archivar', { id: a.id, version: a.version, motivo }));
      avisarExito(accion === 'anular' ? `Asunto ${a.folio} anulado.` : `Asunto ${a.folio} archivado.`);
    } catch (e) {
      avisarError(e);
    }
  };

  const editable = puede.capturar && !a.anulado;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={compacto ? 3 : 2} data-testid="folio-asunto">{a.folio}</Title>
            <Text size="sm" c="dimmed">
              {a.serieNombre} · recibido el {fecha(a.fechaRecepcion)} a las {a.horaRecepcion} · {ETIQUETAS.destinatario[a.destinatario]}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Semaforo color={a.semaforoEstatus.color} texto={a.semaforoEstatus.etiqueta} tamano="md" />
            <Semaforo color={a.semaforoPlazo.color} texto={a.semaforoPlazo.etiqueta} motivo={a.semaforoPlazo.motivo} mostrarMotivo="junto" />
          </Stack>
        </Group>
        {a.anulado && <Text c="red.8" mt="xs">Anulado: {a.motivoAnulacion}</Text>}
        {a.archivado && <Text c="dimmed" mt="xs">Archivado sin turno: {a.motivoArchivo}</Text>}
        <Group gap="xs" mt="sm">
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => void abrirPdf(api.llamar('correspondencia.reportes.acuse', { id: a.id }))}>
            Imprimir acuse
          </Button>
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => void abrirPdf(api.llamar('correspondencia.reportes.volante', { id: a.id }))}>
            Imprimir volante
          </Button>
          {editable && !a.archivado && (
            <Button size="xs" leftSection={<IconSend size={14} />} onClick={() => setTurnando(true)}>
              Turnar
            </Button>
          )}
          {editable && (
            <Button size="xs" variant="light" leftSection={<IconEdit size={14} />} onClick={() => setEditando(true)}>
              Editar
            </Button>
          )}
          {editable && a.estatus === 'por_turnar' && (
            <Button size="xs" variant="light" color="gray" leftSection={<IconArchive size={14} />} onClick={() => void conMotivo('archivar')}>
              Archivar
            </Button>
          )}
          {editable && (
            <Button size="xs" variant="light" color="red" leftSection={<IconBan size={14} />} onClick={() => void conMotivo('anular')}>
              Anular
            </Button>
          )}
        </Group>
      </Paper>

      <Grid gap="md">
        <Grid.Col span={compacto ? 12 : 6}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Campo etiqueta="Remitente">{[a.remitenteNombre, a.remitenteCargo, a.remitenteOrganizacion].filter(Boolean).join(', ')}</Campo>
              <SimpleGrid cols={3}>
                <Campo etiqueta="Tipo">{ETIQUETAS.tipo[a.tipo]}</Campo>
                <Campo etiqueta="Número de oficio">{a.oficioNumero}</Campo>
                <Campo etiqueta="Fecha del oficio">{fecha(a.oficioFecha)}</Campo>
                <Campo etiqueta="Medio">{ETIQUETAS.medio[a.medio]}</Campo>
                <Campo etiqueta="Prioridad">{ETIQUETAS.prioridad[a.prioridad]}</Campo>
                <Campo etiqueta="Municipio">{a.municipio}</Campo>
              </SimpleGrid>
              <Campo etiqueta="Asunto">{a.asunto}</Campo>
              <Campo etiqueta="Serie documental">{a.serieDocumental}</Campo>
              <Campo etiqueta="Observaciones">{a.observaciones}</Campo>
              <Campo etiqueta="Registró">{a.registradoPor}</Campo>
              {a.horasParaTurnar !== null && <Campo etiqueta="Horas para turnar">{`${a.horasParaTurnar.toLocaleString('es-MX')} h`}</Campo>}
              <ListaAnexos asuntoId={a.id} anexos={a.anexos} editable={editable} alVer={setVista} alCambiar={cambiar} />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={compacto ? 12 : 6}>
          <Stack gap="sm">
            <Title order={4}>Turnos</Title>
            {a.turnos.length === 0 && (
              <Text size="sm" c="dimmed">
                Aún no se ha turnado. {editable && !a.archivado && 'Use «Turnar» para enviarlo a una o varias dependencias.'}
              </Text>
            )}
            {a.turnos.map((t) => (
              <TarjetaTurno key={t.id} t={t} asunto={a} puede={puede.capturar} alActualizar={() => setActualizando(t)} alProrrogar={() => setProrrogando(t)} alCambiar={cambiar} alDevolver={() => setDevolviendo(t)} alReasignar={() => setReasignando(t)} />
            ))}
          </Stack>
        </Grid.Col>
      </Grid>

      <OficiosDelAsunto asuntoId={a.id} puede={puede.capturar && !a.anulado} />

      <LineaDeTiempo eventos={a.eventos} />

      <DialogoTurnar asunto={a} abierto={turnando} onClose={() => setTurnando(false)} alTurnar={cambiar} />
      <DialogoEditar asunto={a} abierto={editando} onClose={() => setEditando(false)} alGuardar={cambiar} />
      <DialogoActualizar turno={actualizando} onClose={() => setActualizando(null)} alGuardar={cambiar} />
      <DialogoProrroga turno={prorrogando} folio={a.folio} onClose={() => setProrrogando(null)} alGuardar={cambiar} />
      <DialogoDevolver turno={devolviendo} folio={a.folio} onClose={() => setDevolviendo(null)} alGuardar={cambiar} />
      <DialogoReasignar turno={reasignando} folio={a.folio} onClose={() => setReasignando(null)} alGuardar={cambiar} />
      <VistaPrevia asuntoId={a.id} archivo={vista} onClose={() => setVista(null)} />
    </Stack>
  );
}

export function PaginaAsunto() {
  const { id } = useParams();
  const [params] = useSearchParams();
  return (
    <Stack>
      <Pestanas />
      {id && <DetalleAsunto id={id} turnarAlAbrir={params.get('turnar') === '1'} />}
    </Stack>
  );
}
