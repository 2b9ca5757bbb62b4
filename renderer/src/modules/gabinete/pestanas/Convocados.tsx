/** Gabinete › Reunión › Convocados: convoke from the directorio, one by one or a whole dependencia. */
import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Alert, Button, Group, MultiSelect, Stack, Table } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { api } from '../../../api';
import { CampoSeleccion, avisarError, filtroSinAcentos } from '../../../ui';
import type { Props } from './props';

export function PestanaConvocados({ r, editable, alCambiar }: Props) {
  const [funcionarios, setFuncionarios] = useState<Awaited<ReturnType<typeof api.llamar<'gabinete.funcionarios.listar'>>>>([]);
  const [elegidos, setElegidos] = useState<string[]>([]);
  useEffect(() => void api.llamar('gabinete.funcionarios.listar', {}).then(setFuncionarios, avisarError), []);
  const ya = new Set(r.convocadosLista.map((c) => c.funcionarioId));
  const grupos = useMemo(() => {
    const m = new Map<string, { value: string; label: string }[]>();
    for (const f of funcionarios) {
      if (ya.has(f.id)) continue;
      const g = f.siglas || f.dependencia;
      m.set(g, [...(m.get(g) ?? []), { value: f.id, label: `${f.nombre}${f.cargo ? ` — ${f.cargo}` : ''}` }]);
    }
    return [...m.entries()].map(([group, items]) => ({ group, items }));
  }, [funcionarios, r.convocadosLista]); // eslint-disable-line react-hooks/exhaustive-deps

  const convocar = async (ids: string[]) => {
    if (!ids.length) return;
    try {
      await api.llamar('gabinete.convocados.agregar', { reunionId: r.id, funcionarioIds: ids });
      setElegidos([]);
      await alCambiar();
    } catch (e) {
      avisarError(e);
    }
  };
  const dependencias = [...new Set(funcionarios.filter((f) => !ya.has(f.id)).map((f) => f.dependenciaId))];

  return (
    <Stack gap="sm">
      {editable && (
        <Group align="flex-end" gap="xs">
          <MultiSelect
            label="Convocar del directorio"
            placeholder="Busque por nombre, cargo o dependencia"
            data={grupos}
            value={elegidos}
            onChange={setElegidos}
            searchable
            filter={filtroSinAcentos}
            nothingFoundMessage="Sin coincidencias (agregue funcionarios en Directorio)"
            style={{ flex: 1 }}
          />
          <Button onClick={() => void convocar(elegidos)} disabled={!elegidos.length}>Convocar</Button>
          {dependencias.length > 0 && (
            <CampoSeleccion
              aria-label="Convocar a toda una dependencia"
              placeholder="Toda una dependencia…"
              w={260}
              value={null}
              data={dependencias.map((d) => {
                const f = funcionarios.find((x) => x.dependenciaId === d)!;
                return { value: d, label: f.siglas ? `${f.siglas} — ${f.dependencia}` : f.dependencia };
              })}
              onChange={(d) => d && void convocar(funcionarios.filter((f) => f.dependenciaId === d && !ya.has(f.id)).map((f) => f.id))}
            />
          )}
        </Group>
      )}
      {r.convocadosLista.length === 0 ? (
        <Alert color="gray">Nadie convocado todavía. {editable ? 'Elija funcionarios del directorio arriba.' : ''}</Alert>
      ) : (
        <Table striped highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr><Table.Th>Nombre</Table.Th><Table.Th>Cargo</Table.Th><Table.Th>Dependencia</Table.Th><Table.Th>Correo</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.convocadosLista.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.nombre}</Table.Td>
                <Table.Td>{c.cargo}</Table.Td>
                <Table.Td>{c.dependencia}</Table.Td>
                <Table.Td>{c.correo}</Table.Td>
                <Table.Td w={40}>
                  {editable && c.asistencia === 'sin_registro' && (
                    <ActionIcon variant="subtle" color="red" aria-label={`Quitar a ${c.nombre}`} onClick={() => void api.llamar('gabinete.convocados.quitar', { id: c.id, version: c.version }).then(alCambiar, avisarError)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
