/** Gabinete › Reunión › Asistencia: one row per convocado, saved as it is marked. */
import { useEffect, useState } from 'react';
import { Alert, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { api } from '../../../api';
import { avisarError, erroresDeCampos } from '../../../ui';
import type { Reunion } from '../comun';
import type { Props } from './props';

const OPCIONES_ASISTENCIA = [
  { value: 'asistio', label: 'Asistió' },
  { value: 'no_asistio', label: 'No asistió' },
  { value: 'representante', label: 'Envió representante' },
];

function FilaAsistencia({ c, editable, alCambiar }: { c: Reunion['convocadosLista'][number]; editable: boolean; alCambiar: () => unknown }) {
  const [valor, setValor] = useState<string>(c.asistencia);
  const [representante, setRepresentante] = useState(c.representante);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setValor(c.asistencia);
    setRepresentante(c.representante);
  }, [c.asistencia, c.representante]);
  const guardar = async (asistencia: string, rep: string) => {
    setError(undefined);
    try {
      await api.llamar('gabinete.asistencia.registrar', { id: c.id, version: c.version, asistencia: asistencia as 'asistio', representante: rep });
      await alCambiar();
    } catch (e) {
      setError((erroresDeCampos(e) as Record<string, string> | null)?.representante);
      if (!erroresDeCampos(e)) avisarError(e);
    }
  };
  return (
    <Table.Tr>
      <Table.Td>{c.nombre}<Text size="xs" c="dimmed">{c.cargo}</Text></Table.Td>
      <Table.Td>{c.siglas || c.dependencia}</Table.Td>
      <Table.Td>
        <SegmentedControl
          size="xs"
          aria-label={`Asistencia de ${c.nombre}`}
          disabled={!editable}
          data={OPCIONES_ASISTENCIA}
          value={valor === 'sin_registro' ? '' : valor}
          onChange={(v) => {
            setValor(v);
            if (v !== 'representante') void guardar(v, '');
          }}
        />
      </Table.Td>
      <Table.Td>
        {valor === 'representante' && (
          <TextInput
            size="xs"
            aria-label={`Representante de ${c.nombre}`}
            placeholder="Nombre del representante (Enter para guardar)"
            value={representante}
            disabled={!editable}
            error={error}
            autoFocus={c.asistencia !== 'representante'}
            onChange={(e) => setRepresentante(e.currentTarget.value)}
            onBlur={() => representante.trim() && representante !== c.representante && void guardar('representante', representante)}
            onKeyDown={(e) => e.key === 'Enter' && void guardar('representante', representante)}
            maxLength={150}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function PestanaAsistencia({ r, editable, alCambiar }: Props) {
  if (r.convocadosLista.length === 0) return <Alert color="gray">Primero convoque funcionarios en la pestaña Convocados.</Alert>;
  const cuenta = (a: string) => r.convocadosLista.filter((c) => c.asistencia === a).length;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Asistieron {cuenta('asistio')} · enviaron representante {cuenta('representante')} · no asistieron {cuenta('no_asistio')} · sin registro {cuenta('sin_registro')}
      </Text>
      <Table striped>
        <Table.Thead><Table.Tr><Table.Th>Convocado</Table.Th><Table.Th>Dependencia</Table.Th><Table.Th>Asistencia</Table.Th><Table.Th>Representante</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {r.convocadosLista.map((c) => <FilaAsistencia key={c.id} c={c} editable={editable} alCambiar={alCambiar} />)}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
