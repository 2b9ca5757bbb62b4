/** Correspondencia › prórroga of a turno's plazo, with its motivo. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { AvisosBorrador, CampoFecha, avisarError, avisarExito, cerrarPreguntando, fecha, useBorradorEstado } from '../../ui';
import type { Asunto, Turno } from './comun';

export function DialogoProrroga({ turno, folio, onClose, alGuardar }: { turno: Turno | null; folio: string; onClose: () => void; alGuardar: (a: Asunto) => void }) {
  const [nueva, setNueva] = useState<string | null>(null);
  const [motivo, setMotivo] = useState('');
  const [guardando, setGuardando] = useState(false);
  useEffect(() => {
    setNueva(null);
    setMotivo('');
  }, [turno]);
  const borrador = useBorradorEstado(turno ? `correspondencia.prorroga.${turno.id}` : undefined, { nueva, motivo }, { nueva: null, motivo: '' }, (v) => {
    setNueva(v.nueva);
    setMotivo(v.motivo);
  });
  const cerrar = cerrarPreguntando(borrador.sucio, onClose);
  if (!turno) return null;
  const guardar = async () => {
    if (!nueva) return;
    setGuardando(true);
    try {
      const a = await api.llamar('correspondencia.turnos.prorrogar', { id: turno.id, version: turno.version, fechaLimite: nueva, motivo });
      avisarExito(`Plazo del turno a ${turno.dependenciaSiglas || turno.dependencia} extendido al ${fecha(nueva)}.`);
      borrador.olvidar();
      alGuardar(a);
      onClose();
    } catch (e) {
      avisarError(e, 'No se concedió la prórroga');
    } finally {
      setGuardando(false);
    }
  };
  return (
    <Modal opened onClose={cerrar} title="Prórroga del plazo">
      <Stack>
        <AvisosBorrador b={borrador} guardando={guardando} />
        <Text size="sm">
          Asunto {folio} · turno a <b>{turno.dependencia}</b>. Plazo actual: <b>{fecha(turno.fechaLimite)}</b>
          {turno.plazoOriginal && turno.plazoOriginal !== turno.fechaLimite ? ` (original ${fecha(turno.plazoOriginal)})` : ''}.
        </Text>
        <CampoFecha label="Nueva fecha límite" value={nueva} onChange={setNueva} withAsterisk data-autofocus />
        <Textarea label="Motivo" withAsterisk autosize minRows={2} value={motivo} onChange={(e) => setMotivo(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cerrar}>Cancelar</Button>
          <Button onClick={() => void guardar()} loading={guardando} disabled={!nueva || motivo.trim().length < 3}>
            Conceder prórroga
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
