/** Correspondencia › devolución of a turno by its dependencia (date and reason), and its reasignación to another one. */
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { AvisosBorrador, CampoFecha, avisarError, avisarExito, cerrarPreguntando, fechaDeInstante, useBorradorEstado } from '../../ui';
import { useCatalogos, type Asunto, type Turno } from './comun';

interface Props {
  turno: Turno | null;
  folio: string;
  onClose: () => void;
  alGuardar: (a: Asunto) => void;
}

export function DialogoDevolver({ turno, folio, onClose, alGuardar }: Props) {
  const [dia, setDia] = useState<string | null>(fechaDeInstante(Date.now()));
  const [motivo, setMotivo] = useState('');
  const [guardando, setGuardando] = useState(false);
  useEffect(() => {
    setDia(fechaDeInstante(Date.now()));
    setMotivo('');
  }, [turno]);
  const borrador = useBorradorEstado(turno ? `correspondencia.devolucion.${turno.id}` : undefined, { dia, motivo }, { dia: fechaDeInstante(Date.now()), motivo: '' }, (v) => {
    setDia(v.dia);
    setMotivo(v.motivo);
  });
  const cerrar = cerrarPreguntando(borrador.sucio, onClose);
  if (!turno) return null;
  const guardar = async () => {
    if (!dia) return;
    setGuardando(true);
    try {
      alGuardar(await api.llamar('correspondencia.turnos.devolver', { id: turno.id, version: turno.version, fecha: dia, motivo }));
      avisarExito(`Se registró la devolución de ${turno.dependenciaSiglas || turno.dependencia}. Reasigne el asunto a otra dependencia.`);
      borrador.olvidar();
      onClose();
    } catch (e) {
      avisarError(e, 'No se registró la devolución');
    } finally {
      setGuardando(false);
    }
  };
  return (
    <Modal opened onClose={cerrar} title="Devolución del turno">
      <Stack>
        <AvisosBorrador b={borrador} guardando={guardando} />
        <Text size="sm">Asunto {folio} · <b>{turno.dependencia}</b> devuelve el turno por no ser de su competencia. El turno queda en el historial, fuera de los semáforos.</Text>
        <CampoFecha label="Fecha de devolución" value={dia} onChange={setDia} withAsterisk />
        <Textarea label="Motivo" withAsterisk autosize minRows={2} value={motivo} onChange={(e) => setMotivo(e.currentTarget.value)} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={cerrar}>Cancelar</Button>
          <Button color="orange" onClick={() => void guardar()} loading={guardando} disabled={!dia || motivo.trim().length < 3}>Registrar devolución</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DialogoReasignar({ turno, folio, onClose, alGuardar }: Props) {
  const cat = useCatalogos();
  const [dep, setDep] = useState<string | null>(null);
  const [guardando, setGuardando] = useState(false);
  useEffect(() => setDep(null), [turno]);
  if (!turno) return null;
  const opciones = (cat?.dependencias ?? []).filter((d) => d.activa && d.id !== turno.dependenciaId).map((d) => ({ value: d.id, label: d.siglas ? `${d.siglas} — ${d.nombre}` : d.nombre }));
  const guardar = async () => {
    if (!dep) return;
    setGuardando(true);
    try {
      alGuardar(await api.llamar('correspondencia.turnos.reasignar', { id: turno.id, version: turno.version, dependenciaId: dep }));
      avisarExito('Asunto reasignado con un plazo nuevo.');
      onClose();
    } catch (e) {
      avisarError(e, 'No se reasignó');
    } finally {
      setGuardando(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Reasignar a otra dependencia">
      <Stack>
        <Text size="sm">Asunto {folio} · devuelto por <b>{turno.dependencia}</b>. El nuevo turno conserva la instrucción «{turno.instruccion}» y su plazo se cuenta desde hoy.</Text>
        <Select label="Dependencia" data={opciones} value={dep} onChange={setDep} searchable withAsterisk data-autofocus comboboxProps={{ withinPortal: false }} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancelar</Button>
          <Button onClick={() => void guardar()} loading={guardando} disabled={!dep}>Reasignar</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
