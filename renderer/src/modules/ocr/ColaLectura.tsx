/** Ajustes › Lectura de escaneos (administrador): on/off or business hours, and the reading queue. */
import { Badge, Button, Group, Paper, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../electron/contract';
import { api } from '../../api';
import { avisarError, avisarExito } from '../../ui';
import { textoLectura } from './EstadoLectura';

type Cola = Output<'ocr.cola'>;
const COLOR = { pendiente: 'gray', leyendo: 'blue', listo: 'green', error: 'red', quitado: 'gray' } as const;
const ETIQUETA = { pendiente: 'En espera', leyendo: 'Leyendo', listo: 'Leído', error: 'Error', quitado: 'Quitado' } as const;

export function ColaLectura() {
  const [cola, setCola] = useState<Cola | null>(null);
  const [ajustes, setAjustes] = useState<Cola['ajustes'] | null>(null);

  const cargar = async () => {
    try {
      const c = await api.llamar('ocr.cola', {});
      setCola(c);
      setAjustes((a) => a ?? c.ajustes);
    } catch (e) {
      avisarError(e);
    }
  };
  useEffect(() => {
    void cargar();
    const t = setInterval(() => void cargar(), 3000);
    return () => clearInterval(t);
  }, []);

  const guardar = async () => {
    if (!ajustes) return;
    try {
      setAjustes(await api.llamar('ocr.guardarAjustes', ajustes));
      avisarExito('Se guardaron los ajustes de lectura.');
      void cargar();
    } catch (e) {
      avisarError(e, 'No se guardaron los ajustes');
    }
  };
  const accion = async (metodo: 'ocr.quitar' | 'ocr.reintentar', anexoId: string) => {
    try {
      await api.llamar(metodo, { anexoId });
      void cargar();
    } catch (e) {
      avisarError(e);
    }
  };

  if (!cola || !ajustes) return <Text c="dimmed">Cargando…</Text>;
  return (
    <Stack maw={1000}>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text size="sm">
            Los anexos escaneados se leen sin conexión, una página a la vez, para buscar dentro de ellos. {cola.trabajando ? 'La lectura está en marcha.' : 'La lectura está en pausa.'}{' '}
            {cola.porLeer ? `${cola.porLeer} por leer.` : 'No hay anexos por leer.'}
          </Text>
          <Switch label="Leer los anexos escaneados" checked={ajustes.activo} onChange={(e) => setAjustes({ ...ajustes, activo: e.currentTarget.checked })} />
          <Group align="flex-end">
            <Switch label="Solo en horario laboral (días hábiles)" checked={ajustes.soloHorarioLaboral} onChange={(e) => setAjustes({ ...ajustes, soloHorarioLaboral: e.currentTarget.checked })} />
            <TextInput w={90} label="De" value={ajustes.horaInicio} onChange={(e) => setAjustes({ ...ajustes, horaInicio: e.currentTarget.value })} disabled={!ajustes.soloHorarioLaboral} />
            <TextInput w={90} label="A" value={ajustes.horaFin} onChange={(e) => setAjustes({ ...ajustes, horaFin: e.currentTarget.value })} disabled={!ajustes.soloHorarioLaboral} />
            <Button onClick={() => void guardar()}>Guardar</Button>
          </Group>
        </Stack>
      </Paper>
      <Table striped stickyHeader aria-label="Cola de lectura">
        <Table.Thead>
          <Table.Tr><Table.Th>Folio</Table.Th><Table.Th>Anexo</Table.Th><Table.Th>Estado</Table.Th><Table.Th>Avance</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cola.filas.length === 0 && (
            <Table.Tr><Table.Td colSpan={5}><Text c="dimmed" size="sm">Aún no hay anexos: se agregan solos al registrar asuntos con documentos escaneados.</Text></Table.Td></Table.Tr>
          )}
          {cola.filas.map((f) => (
            <Table.Tr key={f.anexoId}>
              <Table.Td>{f.folio}</Table.Td>
              <Table.Td>{f.nombre}</Table.Td>
              <Table.Td><Badge color={COLOR[f.estado]} variant="light">{ETIQUETA[f.estado]}</Badge></Table.Td>
              <Table.Td><Text size="sm" c={f.estado === 'error' ? 'red' : undefined}>{textoLectura(f)}</Text></Table.Td>
              <Table.Td ta="right">
                {f.estado === 'pendiente' || f.estado === 'leyendo' ? (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => void accion('ocr.quitar', f.anexoId)}>Quitar de la cola</Button>
                ) : (
                  <Button size="compact-xs" variant="subtle" onClick={() => void accion('ocr.reintentar', f.anexoId)}>Volver a leer</Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
