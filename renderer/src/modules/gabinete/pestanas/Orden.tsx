/** Gabinete › Reunión › Orden del día: reorder by drag and by keyboard (Alt+↑/↓ on a focused point). */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPencil, IconTrash } from '@tabler/icons-react';
import { api } from '../../../api';
import { avisarError } from '../../../ui';
import type { Reunion } from '../comun';
import type { Props } from './props';

export function PestanaOrden({ r, editable, alCambiar }: Props) {
  const [titulo, setTitulo] = useState('');
  const [presentador, setPresentador] = useState('');
  const [arrastrado, setArrastrado] = useState<string | null>(null);
  const [orden, setOrden] = useState(r.orden);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const [editandoId, setEditandoId] = useState<string | null>(null);
  const [edTitulo, setEdTitulo] = useState('');
  const [edPresentador, setEdPresentador] = useState('');
  useEffect(() => setOrden(r.orden), [r.orden]);
  const editar = (p: Reunion['orden'][number]) => {
    setEditandoId(p.id);
    setEdTitulo(p.titulo);
    setEdPresentador(p.presentador);
  };
  const guardarEdicion = async (p: Reunion['orden'][number]) => {
    try {
      setOrden(await api.llamar('gabinete.orden.guardar', { reunionId: r.id, id: p.id, version: p.version, titulo: edTitulo, presentador: edPresentador }));
      setEditandoId(null);
      await alCambiar();
      requestAnimationFrame(() => refs.current.get(p.id)?.focus());
    } catch (e) {
      avisarError(e);
    }
  };

  const guardarOrden = async (ids: string[], enfocar?: string) => {
    try {
      setOrden(await api.llamar('gabinete.orden.reordenar', { reunionId: r.id, ids }));
      await alCambiar();
      if (enfocar) requestAnimationFrame(() => refs.current.get(enfocar)?.focus());
    } catch (e) {
      avisarError(e);
      await alCambiar();
    }
  };
  const mover = (id: string, delta: number) => {
    const ids = orden.map((p) => p.id);
    const i = ids.indexOf(id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    setOrden(ids.map((x) => orden.find((p) => p.id === x)!));
    void guardarOrden(ids, id);
  };
  const alSoltar = (ev: DragEvent, destino: string) => {
    ev.preventDefault();
    if (!arrastrado || arrastrado === destino) return;
    const ids = orden.map((p) => p.id).filter((x) => x !== arrastrado);
    ids.splice(ids.indexOf(destino) + (orden.findIndex((p) => p.id === arrastrado) < orden.findIndex((p) => p.id === destino) ? 1 : 0), 0, arrastrado);
    setArrastrado(null);
    void guardarOrden(ids);
  };
  const agregar = async () => {
    if (!titulo.trim()) return;
    try {
      setOrden(await api.llamar('gabinete.orden.guardar', { reunionId: r.id, titulo, presentador }));
      setTitulo('');
      setPresentador('');
      await alCambiar();
    } catch (e) {
      avisarError(e);
    }
  };

  return (
    <Stack gap="sm" maw={900}>
      {editable && (
        <Group align="flex-end" gap="xs" onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void agregar())}>
          <TextInput label="Punto del orden del día" value={titulo} onChange={(e) => setTitulo(e.currentTarget.value)} style={{ flex: 2 }} maxLength={500} />
          <TextInput label="Presenta" value={presentador} onChange={(e) => setPresentador(e.currentTarget.value)} style={{ flex: 1 }} maxLength={200} />
          <Button onClick={() => void agregar()}>Agregar punto</Button>
        </Group>
      )}
      {editable && orden.length > 1 && <Text size="xs" c="dimmed">Arrastre un punto para moverlo, o selecciónelo y use Alt+↑ / Alt+↓.</Text>}
      {orden.length === 0 && <Alert color="gray">Sin puntos en el orden del día.</Alert>}
      <Stack gap={4} role="list" aria-label="Orden del día">
        {orden.map((p, i) => (
          <Paper
            key={p.id}
            withBorder
            p="xs"
            role="listitem"
            tabIndex={0}
            ref={(el) => void (el ? refs.current.set(p.id, el) : refs.current.delete(p.id))}
            aria-label={`Punto ${i + 1}: ${p.titulo}`}
            draggable={editable && editandoId !== p.id}
            onDragStart={() => setArrastrado(p.id)}
            onDragOver={(e) => editable && e.preventDefault()}
            onDrop={(e) => alSoltar(e, p.id)}
            onKeyDown={(e: KeyboardEvent) => {
              if (!editable || !e.altKey) return;
              if (e.key === 'ArrowUp') (e.preventDefault(), mover(p.id, -1));
              if (e.key === 'ArrowDown') (e.preventDefault(), mover(p.id, 1));
            }}
            style={{ opacity: arrastrado === p.id ? 0.5 : 1, cursor: editable ? 'grab' : undefined }}
            data-testid="punto-orden"
          >
            <Group gap="xs" wrap="nowrap">
              {editable && <IconGripVertical size={16} color="gray" />}
              <Text fw={600} w={28}>{i + 1}.</Text>
              {editandoId === p.id ? (
                <Group gap="xs" style={{ flex: 1 }} onKeyDown={(e) => {
                  e.stopPropagation();
                  if (e.key === 'Enter') (e.preventDefault(), void guardarEdicion(p));
                  if (e.key === 'Escape') setEditandoId(null);
                }}>
                  <TextInput size="xs" aria-label="Punto" value={edTitulo} onChange={(e) => setEdTitulo(e.currentTarget.value)} style={{ flex: 2 }} autoFocus maxLength={500} />
                  <TextInput size="xs" aria-label="Presenta" value={edPresentador} onChange={(e) => setEdPresentador(e.currentTarget.value)} style={{ flex: 1 }} maxLength={200} />
                  <Button size="xs" onClick={() => void guardarEdicion(p)}>Guardar</Button>
                </Group>
              ) : (
                <div style={{ flex: 1 }} onDoubleClick={() => editable && editar(p)}>
                  <Text size="sm">{p.titulo}</Text>
                  {p.presentador && <Text size="xs" c="dimmed">Presenta: {p.presentador}</Text>}
                </div>
              )}
              {editable && editandoId !== p.id && (
                <Group gap={2}>
                  <ActionIcon variant="subtle" aria-label={`Editar punto ${i + 1}`} onClick={() => editar(p)}><IconPencil size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Subir punto ${i + 1}`} disabled={i === 0} onClick={() => mover(p.id, -1)}><IconArrowUp size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Bajar punto ${i + 1}`} disabled={i === orden.length - 1} onClick={() => mover(p.id, 1)}><IconArrowDown size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Retirar punto ${i + 1}`} onClick={() => void api.llamar('gabinete.orden.retirar', { id: p.id, version: p.version }).then(setOrden, avisarError).then(alCambiar)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
