/** Gabinete › Reunión › Tarjetas informativas (printed at the end of the carpeta estratégica). */
import { useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { api } from '../../../api';
import { CampoSeleccion, avisarError } from '../../../ui';
import { opcionesDependencias, useCatalogos } from '../comun';
import type { Props } from './props';

export function PestanaTarjetas({ r, editable, alCambiar }: Props) {
  const cat = useCatalogos();
  const [titulo, setTitulo] = useState('');
  const [contenido, setContenido] = useState('');
  const [dependenciaId, setDependenciaId] = useState<string | null>(null);
  const agregar = async () => {
    try {
      await api.llamar('gabinete.tarjetas.guardar', { reunionId: r.id, titulo, contenido, dependenciaId });
      setTitulo('');
      setContenido('');
      await alCambiar();
    } catch (e) {
      avisarError(e);
    }
  };
  return (
    <Stack gap="sm" maw={900}>
      {editable && (
        <Card withBorder>
          <Stack gap="xs">
            <Group grow>
              <TextInput label="Título" value={titulo} onChange={(e) => setTitulo(e.currentTarget.value)} maxLength={300} />
              <CampoSeleccion label="Dependencia (opcional)" clearable data={opcionesDependencias(cat?.dependencias ?? [])} value={dependenciaId} onChange={setDependenciaId} />
            </Group>
            <Textarea label="Contenido" autosize minRows={3} value={contenido} onChange={(e) => setContenido(e.currentTarget.value)} maxLength={8000}
              onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void agregar()} />
            <Group justify="flex-end"><Button onClick={() => void agregar()}>Agregar tarjeta (Ctrl+Enter)</Button></Group>
          </Stack>
        </Card>
      )}
      {r.tarjetas.length === 0 && <Alert color="gray">Sin tarjetas informativas. Se imprimen al final de la carpeta estratégica.</Alert>}
      {r.tarjetas.map((t) => (
        <Card key={t.id} withBorder>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{t.titulo}{t.dependencia ? <Text span c="dimmed" size="sm"> — {t.dependencia}</Text> : null}</Text>
            {editable && (
              <ActionIcon variant="subtle" color="red" aria-label={`Retirar tarjeta ${t.titulo}`} onClick={() => void api.llamar('gabinete.tarjetas.retirar', { id: t.id, version: t.version }).then(alCambiar, avisarError)}>
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{t.contenido}</Text>
        </Card>
      ))}
    </Stack>
  );
}
