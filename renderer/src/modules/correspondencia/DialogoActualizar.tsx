/** Correspondencia › update a turno's estatus, optionally registering the respuesta (oficio and scanned file). */
import { Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { api, ErrorApi } from '../../api';
import { tamano, aBase64, AvisosBorrador, CampoFecha, avisarError, avisarExito, cerrarPreguntando, useBorradorDe } from '../../ui';
import { opciones, type Asunto, type Turno } from './comun';

export function DialogoActualizar({ turno, onClose, alGuardar }: { turno: Turno | null; onClose: () => void; alGuardar: (a: Asunto) => void }) {
  const [estatus, setEstatus] = useState<string>('en_proceso');
  const [conRespuesta, setConRespuesta] = useState(false);
  const [oficio, setOficio] = useState('');
  const [fechaR, setFechaR] = useState<string | null>(null);
  const [resumen, setResumen] = useState('');
  const [archivo, setArchivo] = useState<File | null>(null);
  const [guardando, setGuardando] = useState(false);
  const selector = useRef<HTMLInputElement>(null);
  // The respuesta being typed is a draft per turno.
  const borrador = useBorradorDe(
    turno ? `correspondencia.turno.${turno.id}` : undefined,
    { estatus, conRespuesta, oficio, fechaR, resumen },
    oficio.trim() !== '' || resumen.trim() !== '',
    (v) => {
      setEstatus(v.estatus);
      setConRespuesta(v.conRespuesta);
      setOficio(v.oficio);
      setFechaR(v.fechaR);
      setResumen(v.resumen);
    },
  );
  const cerrar = cerrarPreguntando(borrador.sucio, onClose);
  useEffect(() => {
    if (!turno) return;
    setEstatus(turno.estatus === 'pendiente' ? 'en_proceso' : turno.estatus);
    setConRespuesta(false);
    setOficio('');
    setFechaR(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Hermosillo' }).format(new Date()));
    setResumen('');
    setArchivo(null);
  }, [turno]);
  if (!turno) return null;
  const guardar = async () => {
    setGuardando(true);
    try {
      const respuesta =
        conRespuesta && fechaR
          ? { numeroOficio: oficio, fecha: fechaR, resumen, anexo: archivo ? { nombre: archivo.name, contenidoBase64: await aBase64(archivo) } : null }
          : null;
      const a = await api.llamar('correspondencia.turnos.actualizar', { id: turno.id, version: turno.version, estatus: estatus as never, respuesta });
      avisarExito(`Turno a ${turno.dependenciaSiglas || turno.dependencia} actualizado.`);
      borrador.olvidar();
      alGuardar(a);
      onClose();
    } catch (e) {
      avisarError(e, e instanceof ErrorApi && e.code === 'CONFLICTO' ? 'Conflicto' : 'No se guardó');
    } finally {
      setGuardando(false);
    }
  };
  return (
    <Modal opened onClose={cerrar} title={`Actualizar turno — ${turno.dependencia}`} size="lg">
      <Stack>
        <AvisosBorrador b={borrador} guardando={guardando} />
        <Select label="Estatus" data={opciones.estatusTurno} value={estatus} onChange={(v) => v && setEstatus(v)} allowDeselect={false} data-autofocus />
        <Button variant={conRespuesta ? 'light' : 'default'} onClick={() => setConRespuesta((x) => !x)}>
          {conRespuesta ? 'Sin respuesta' : 'Registrar respuesta (oficio)'}
        </Button>
        {conRespuesta && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <SimpleGrid cols={2}>
                <TextInput label="Número de oficio de respuesta" value={oficio} onChange={(e) => setOficio(e.currentTarget.value)} />
                <CampoFecha label="Fecha de la respuesta" value={fechaR} onChange={setFechaR} />
              </SimpleGrid>
              <Textarea label="Resumen de la respuesta" autosize minRows={2} value={resumen} onChange={(e) => setResumen(e.currentTarget.value)} />
              <Group>
                <Button size="xs" variant="default" leftSection={<IconPaperclip size={14} />} onClick={() => selector.current?.click()}>
                  {archivo ? `${archivo.name} · ${tamano(archivo.size)}` : 'Adjuntar la respuesta escaneada…'}
                </Button>
                <input ref={selector} type="file" hidden aria-label="Archivo de respuesta" accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" onChange={(e) => setArchivo(e.currentTarget.files?.[0] ?? null)} />
              </Group>
            </Stack>
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cerrar}>Cancelar</Button>
          <Button onClick={() => void guardar()} loading={guardando}>Guardar</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
