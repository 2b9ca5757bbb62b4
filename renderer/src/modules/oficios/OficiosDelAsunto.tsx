/** The outgoing oficios of one asunto, shown in its detail, with «Responder con oficio». */
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import { avisarError, fecha } from '../../ui';
import { Estatus, type FilaOficio } from './comun';

export function OficiosDelAsunto({ asuntoId, puede }: { asuntoId: string; puede: boolean }) {
  const [filas, setFilas] = useState<FilaOficio[] | null>(null);
  const ir = useNavigate();
  const cargar = useCallback(() => void api.llamar('oficios.listar', { asuntoId, limite: 100 }).then((r) => setFilas(r.filas), avisarError), [asuntoId]);
  useEffect(cargar, [cargar]);
  useAlCambiar(cargar, ['oficios', 'oficios_lote']);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Oficios de salida</Title>
          {puede && (
            <Button size="xs" variant="light" leftSection={<IconMailForward size={14} />} onClick={() => ir(`/oficios/nuevo?asunto=${asuntoId}&plantilla=RESPUESTA`)}>
              Responder con oficio
            </Button>
          )}
        </Group>
        {filas && filas.length === 0 && <Text size="sm" c="dimmed">Ningún oficio se refiere a este asunto.</Text>}
        {filas && filas.length > 0 && (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {filas.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td><Anchor size="sm" onClick={() => ir(`/oficios/${f.id}`)}>{f.numero ?? 'Borrador'}</Anchor></Table.Td>
                  <Table.Td>{fecha(f.fecha)}</Table.Td>
                  <Table.Td>{f.destinatario}</Table.Td>
                  <Table.Td>{f.asunto}</Table.Td>
                  <Table.Td><Estatus estatus={f.estatus} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
