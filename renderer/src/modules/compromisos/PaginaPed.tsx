/** Plan Estatal de Desarrollo: the editable tree Eje › Objetivo › Estrategia (clave + texto). */
import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconEye, IconEyeOff, IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import { avisarError, avisarExito, confirmar } from '../../ui';
import type { ElementoPed } from './datos';

const HIJO: Record<ElementoPed['nivel'], ElementoPed['nivel'] | null> = { eje: 'objetivo', objetivo: 'estrategia', estrategia: null };
const NOMBRE: Record<ElementoPed['nivel'], string> = { eje: 'eje', objetivo: 'objetivo', estrategia: 'estrategia' };
const DEL: Record<ElementoPed['nivel'], string> = { eje: 'del eje', objetivo: 'del objetivo', estrategia: 'de la estrategia' };
const NUEVO: Record<ElementoPed['nivel'], string> = { eje: 'Nuevo eje', objetivo: 'Nuevo objetivo', estrategia: 'Nueva estrategia' };

function Editor({ inicial, nivel, padreId, alTerminar }: { inicial?: ElementoPed; nivel: ElementoPed['nivel']; padreId: string | null; alTerminar: (guardado: boolean) => void }) {
  const [clave, setClave] = useState(inicial?.clave ?? '');
  const [texto, setTexto] = useState(inicial?.texto ?? '');
  const [error, setError] = useState<string | null>(null);
  const guardar = async () => {
    try {
      await api.llamar('compromisos.ped.guardar', { id: inicial?.id, version: inicial?.version, nivel, padreId, clave, texto });
      avisarExito(inicial ? 'Cambios guardados.' : `${NUEVO[nivel]} registrad${nivel === 'estrategia' ? 'a' : 'o'}.`);
      alTerminar(true);
    } catch (e) {
      setError((e as Error).message);
      avisarError(e);
    }
  };
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      onKeyDown={(ev) => {
        if (ev.key === 'Enter') void guardar();
        if (ev.key === 'Escape') alTerminar(false);
      }}
    >
      <TextInput aria-label={`Clave ${DEL[nivel]}`} placeholder="Clave" w={90} value={clave} onChange={(e) => setClave(e.currentTarget.value)} data-autofocus autoFocus error={!!error} />
      <TextInput aria-label={`Texto ${DEL[nivel]}`} placeholder={`Texto ${DEL[nivel]}`} style={{ flex: 1 }} value={texto} onChange={(e) => setTexto(e.currentTarget.value)} error={error} />
      <ActionIcon aria-label="Guardar" onClick={() => void guardar()}><IconCheck size={16} /></ActionIcon>
      <ActionIcon aria-label="Cancelar" variant="subtle" onClick={() => alTerminar(false)}><IconX size={16} /></ActionIcon>
    </Group>
  );
}

async function cambiarActiva(e: ElementoPed, recargar: () => void) {
  if (e.activa && !(await confirmar({ titulo: `Desactivar ${e.nivel === 'estrategia' ? 'la' : 'el'} ${NOMBRE[e.nivel]}`, mensaje: `«${e.clave} ${e.texto}» dejará de ofrecerse al alinear compromisos. Los compromisos ya alineados la conservan.`, confirmar: 'Desactivar' }))) return;
  try {
    await api.llamar('compromisos.ped.cambiarActiva', { id: e.id, version: e.version, activa: !e.activa });
    recargar();
  } catch (err) {
    avisarError(err);
  }
}

function Nodo({ e, ped, puedeEditar, recargar, nivelVisual }: { e: ElementoPed; ped: ElementoPed[]; puedeEditar: boolean; recargar: () => void; nivelVisual: number }) {
  const [editando, setEditando] = useState(false);
  const [agregando, setAgregando] = useState(false);
  const hijo = HIJO[e.nivel];
  const hijos = ped.filter((x) => x.padreId === e.id);
  return (
    <Stack gap={4} pl={nivelVisual * 24}>
      {editando ? (
        <Editor inicial={e} nivel={e.nivel} padreId={e.padreId} alTerminar={(g) => (setEditando(false), g && recargar())} />
      ) : (
        <Group gap="xs" wrap="nowrap" data-ped={e.clave}>
          <Text fw={e.nivel === 'eje' ? 700 : e.nivel === 'objetivo' ? 600 : 400} size={e.nivel === 'eje' ? 'md' : 'sm'} c={e.activa ? undefined : 'dimmed'} td={e.activa ? undefined : 'line-through'}>
            {e.clave} {e.texto}
          </Text>
          {!e.activa && <Text size="xs" c="dimmed">(inactivo)</Text>}
          {puedeEditar && (
            <>
              <Tooltip label="Editar"><ActionIcon size="sm" variant="subtle" aria-label={`Editar ${e.clave}`} onClick={() => setEditando(true)}><IconPencil size={14} /></ActionIcon></Tooltip>
              <Tooltip label={e.activa ? 'Desactivar (deja de ofrecerse al alinear; los compromisos conservan su alineación)' : 'Activar'}>
                <ActionIcon size="sm" variant="subtle" aria-label={`${e.activa ? 'Desactivar' : 'Activar'} ${e.clave}`} onClick={() => void cambiarActiva(e, recargar)}>
                  {e.activa ? <IconEyeOff size={14} /> : <IconEye size={14} />}
                </ActionIcon>
              </Tooltip>
              {hijo && e.activa && (
                <Tooltip label={`Agregar ${NOMBRE[hijo]}`}>
                  <ActionIcon size="sm" variant="subtle" aria-label={`Agregar ${NOMBRE[hijo]} a ${e.clave}`} onClick={() => setAgregando(true)}><IconPlus size={14} /></ActionIcon>
                </Tooltip>
              )}
            </>
          )}
        </Group>
      )}
      {hijos.map((h) => (
        <Nodo key={h.id} e={h} ped={ped} puedeEditar={puedeEditar} recargar={recargar} nivelVisual={1} />
      ))}
      {agregando && hijo && (
        <div style={{ paddingLeft: 24 }}>
          <Editor nivel={hijo} padreId={e.id} alTerminar={(g) => (setAgregando(false), g && recargar())} />
        </div>
      )}
    </Stack>
  );
}

export function PaginaPed({ ped, puedeEditar, recargar }: { ped: ElementoPed[]; puedeEditar: boolean; recargar: () => void }) {
  const [agregando, setAgregando] = useState(false);
  const ejes = ped.filter((e) => e.nivel === 'eje');
  return (
    <Stack gap="sm" maw={960}>
      <Group justify="space-between">
        <Title order={3}>Plan Estatal de Desarrollo</Title>
        {puedeEditar && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAgregando(true)}>
            Nuevo eje
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">Eje › Objetivo › Estrategia. Los compromisos se alinean a una estrategia. Enter guarda, Esc cancela.</Text>
      {agregando && <Editor nivel="eje" padreId={null} alTerminar={(g) => (setAgregando(false), g && recargar())} />}
      {ejes.length === 0 && !agregando && <Text c="dimmed">Aún no hay ejes. {puedeEditar ? 'Agregue el primero con «Nuevo eje».' : ''}</Text>}
      {ejes.map((e) => (
        <Paper key={e.id} withBorder p="sm">
          <Nodo e={e} ped={ped} puedeEditar={puedeEditar} recargar={recargar} nivelVisual={0} />
        </Paper>
      ))}
    </Stack>
  );
}
