/** Oficios › plantillas: the administrator edits asunto and body with merge fields; unknown fields are refused. */
import { Badge, Button, Code, Group, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../electron/contract';
import { CAMPOS_TABLA, CAMPOS_TEXTO, ETIQUETAS_OFICIO, TIPOS_OFICIO } from '../../../../electron/contract/oficios';
import { api } from '../../api';
import { AvisosBorrador, avisarError, avisarExito, cerrarPreguntando, DialogoEdicion, useBorradorEstado } from '../../ui';
import { Pestanas, usePuedeRedactar } from './comun';

type Plantilla = Output<'oficios.plantillas.listar'>[number];

function Dialogo({ p, onClose, alGuardar }: { p: Partial<Plantilla>; onClose: () => void; alGuardar: () => void }) {
  const [v, setV] = useState<Partial<Plantilla>>(p);
  const [error, setError] = useState<string | null>(null);
  const borrador = useBorradorEstado(`oficios.plantilla.${p.id ?? 'nueva'}`, v, p, setV);
  const cerrar = cerrarPreguntando(borrador.sucio, onClose);
  const guardar = async () => {
    try {
      await api.llamar('oficios.plantillas.guardar', {
        id: v.id, version: v.version, clave: v.clave ?? '', nombre: v.nombre ?? '', tipo: v.tipo ?? 'otro', asunto: v.asunto ?? '', cuerpo: v.cuerpo ?? '', activa: v.activa ?? true,
      });
      avisarExito('Plantilla guardada.');
      borrador.olvidar();
      alGuardar();
      onClose();
    } catch (e) {
      setError((e as Error).message);
      avisarError(e, 'No se guardó la plantilla');
    }
  };
  return (
    <DialogoEdicion onClose={cerrar} onGuardar={guardar} titulo={p.id ? `Plantilla «${p.nombre}»` : 'Nueva plantilla'} size="xl">
      <AvisosBorrador b={borrador} />
      <SimpleGrid cols={3}>
        <TextInput label="Clave" withAsterisk value={v.clave ?? ''} onChange={(e) => { const x = e.currentTarget.value; setV((o) => ({ ...o, clave: x })); }} />
        <TextInput label="Nombre" withAsterisk value={v.nombre ?? ''} onChange={(e) => { const x = e.currentTarget.value; setV((o) => ({ ...o, nombre: x })); }} />
        <Select label="Tipo" data={TIPOS_OFICIO.map((t) => ({ value: t, label: ETIQUETAS_OFICIO.tipo[t] }))} value={v.tipo ?? 'otro'} onChange={(x) => x && setV((o) => ({ ...o, tipo: x as Plantilla['tipo'] }))} comboboxProps={{ withinPortal: false }} />
      </SimpleGrid>
      <TextInput label="Asunto" withAsterisk value={v.asunto ?? ''} onChange={(e) => { const x = e.currentTarget.value; setV((o) => ({ ...o, asunto: x })); }} />
      <Textarea label="Cuerpo" withAsterisk autosize minRows={10} maxRows={20} value={v.cuerpo ?? ''} error={error} onChange={(e) => { const x = e.currentTarget.value; setV((o) => ({ ...o, cuerpo: x })); setError(null); }} />
      <Switch label="Activa" checked={v.activa ?? true} onChange={(e) => { const x = e.currentTarget.checked; setV((o) => ({ ...o, activa: x })); }} />
      <Paper bg="gray.0" p="xs">
        <Text size="xs" fw={600}>Campos disponibles</Text>
        <Group gap={6} mt={4}>
          {Object.entries(CAMPOS_TEXTO).map(([c, d]) => <Code key={c} title={d}>{`{${c}}`}</Code>)}
          {Object.entries(CAMPOS_TABLA).map(([c, d]) => <Code key={c} title={d} color="orange.1">{`{${c}}`}</Code>)}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>Los campos de tabla (naranja) van solos en su renglón del cuerpo.</Text>
      </Paper>
    </DialogoEdicion>
  );
}

export function Plantillas() {
  const [lista, setLista] = useState<Plantilla[]>([]);
  const [editando, setEditando] = useState<Partial<Plantilla> | null>(null);
  const { administrar } = usePuedeRedactar();
  const cargar = () => void api.llamar('oficios.plantillas.listar', {}).then(setLista, avisarError);
  useEffect(cargar, []);
  return (
    <Stack>
      <Pestanas />
      <Group justify="space-between">
        <Title order={2}>Plantillas de oficio</Title>
        {administrar && <Button leftSection={<IconPlus size={16} />} onClick={() => setEditando({ activa: true, tipo: 'otro' })}>Nueva plantilla</Button>}
      </Group>
      <Paper withBorder>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr><Table.Th>Nombre</Table.Th><Table.Th>Tipo</Table.Th><Table.Th>Asunto</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lista.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.nombre} {!p.activa && <Badge size="xs" color="gray">Inactiva</Badge>}</Table.Td>
                <Table.Td>{ETIQUETAS_OFICIO.tipo[p.tipo]}</Table.Td>
                <Table.Td><Text size="sm" lineClamp={1}>{p.asunto}</Text></Table.Td>
                <Table.Td ta="right">{administrar && <Button size="xs" variant="default" onClick={() => setEditando(p)}>Editar</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editando && <Dialogo p={editando} onClose={() => setEditando(null)} alGuardar={cargar} />}
    </Stack>
  );
}
